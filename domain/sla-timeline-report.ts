import type { Month } from "./calendar.js";
import { PRIORITIES, type Priority, type SlaTerms } from "./sla-terms.js";
import { SLA_TARGETS, type SlaTarget, type TargetClock, ticketClocks } from "./ticket-sla.js";
import type { Timeline } from "./ticket-timeline.js";

/**
 * The v2 SLA report (SPEC §8): both targets, decided from each ticket's timeline. A module apart from
 * sla-report.ts because it needs the SLA calendar (and its holiday table), which v1's report, bundled
 * into the statement functions, does without.
 */

/** How one target was kept over a set of tickets. */
export interface TargetFigures {
  /** The target's event came by the deadline. */
  met: number;
  /** The deadline passed without it (as of `now`), or it came late. */
  breached: number;
  /** Neither yet: still running or pending, deadline not reached. */
  open: number;
  /** met / (met + breached), in percent with one decimal; null while nothing is decided. */
  metPercent: number | null;
}

export interface TimelineSlaFigures {
  tickets: number;
  response: TargetFigures;
  resolution: TargetFigures;
  /** Wall-clock minutes the tickets spent pending (up to `now` for one still pending), rounded up. */
  pendingMinutes: number;
}

export interface TimelineSlaReport extends TimelineSlaFigures {
  month: Month;
  byPriority: Record<Priority, TimelineSlaFigures>;
}

/** What the report needs of a ticket: its priority, the terms it was opened under, its timeline. */
export interface ReportedTicket {
  priority: Priority;
  sla: SlaTerms;
  timeline: Timeline;
}

/**
 * Wall-clock milliseconds a timeline spent pending up to `now`. Wall clock, not in-window time: the
 * figure says how long the provider waited on the customer, which does not stop at the window's close.
 */
export function pendingMillisOf(timeline: Timeline, now: Date): number {
  let total = 0;
  let since: number | null = null;
  for (const event of timeline) {
    const at = Date.parse(event.at);
    if (event.type === "pending") since = at;
    else if (event.type === "resumed" && since !== null) {
      total += at - since;
      since = null;
    }
  }
  if (since !== null) total += Math.max(0, now.getTime() - since);
  return total;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function figures(tickets: readonly ReportedTicket[], now: Date): TimelineSlaFigures {
  const counts: Record<SlaTarget, { met: number; breached: number; open: number }> = {
    response: { met: 0, breached: 0, open: 0 },
    resolution: { met: 0, breached: 0, open: 0 },
  };
  let pendingMillis = 0;
  for (const ticket of tickets) {
    const clocks = ticketClocks(ticket.timeline, ticket.sla, ticket.priority, now);
    for (const target of SLA_TARGETS) {
      const clock: TargetClock = clocks[target];
      const count = counts[target];
      if (clock.breached) count.breached++;
      else if (clock.met === true) count.met++;
      else count.open++;
    }
    pendingMillis += pendingMillisOf(ticket.timeline, now);
  }
  const of = (target: SlaTarget): TargetFigures => {
    const { met, breached, open } = counts[target];
    return { met, breached, open, metPercent: percent(met, met + breached) };
  };
  return {
    tickets: tickets.length,
    response: of("response"),
    resolution: of("resolution"),
    pendingMinutes: Math.ceil(pendingMillis / 60_000),
  };
}

/**
 * The SLA report of a month from the tickets received in it (the caller picks them, as for v1's
 * `slaReport`): both targets' met %, breaches and pending minutes, in total and per priority. `now`
 * decides whether a running clock is already breached; a month close passes the moment of the close,
 * and the report it stores with the statement is the frozen one.
 */
export function slaTimelineReport(
  tickets: readonly ReportedTicket[],
  month: Month,
  now: Date,
): TimelineSlaReport {
  const byPriority = Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      figures(
        tickets.filter((ticket) => ticket.priority === priority),
        now,
      ),
    ]),
  ) as Record<Priority, TimelineSlaFigures>;
  return { month, ...figures(tickets, now), byPriority };
}
