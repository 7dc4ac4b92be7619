import type { Audience, NotifiableAlert, NotifiableAlertType } from "../../domain/notifications.js";

/** Fixture factories for notifications: one alert of each type with the details its producer writes. */
export const ALERT_DETAILS: Record<NotifiableAlertType, Record<string, unknown>> = {
  "sla.warning": {
    priority: "P2",
    target: "response",
    receivedAt: "2026-12-04T13:00:00Z",
    warnAt: "2026-12-04T14:12:00Z",
    responseDueAt: "2026-12-04T15:00:00Z",
  },
  "sla.breached": {
    priority: "P2",
    target: "resolution",
    receivedAt: "2026-12-01T08:00:00Z",
    resolutionDueAt: "2026-12-04T15:00:00Z",
  },
  "quota.threshold": { percent: 80, usedMinutes: 4830, limitMinutes: 6000 },
  "quota.expired": { kind: "monthly", expiredMinutes: 1170, quotaMinutes: 6000, usedMinutes: 4830 },
  "quota.expiring": {
    quotaMinutes: 6000,
    usedMinutes: 1500,
    unusedMinutes: 4500,
    unusedPercent: 75,
    monthEndsOn: "2026-12-31",
    suggestions: [
      { title: "Patch the old mail server", estimateMinutes: 240 },
      { title: "Document the backup restore", estimateMinutes: 90 },
    ],
  },
  "pool.expiring": {
    remainingMinutes: 2745,
    termEnd: "2027-01-01",
    daysLeft: 28,
    suggestions: [{ title: "Migrate the file share", estimateMinutes: 480 }],
  },
  "booking.rejected": {
    reason: "quota_exceeded",
    minutes: 135,
    date: "2026-12-03",
    externalRef: "Z-10042",
  },
  "backlog.over_estimate": {
    backlogItemId: "bkl_1",
    title: "Replace the firewall",
    estimateMinutes: 600,
    bookedMinutes: 735,
  },
  "invoice.issued": {
    invoiceId: "inv_1",
    number: "RE-2026-00042",
    kind: "invoice",
    issueDate: "2026-12-01",
    dueDate: "2026-12-15",
    grossCents: 142_800,
    currency: "EUR",
    month: "2026-11",
  },
};

export function anAlert(
  type: NotifiableAlertType,
  overrides: Partial<NotifiableAlert> = {},
): NotifiableAlert {
  const isSla = type === "sla.warning" || type === "sla.breached";
  const monthly = ["quota.threshold", "quota.expired", "quota.expiring"].includes(type);
  return {
    id: `alr_${type.replace(".", "_")}`,
    type,
    customerId: "cus_1",
    contractId: "con_1",
    ...(isSla ? { ticketId: "tkt_1" } : {}),
    ...(monthly ? { month: "2026-12" } : {}),
    at: "2026-12-04T14:12:00Z",
    details: { ...ALERT_DETAILS[type] },
    ...overrides,
  };
}

/** A customer with one contact per topic, a billing e-mail, and a contract naming two dedicated persons. */
export function anAudience(overrides: Partial<Audience> = {}): Audience {
  return {
    dedicatedContacts: [
      { name: "Dana Dedicated", email: "dana@provider.example", phone: "+49 30 1234" },
      "Old Style Name Only",
    ],
    contacts: [
      { name: "Quinn Quota", email: "quinn@customer.example", language: "en", topics: ["quota"] },
      { name: "Nora Notices", email: "nora@customer.example", language: "de", topics: ["notices"] },
      { name: "Sam Sla", email: "sam@customer.example", language: "en", topics: ["sla"] },
      { name: "Ines Invoices", email: "ines@customer.example", language: "de", topics: ["invoices"] },
      { name: "Olaf Nothing", email: "olaf@customer.example", language: "de", topics: [] },
    ],
    billingEmail: "billing@customer.example",
    billingName: "Muster GmbH",
    defaultLanguage: "de",
    ...overrides,
  };
}
