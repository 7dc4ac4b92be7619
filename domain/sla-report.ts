import { isoInstant, type Month } from "./calendar.js";
import { PRIORITIES, type Priority } from "./sla-terms.js";
import { isBreached, type Ticket } from "./ticket.js";

/** How an SLA was kept over a set of tickets. */
export interface SlaFigures {
  tickets: number;
  /** First response by the deadline. */
  met: number;
  /** Deadline passed without a response, or the response came late. */
  breached: number;
  /** Still open, deadline not reached. */
  open: number;
  /** met / (met + breached), in percent with one decimal; null while nothing is decided. */
  compliancePercent: number | null;
  /** Median in-window minutes to the first response, of the responded tickets; null when none. */
  medianResponseMinutes: number | null;
}

export interface SlaReport extends SlaFigures {
  month: Month;
  byPriority: Record<Priority, SlaFigures>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  // Minutes are whole numbers: the median of an even count is rounded half up.
  return Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

function figures(tickets: Ticket[], now: Date): SlaFigures {
  let met = 0;
  let breached = 0;
  const minutes: number[] = [];
  for (const ticket of tickets) {
    if (ticket.responseMinutes !== null) minutes.push(ticket.responseMinutes);
    if (isBreached(ticket, now)) breached++;
    // v2 states (pending, resolved, …) count by the response itself, not by the state it left.
    else if (ticket.respondedAt !== null) met++;
  }
  const decided = met + breached;
  return {
    tickets: tickets.length,
    met,
    breached,
    open: tickets.length - decided,
    compliancePercent: decided === 0 ? null : Math.round((met / decided) * 1000) / 10,
    medianResponseMinutes: median(minutes),
  };
}

/**
 * The SLA report of a month from the tickets received in it (the caller picks them): totals and the
 * same figures per priority. `now` decides whether an open ticket is already breached. Statements call
 * this with the month's tickets and the moment of the close.
 */
export function slaReport(tickets: Ticket[], month: Month, now: Date): SlaReport {
  const byPriority = Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      figures(
        tickets.filter((t) => t.priority === priority),
        now,
      ),
    ]),
  ) as Record<Priority, SlaFigures>;
  return { month, ...figures(tickets, now), byPriority };
}

/** A ticket as it stood at `at`: a first response, or a timeline event, recorded later is not there yet. */
export function ticketAsOf(ticket: Ticket, at: Date): Ticket {
  const cutoff = isoInstant(at);
  const timeline = ticket.timeline?.filter((event) => event.at <= cutoff);
  const withTimeline = timeline === undefined ? ticket : { ...ticket, timeline };
  if (ticket.respondedAt === null || ticket.respondedAt <= cutoff) return withTimeline;
  return {
    ...withTimeline,
    status: "open",
    respondedAt: null,
    respondedBy: null,
    slaMet: null,
    responseMinutes: null,
  };
}
