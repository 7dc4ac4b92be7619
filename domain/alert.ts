import type { Month } from "./calendar.js";

export const ALERT_TYPES = [
  "sla.warning",
  "sla.breached",
  "quota.threshold",
  "quota.expired",
  "quota.expiring",
  "pool.expiring",
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
      return `${alert.type}#${alert.ticketId ?? ""}`;
    default:
      return `${alert.type}#${alert.contractId}#${alert.month ?? "pool"}`;
  }
}
