import { type Actor, assertAllowed } from "../access.js";
import type { AlertPublisher } from "../alert.js";
import { isoInstant } from "../calendar.js";
import type { SlaCheckOutcome } from "../repositories.js";
import { dueStages, type SlaWatchEntry, slaAlert, type TicketQueue } from "../ticket.js";
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

/**
 * Checks one watch entry: when its moment has come and the ticket is still open at that stage, raises
 * the stage's alert (and the breach too if its moment has also passed) and moves the watch on, in one
 * conditional write; then publishes. Repeated sweeps, redelivered messages and concurrent consumers
 * all end in "already raised" or "not watched": each alert exists once per ticket.
 */
export async function checkSla(deps: SlaDeps, entry: SlaWatchEntry): Promise<CheckResult> {
  const now = deps.clock.now();
  const at = isoInstant(now);
  const stages = dueStages(entry, at);
  if (stages.length === 0) return { outcome: "not_due", delivery: { published: [], failed: [] } };
  const alerts = stages.map((stage) => slaAlert(entry, stage, deps.ids.newId("alr"), at));
  const next = stages.includes("breach") ? null : { stage: "breach" as const, at: entry.responseDueAt };
  const outcome = await deps.store.tickets.commitSlaAlerts({
    entry,
    alerts,
    stages,
    next,
    at,
    publishAfter: isoInstant(new Date(now.getTime() + OUTBOX_GRACE_MS)),
  });
  if (outcome !== "raised") return { outcome, delivery: { published: [], failed: [] } };
  return { outcome, delivery: await deliverAlerts(deps, alerts) };
}

/**
 * `ticket.opened` on the ticket queue. The ticket is already in the due index (it was written with
 * its watch entry); a ticket that is due at once (received long before it was entered) is checked now
 * instead of at the next sweep.
 */
export async function ticketOpened(deps: SlaDeps, entry: SlaWatchEntry): Promise<CheckResult> {
  return checkSla(deps, entry);
}
