import { type Actor, assertAllowed } from "../access.js";
import type { Alert, AlertPublisher, AlertType } from "../alert.js";
import { isoInstant } from "../calendar.js";
import type { Page } from "../repositories.js";
import type { StoreOf, UseCaseDeps } from "./deps.js";

export interface AlertQuery {
  customerId?: string | undefined;
  type?: AlertType | undefined;
  since?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Alerts, newest first. A customer sees only its own, whatever it asks for. */
export async function listAlerts(
  deps: UseCaseDeps<StoreOf<"alerts">>,
  actor: Actor,
  query: AlertQuery,
): Promise<Page<Alert>> {
  assertAllowed(actor, "alerts.read");
  const customerId = actor.role === "customer" ? (actor.customerId ?? undefined) : query.customerId;
  return deps.store.alerts.listAlerts({ ...query, customerId });
}

export interface Delivery {
  published: Alert[];
  failed: { alert: Alert; error: unknown }[];
}

/**
 * Publishes stored alerts and takes the published ones out of the outbox. What fails stays in the
 * outbox for the sweep; nothing here throws for a failed publish.
 */
export async function deliverAlerts(
  deps: Pick<UseCaseDeps<StoreOf<"alerts">>, "store" | "clock"> & { alertPublisher: AlertPublisher },
  alerts: Alert[],
): Promise<Delivery> {
  const delivery: Delivery = { published: [], failed: [] };
  for (const alert of alerts) {
    try {
      await deps.alertPublisher.publish(alert);
      delivery.published.push(alert);
    } catch (error) {
      delivery.failed.push({ alert, error });
    }
  }
  if (delivery.published.length > 0) {
    try {
      await deps.store.alerts.markAlertsPublished(delivery.published, isoInstant(deps.clock.now()));
    } catch (error) {
      // Published but still in the outbox: the sweep publishes them once more (subscribers de-duplicate).
      delivery.failed.push(...delivery.published.map((alert) => ({ alert, error })));
      delivery.published = [];
    }
  }
  return delivery;
}

/** Publishes what the outbox holds that is due: alerts stored inside bookings, closes, or missed publishes. */
export async function drainAlertOutbox(
  deps: Pick<UseCaseDeps<StoreOf<"alerts">>, "store" | "clock"> & { alertPublisher: AlertPublisher },
  limit = 500,
): Promise<Delivery> {
  const due = await deps.store.alerts.unpublishedAlerts(isoInstant(deps.clock.now()), limit);
  return deliverAlerts(deps, due);
}
