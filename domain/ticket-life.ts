import { isoInstant } from "./calendar.js";
import type { Ticket } from "./ticket.js";
import {
  nextWatchMoment,
  slaFieldsOf,
  type TicketClocks,
  type TicketSlaFields,
  type TicketWatch,
  ticketClocks,
  type WatchMark,
} from "./ticket-sla.js";
import { type Timeline, timelineOfV1Ticket, timelineStatus } from "./ticket-timeline.js";

/**
 * A stored ticket seen through its timeline (SPEC §8): v1 tickets (no timeline) read as the timeline
 * they imply, so old and new tickets get the same state, clocks and watch.
 */

export function timelineOf(ticket: Ticket): Timeline {
  return ticket.timeline ?? timelineOfV1Ticket(ticket);
}

/** What the watch raised; a v1 ticket's stamps were about the response target. */
export function raisedOf(ticket: Ticket): WatchMark[] {
  if (ticket.raised) return [...ticket.raised];
  const marks: WatchMark[] = [];
  if (ticket.warnedAt !== null) marks.push({ target: "response", stage: "warning" });
  if (ticket.breachedAt !== null) marks.push({ target: "response", stage: "breach" });
  return marks;
}

export function watchOf(ticket: Ticket, raised: readonly WatchMark[] = raisedOf(ticket)): TicketWatch {
  return { timeline: timelineOf(ticket), terms: ticket.sla, priority: ticket.priority, raised };
}

export function clocksOf(ticket: Ticket, now: Date): TicketClocks {
  return ticketClocks(timelineOf(ticket), ticket.sla, ticket.priority, now);
}

/** The SLA fields a ticket shows and is listed by, as of `now`. */
export function slaOf(ticket: Ticket, now: Date): TicketSlaFields {
  return slaFieldsOf(clocksOf(ticket, now));
}

/**
 * The ticket after its timeline or its raised alerts changed: state, the v1 fields of the response,
 * the watch's next moment, all recomputed from the timeline (a late event moves them), and the
 * version bumped for the conditional write.
 */
export function recomputedTicket(
  ticket: Ticket,
  timeline: Timeline,
  raised: readonly WatchMark[],
  now: Date,
): Ticket {
  const status = timelineStatus(timeline);
  const clocks = ticketClocks(timeline, ticket.sla, ticket.priority, now);
  const response = clocks.response;
  const moment = nextWatchMoment({ timeline, terms: ticket.sla, priority: ticket.priority, raised }, now);
  const responded = timeline.find((event) => event.type === "responded");
  const stamp = (mark: WatchMark) =>
    raised.some((r) => r.target === mark.target && r.stage === mark.stage) ? isoInstant(now) : null;
  return {
    ...ticket,
    status: status.state,
    // The v1 fields keep the last deadline the response clock had while it ran.
    responseDueAt: response.dueAt ?? response.breachedAt ?? ticket.responseDueAt,
    warnAt: response.warnAt ?? ticket.warnAt,
    respondedAt: response.metAt,
    respondedBy: response.metAt === null ? null : (responded?.by ?? ticket.openedBy),
    slaMet: response.met,
    responseMinutes: response.metAt === null ? null : response.consumedMinutes,
    warnedAt: ticket.warnedAt ?? stamp({ target: "response", stage: "warning" }),
    breachedAt: ticket.breachedAt ?? stamp({ target: "response", stage: "breach" }),
    watch: moment,
    timeline: [...timeline],
    raised: [...raised],
    version: (ticket.version ?? 0) + 1,
  };
}

/** The moment a ticket sorts by in the queue: its soonest running deadline, or none. */
export function soonestDueAt(ticket: Ticket, now: Date): string | null {
  const sla = slaOf(ticket, now);
  const dues = [sla.responseDueAt, sla.resolutionDueAt].filter((d): d is string => d !== null).sort();
  return dues[0] ?? null;
}
