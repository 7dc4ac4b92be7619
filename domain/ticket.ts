import type { Alert } from "./alert.js";
import { isoInstant } from "./calendar.js";
import type { Priority, SlaTerms } from "./sla-terms.js";
import type { TicketState, TimelineEvent } from "./ticket-timeline.js";

/**
 * A ticket: a customer's request whose first response the SLA watches. Its deadline is fixed when it
 * is opened, from the SLA the contract had then (kept on the ticket, so a later SLA change does not
 * move the clock of tickets already running). Opening and answering live in ticket-clock.ts, which
 * needs the SLA calendar (and its holiday library); this module does not.
 */
export const TICKET_STATUSES = ["open", "responded", "pending", "resolved", "reopened"] as const;
/** The state of the ticket's timeline (ticket-timeline.ts); v1 tickets only know the first two. */
export type TicketStatus = TicketState;

/** The two moments the watch checks: the warning at `warnAt`, the breach at `responseDueAt`. */
export const WATCH_STAGES = ["warning", "breach"] as const;
export type WatchStage = (typeof WATCH_STAGES)[number];

/** The SLA targets (ticket-sla.ts's SLA_TARGETS), named here so this module needs nothing of the calendar. */
type SlaTarget = "response" | "resolution";

export interface Ticket {
  id: string;
  contractId: string;
  customerId: string;
  priority: Priority;
  subject: string;
  receivedAt: string;
  responseDueAt: string;
  warnAt: string;
  status: TicketStatus;
  /** The SLA terms the deadline was computed with. */
  sla: SlaTerms;
  /**
   * The next moment the watch checks this ticket (nextWatchMoment); null once nothing is left to
   * watch. v1 tickets have no target: theirs is the response.
   */
  watch: { target?: SlaTarget; stage: WatchStage; at: string } | null;
  /** When the watch raised `sla.warning` / `sla.breached`. */
  warnedAt: string | null;
  breachedAt: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
  /** Whether the first response came by the deadline. */
  slaMet: boolean | null;
  /** In-window minutes from receipt to the first response, rounded up. */
  responseMinutes: number | null;
  openedBy: string;
  createdAt: string;
  description?: string;
  contact?: { name: string; email?: string; phone?: string };
  externalRef?: string;
  /** The ticket's life (SPEC §8); absent on tickets stored by v1 (see timelineOfV1Ticket). */
  timeline?: TimelineEvent[];
  /** The alerts the watch raised, per target and stage; absent on v1 tickets (warnedAt / breachedAt). */
  raised?: { target: SlaTarget; stage: WatchStage }[];
  /** Bumped by every write after the first: the condition that keeps two writers from one state. */
  version?: number;
}

/** Whether the deadline passed without a response (as of `now` for an open ticket). */
export function isBreached(ticket: Ticket, now: Date): boolean {
  if (ticket.respondedAt !== null) return ticket.slaMet === false;
  return isoInstant(now) > ticket.responseDueAt;
}

/**
 * What the watch holds for a ticket: enough to raise its alerts without reading the ticket. The sweep
 * reads these from the due index and puts them on the ticket queue.
 */
export interface SlaWatchEntry {
  ticketId: string;
  /** The target whose moment this is; absent on messages queued by v1 (the response). */
  target?: SlaTarget;
  customerId: string;
  contractId: string;
  priority: Priority;
  receivedAt: string;
  warnAt: string;
  responseDueAt: string;
  stage: WatchStage;
  /** The moment of this stage. */
  dueAt: string;
}

export function watchEntryOf(ticket: Ticket): SlaWatchEntry | null {
  if (!ticket.watch) return null;
  // A v1 ticket is watched only while open; a v2 one as long as it has a moment (pending has none).
  if (ticket.timeline === undefined && ticket.status !== "open") return null;
  return {
    ticketId: ticket.id,
    ...(ticket.watch.target === undefined ? {} : { target: ticket.watch.target }),
    customerId: ticket.customerId,
    contractId: ticket.contractId,
    priority: ticket.priority,
    receivedAt: ticket.receivedAt,
    warnAt: ticket.warnAt,
    responseDueAt: ticket.responseDueAt,
    stage: ticket.watch.stage,
    dueAt: ticket.watch.at,
  };
}

/**
 * The stages an entry raises at `now`: its own once due, and the breach too when a late check finds
 * the deadline already passed (a ticket entered long after it was received).
 */
export function dueStages(entry: SlaWatchEntry, now: string): WatchStage[] {
  if (entry.dueAt > now) return [];
  if (entry.stage === "warning" && entry.responseDueAt <= now) return ["warning", "breach"];
  return [entry.stage];
}

/** The alert a stage raises. */
export function slaAlert(entry: SlaWatchEntry, stage: WatchStage, id: string, at: string): Alert {
  return {
    id,
    type: stage === "warning" ? "sla.warning" : "sla.breached",
    customerId: entry.customerId,
    contractId: entry.contractId,
    ticketId: entry.ticketId,
    at,
    details: {
      priority: entry.priority,
      receivedAt: entry.receivedAt,
      warnAt: entry.warnAt,
      responseDueAt: entry.responseDueAt,
    },
  };
}

/**
 * Sends what the watch needs through the ticket queue. Implementations never throw from
 * `ticketOpened`: the ticket is already watched through the due index, the message only speeds up
 * a ticket that is due at once.
 */
export interface TicketQueue {
  ticketOpened(entry: SlaWatchEntry): Promise<void>;
  /** Queues one check per entry; says how many could not be queued (they stay due for the next sweep). */
  enqueueChecks(entries: SlaWatchEntry[]): Promise<{ failed: number }>;
}
