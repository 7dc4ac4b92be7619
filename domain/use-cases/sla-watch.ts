import { type Actor, assertAllowed } from "../access.js";
import type { AlertPublisher } from "../alert.js";
import { isoInstant } from "../calendar.js";
import type { SlaCheckOutcome } from "../repositories.js";
import type { SlaWatchEntry, TicketQueue } from "../ticket.js";
import { raisedOf, recomputedTicket, timelineOf, watchOf } from "../ticket-life.js";
import { dueAlerts, slaAlertOf } from "../ticket-sla.js";
import { type Delivery, deliverAlerts, drainAlertOutbox } from "./alerts.js";
import type { StoreOf, UseCaseDeps } from "./deps.js";

/** The SLA watch's ports: tickets and alerts, the ticket queue and the alert publisher. */
export interface SlaDeps extends UseCaseDeps<StoreOf<"tickets" | "alerts">> {
  ticketQueue: TicketQueue;
  alertPublisher: AlertPublisher;
}

/**
 * How long the outbox leaves an alert to the check that raised it (which publishes at once) before
 * the sweep publishes it instead.
 */
export const OUTBOX_GRACE_MS = 60_000;

/** Due entries one sweep hands to the queue at most; the rest stay due for the next sweep. */
export const SWEEP_LIMIT = 5000;

export interface SweepResult {
  sweptAt: string;
  /** Watch entries that were due. */
  due: number;
  /** Of those, checks that could not be queued (still due: the next sweep tries again). */
  notQueued: number;
  /** Items DynamoDB read to find them: about `due`, however many tickets are watched. */
  read: number;
  /** Alerts the outbox published. */
  published: number;
  /** Alerts whose publish failed (they stay in the outbox). */
  publishFailed: number;
}

/**
 * One run of the SLA watch: reads the watch entries that are due (only those) and queues a check for
 * each, then publishes what waits in the alert outbox. Safe to run twice or concurrently: checks are
 * idempotent, and an entry stays due until its check has moved the ticket's watch on.
 */
export async function sweepSla(deps: SlaDeps): Promise<SweepResult & { failures: Delivery["failed"] }> {
  const sweptAt = isoInstant(deps.clock.now());
  const { entries, read } = await deps.store.tickets.dueWatchEntries(sweptAt, SWEEP_LIMIT);
  const queued = await deps.ticketQueue.enqueueChecks(entries);
  const delivery = await drainAlertOutbox(deps);
  return {
    sweptAt,
    due: entries.length,
    notQueued: queued.failed,
    read,
    published: delivery.published.length,
    publishFailed: delivery.failed.length,
    failures: delivery.failed,
  };
}

/** `POST /admin/sla-sweep`: the same sweep as the schedule, now. */
export async function runSlaSweep(deps: SlaDeps, actor: Actor) {
  assertAllowed(actor, "admin.run");
  return sweepSla(deps);
}

export interface CheckResult {
  outcome: SlaCheckOutcome | "not_due";
  delivery: Delivery;
}

/** Reads of a ticket that changed under a check before the check gives up (the next sweep goes on). */
const CHECK_ATTEMPTS = 3;

/**
 * Checks one watch entry: when its moment has come and it is still the ticket's moment, reads the
 * ticket (one read per due entry: the cost stays with the due tickets), raises the alerts due now for
 * either target, and stores them with the ticket's marks and next moment in one write conditional on
 * the ticket's version; then publishes. Repeated sweeps, redelivered messages, concurrent consumers
 * and events all end in "not_watched" or "already raised": each alert exists once per ticket and target.
 */
export async function checkSla(deps: SlaDeps, entry: SlaWatchEntry): Promise<CheckResult> {
  const none = { published: [], failed: [] };
  const now = deps.clock.now();
  const at = isoInstant(now);
  if (entry.dueAt > at) return { outcome: "not_due", delivery: none };
  for (let attempt = 0; attempt < CHECK_ATTEMPTS; attempt++) {
    const ticket = await deps.store.tickets.getTicket(entry.ticketId);
    const watch = ticket?.watch;
    if (
      !ticket ||
      !watch ||
      (watch.target ?? "response") !== (entry.target ?? "response") ||
      watch.stage !== entry.stage ||
      watch.at !== entry.dueAt
    ) {
      return { outcome: "not_watched", delivery: none };
    }
    const raised = raisedOf(ticket);
    const due = dueAlerts(watchOf(ticket, raised), now);
    const alerts = due.map((d) => slaAlertOf(ticket, d, deps.ids.newId("alr"), at));
    const after = recomputedTicket(
      ticket,
      timelineOf(ticket),
      [...raised, ...due.map(({ target, stage }) => ({ target, stage }))],
      now,
    );
    const outcome = await deps.store.tickets.commitSlaAlerts({
      ticket: after,
      expectedVersion: ticket.version ?? 0,
      alerts,
      publishAfter: isoInstant(new Date(now.getTime() + OUTBOX_GRACE_MS)),
    });
    if (outcome === "not_watched") continue; // the ticket changed since it was read: decide again
    if (outcome !== "raised" || alerts.length === 0) {
      return { outcome: alerts.length === 0 ? "not_watched" : outcome, delivery: none };
    }
    return { outcome, delivery: await deliverAlerts(deps, alerts) };
  }
  return { outcome: "not_watched", delivery: none };
}

/**
 * `ticket.opened` on the ticket queue. The ticket is already in the due index (it was written with
 * its watch entry); a ticket that is due at once (received long before it was entered) is checked now
 * instead of at the next sweep.
 */
export async function ticketOpened(deps: SlaDeps, entry: SlaWatchEntry): Promise<CheckResult> {
  return checkSla(deps, entry);
}
