import { addMonths, firstDayOf, type Month } from "./calendar.js";
import { startOfLocalDay } from "./local-time.js";
import { type SlaFigures, type SlaReport, slaReport, ticketAsOf } from "./sla-report.js";
import { PRIORITIES, type Priority } from "./sla-terms.js";
import { slaTimelineReport, type TimelineSlaFigures } from "./sla-timeline-report.js";
import type { Ticket } from "./ticket.js";
import { timelineOf } from "./ticket-life.js";

/** v1's figures (the first response) with v2's of both targets beside them. */
export type MonthSlaFigures = SlaFigures & Omit<TimelineSlaFigures, "tickets">;

export interface MonthSlaReport extends SlaReport, Omit<TimelineSlaFigures, "tickets"> {
  byPriority: Record<Priority, MonthSlaFigures>;
}

/**
 * The SLA report of a month (SPEC §8) as the API and the statement show it: v1's response figures,
 * kept for their readers, and both targets' met %, breaches and pending minutes per priority from the
 * tickets' timelines (v1 tickets through timelineOfV1Ticket). A pure function of the tickets and
 * `now`: a month close that passes its own moment and stores the result has the frozen report.
 */
export function monthSlaReport(tickets: readonly Ticket[], month: Month, now: Date): MonthSlaReport {
  const v1 = slaReport([...tickets], month, now);
  const v2 = slaTimelineReport(
    tickets.map((ticket) => ({ priority: ticket.priority, sla: ticket.sla, timeline: timelineOf(ticket) })),
    month,
    now,
  );
  const targets = (figures: TimelineSlaFigures) => ({
    response: figures.response,
    resolution: figures.resolution,
    pendingMinutes: figures.pendingMinutes,
  });
  const byPriority = Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      { ...v1.byPriority[priority], ...targets(v2.byPriority[priority]) },
    ]),
  ) as Record<Priority, MonthSlaFigures>;
  return { ...v1, ...targets(v2), byPriority };
}

/**
 * The SLA report of a month as it is reported: a closed month's figures as they stood at the month's
 * end (in the billing time zone), so no later response, event or watch sweep changes a closed report;
 * an open month's as of `now`.
 */
export function reportedMonthSlaReport(
  tickets: readonly Ticket[],
  month: Month,
  closed: boolean,
  now: Date,
  billingTimezone: string,
): MonthSlaReport {
  if (!closed) return monthSlaReport(tickets, month, now);
  const end = startOfLocalDay(billingTimezone, firstDayOf(addMonths(month, 1)));
  const at = end.getTime() < now.getTime() ? end : now;
  return monthSlaReport(
    tickets.map((ticket) => ticketAsOf(ticket, at)),
    month,
    at,
  );
}
