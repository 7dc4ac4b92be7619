import type { Alert } from "./alert.js";
import { isoInstant } from "./calendar.js";
import type { Priority, SlaTerms } from "./sla-terms.js";

/**
 * A ticket: a customer's request whose first response the SLA watches. Its deadline is fixed when it
 * is opened, from the SLA the contract had then (kept on the ticket, so a later SLA change does not
 * move the clock of tickets already running). Opening and answering live in ticket-clock.ts, which
 * needs the SLA calendar (and its holiday library); this module does not.
 */
export const TICKET_STATUSES = ["open", "responded"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The two moments the watch checks: the warning at `warnAt`, the breach at `responseDueAt`. */
export const WATCH_STAGES = ["warning", "breach"] as const;
export type WatchStage = (typeof WATCH_STAGES)[number];

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
  /** The next moment the watch checks this ticket; null once both alerts fired or it was answered. */
  watch: { stage: WatchStage; at: string } | null;
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
}

/** Whether the deadline passed without a response (as of `now` for an open ticket). */
export function isBreached(ticket: Ticket, now: Date): boolean {
  if (ticket.status === "responded") return ticket.slaMet === false;
  return isoInstant(now) > ticket.responseDueAt;
}

/**
 * What the watch holds for a ticket: enough to raise its alerts without reading the ticket. The sweep
 * reads these from the due index and puts them on the ticket queue.
 */
export interface SlaWatchEntry {
  ticketId: string;
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
  if (!ticket.watch || ticket.status !== "open") return null;
  return {
    ticketId: ticket.id,
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
