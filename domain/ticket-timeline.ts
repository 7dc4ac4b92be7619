import type { Actor } from "./access.js";
import { isoInstant } from "./calendar.js";
import { IdempotencyConflictError, ValidationError } from "./errors.js";
import { InvalidTransitionError } from "./ticket-errors.js";

/**
 * A ticket's whole life as an append-only list of events (SPEC §8). The state, both SLA clocks
 * (ticket-sla.ts) and the report are folds over this list: nothing else about the ticket's history is
 * stored, so an event entered late (its `at` in the past) changes every figure derived from it.
 *
 * States: `open` → `responded` (a staff reply) → `pending` (waiting on the customer) → back to the
 * state it left (`resumed`) → `resolved` → `reopened` (counts as open) → … A `note` is allowed in any
 * state and changes nothing; only a note may be internal (hidden from the customer).
 */
export const TIMELINE_EVENT_TYPES = [
  "opened",
  "responded",
  "pending",
  "resumed",
  "resolved",
  "reopened",
  "note",
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export const TICKET_STATES = ["open", "responded", "pending", "resolved", "reopened"] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export interface TimelineEvent {
  id: string;
  type: TimelineEventType;
  /** ISO instant, whole seconds (`2026-11-23T08:00:00Z`). */
  at: string;
  /** The actor's subject. */
  by: string;
  message?: string;
  /** Hidden from customers; only a note may be internal. */
  internal?: boolean;
}

export type Timeline = readonly TimelineEvent[];

/** Where each event may be appended and the state it leads to; `pending` and `resumed` are handled apart. */
const TRANSITIONS: Record<
  Exclude<TimelineEventType, "opened" | "pending" | "resumed" | "note">,
  Partial<Record<TicketState, TicketState>>
> = {
  responded: { open: "responded", reopened: "responded" },
  resolved: { open: "resolved", responded: "resolved", reopened: "resolved" },
  reopened: { resolved: "reopened" },
};

/** A ticket's state, and while it is pending the state it returns to. */
export interface TimelineStatus {
  state: TicketState;
  /** The state `resumed` returns to; null unless pending. */
  resumesTo: Exclude<TicketState, "pending" | "resolved"> | null;
}

/** The state after `event`, or null when the state does not allow it. */
function next(status: TimelineStatus | null, type: TimelineEventType): TimelineStatus | null {
  if (status === null) return type === "opened" ? { state: "open", resumesTo: null } : null;
  switch (type) {
    case "opened":
      return null;
    case "note":
      return status;
    case "resumed":
      return status.resumesTo === null ? null : { state: status.resumesTo, resumesTo: null };
    case "pending": {
      const from = status.state;
      if (from === "pending" || from === "resolved") return null;
      return { state: "pending", resumesTo: from };
    }
    default: {
      const to = TRANSITIONS[type][status.state];
      return to ? { state: to, resumesTo: null } : null;
    }
  }
}

/**
 * The state a timeline leaves its ticket in. Throws when the timeline itself breaks the rules (it was
 * not built by `appendEvent`), because every figure derived from it would be wrong.
 */
export function timelineStatus(timeline: Timeline): TimelineStatus {
  let status: TimelineStatus | null = null;
  for (const event of timeline) {
    const after = next(status, event.type);
    if (after === null) {
      throw new InvalidTransitionError(`A ${event.type} event is not allowed here`, {
        from: status?.state ?? null,
        event: event.type,
      });
    }
    status = after;
  }
  if (status === null)
    throw new ValidationError("A timeline begins with its opened event", { timeline: "empty" });
  return status;
}

/** The events a ticket in `status` accepts now, for the workspace to offer only those. */
export function allowedEvents(status: TimelineStatus): TimelineEventType[] {
  return TIMELINE_EVENT_TYPES.filter((type) => next(status, type) !== null);
}

/**
 * Appends one event, the only way a timeline grows. Refuses input that cannot be true (`at` in the
 * future, or before the previous event: the timeline stays in order, so folding it needs no sort) with
 * `validation_failed` naming `at`, and a change the state does not allow with `invalid_transition`.
 * `at` is kept to the whole second, as every instant the API stores.
 *
 * An event whose `id` the timeline already holds is a retry (ids come from the request's
 * Idempotency-Key): the same event leaves the timeline as it is, even though the state has moved on,
 * and a different one under that id is an `idempotency_conflict`. `at` is not compared, since a retry
 * without an explicit `at` gets a later one.
 */
export function appendEvent(timeline: Timeline, event: TimelineEvent, now: Date): TimelineEvent[] {
  const earlier = timeline.find((e) => e.id === event.id);
  if (earlier) {
    if (sameEvent(earlier, event)) return [...timeline];
    throw new IdempotencyConflictError(`Event ${event.id} exists with other content`, { id: event.id });
  }
  const instant = Date.parse(event.at);
  if (Number.isNaN(instant)) {
    throw new ValidationError(`at ${event.at} is not an instant`, { at: "must be an ISO 8601 instant" });
  }
  const at = isoInstant(new Date(Math.floor(instant / 1000) * 1000));
  if (Date.parse(at) > now.getTime()) {
    throw new ValidationError(`at ${at} is in the future`, { at: "must not be in the future" });
  }
  const previous = timeline[timeline.length - 1];
  if (previous && Date.parse(at) < Date.parse(previous.at)) {
    throw new ValidationError(`at ${at} is before the previous event (${previous.at})`, {
      at: `must not be before the previous event at ${previous.at}`,
    });
  }
  if (event.internal === true && event.type !== "note") {
    throw new ValidationError("Only a note can be internal", { internal: "only a note can be internal" });
  }
  const status = timeline.length === 0 ? null : timelineStatus(timeline);
  if (next(status, event.type) === null) {
    throw new InvalidTransitionError(
      status === null
        ? `A timeline begins with its opened event, not ${event.type}`
        : `A ${status.state} ticket cannot be ${event.type}`,
      { from: status?.state ?? null, event: event.type },
    );
  }
  return [...timeline, { ...event, at }];
}

function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  return (
    a.type === b.type &&
    a.by === b.by &&
    (a.message ?? null) === (b.message ?? null) &&
    (a.internal ?? false) === (b.internal ?? false)
  );
}

