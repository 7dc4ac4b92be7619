import type { Month } from "./calendar.js";

export const ALERT_TYPES = [
  "sla.warning",
  "sla.breached",
  "quota.threshold",
  "quota.expired",
  "quota.expiring",
  "pool.expiring",
  "invoice.issued",
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** An alert, stored once per cause: `cause` is the key that makes a second one impossible. */
export interface Alert {
  id: string;
  type: AlertType;
  customerId: string;
  contractId: string;
  ticketId?: string;
  month?: Month;
  at: string;
  details: Record<string, unknown>;
}

/** The cause of an alert, unique per alert: `quota.threshold#<contract>#<month|pool>#<percent>`. */
export function alertCause(
  alert: Pick<Alert, "type" | "contractId" | "ticketId" | "month" | "details">,
): string {
  switch (alert.type) {
    case "quota.threshold":
      return `${alert.type}#${alert.contractId}#${alert.month ?? "pool"}#${String(alert.details.percent)}`;
    case "sla.warning":
    case "sla.breached":
      // Once per ticket and target. The response target keeps v1's cause (alerts stored before v2 have
      // no target and were all about the response), so an old alert still blocks its repeat.
      return alert.details.target === "resolution"
        ? `${alert.type}#${alert.ticketId ?? ""}#resolution`
        : `${alert.type}#${alert.ticketId ?? ""}`;
    case "invoice.issued":
      // Once per invoice (or credit note): the invoice id is unique.
      return `${alert.type}#${String(alert.details.invoiceId)}`;
    default:
      return `${alert.type}#${alert.contractId}#${alert.month ?? "pool"}`;
  }
}

/** An alert's public form: as the API lists it and as it is published (each field listed on purpose). */
export function alertMessage(alert: Alert) {
  return {
    id: alert.id,
    type: alert.type,
    customerId: alert.customerId,
    contractId: alert.contractId,
    ...(alert.ticketId === undefined ? {} : { ticketId: alert.ticketId }),
    ...(alert.month === undefined ? {} : { month: alert.month }),
    at: alert.at,
    details: alert.details,
  };
}

/**
 * Publishes a stored alert to its subscribers (the SNS topic when deployed). Every stored alert sits in
 * an outbox until a publish succeeds; a failed publish is retried from there, so an alert can be
 * published more than once but never not at all (subscribers de-duplicate by `id`).
 */
export interface AlertPublisher {
  publish(alert: Alert): Promise<void>;
}