/**
 * What an actor may see of a timeline: customers see every event but internal notes (SPEC §8: the
 * timeline is shown to the customer), staff see all.
 */
export function visibleTimeline(timeline: Timeline, role: Actor["role"]): TimelineEvent[] {
  return role === "customer" ? timeline.filter((event) => event.internal !== true) : [...timeline];
}

/** The moment the ticket was received: its opened event. */
export function receivedAtOf(timeline: Timeline): string {
  const opened = timeline[0];
  if (opened?.type !== "opened") {
    throw new ValidationError("A timeline begins with its opened event", { timeline: "no opened event" });
  }
  return opened.at;
}

/** What a v1 ticket knew of its life (the fields of domain/ticket.ts's Ticket that matter here). */
export interface V1TicketFacts {
  id: string;
  receivedAt: string;
  openedBy: string;
  respondedAt: string | null;
  respondedBy: string | null;
}

/**
 * The timeline of a ticket stored before timelines existed (v1: opened, perhaps responded), so old
 * tickets get the same clocks as new ones without a migration. Event ids derive from the ticket id:
 * converting twice gives the same events.
 */
export function timelineOfV1Ticket(ticket: V1TicketFacts): TimelineEvent[] {
  const events: TimelineEvent[] = [
    { id: `${ticket.id}-opened`, type: "opened", at: ticket.receivedAt, by: ticket.openedBy },
  ];
  if (ticket.respondedAt !== null) {
    events.push({
      id: `${ticket.id}-responded`,
      type: "responded",
      at: ticket.respondedAt,
      by: ticket.respondedBy ?? ticket.openedBy,
    });
  }
  return events;
}
