import type { Alert } from "./alert.js";
import type { SlaCalendar } from "./sla-calendar.js";

/**
 * Notifications to people (SPEC §12): who gets an alert by e-mail, and when. Pure: the rendering, the
 * unsubscribe tokens and the transport live in adapters/mail; this module decides, they carry out.
 */

/** Every alert type a person can be mailed about: v1's alerts and those v2 adds (§7, §9, §13). */
export const NOTIFIABLE_ALERT_TYPES = [
  "sla.warning",
  "sla.breached",
  "quota.threshold",
  "quota.expired",
  "quota.expiring",
  "pool.expiring",
  "booking.rejected",
  "backlog.over_estimate",
  "invoice.issued",
] as const;
export type NotifiableAlertType = (typeof NOTIFIABLE_ALERT_TYPES)[number];

/** An alert of any notifiable type; a v1 `Alert` is one. */
export type NotifiableAlert = Omit<Alert, "type"> & { type: NotifiableAlertType };

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const TOPICS = ["quota", "notices", "sla", "invoices"] as const;
/** What a customer contact has chosen to hear about. */
export type Topic = (typeof TOPICS)[number];

/** A person of the customer who chose topics (`PATCH /customers/{id}` `contacts`). */
export interface Contact {
  name: string;
  email: string;
  language: Language;
  topics: Topic[];
}

/** A person a contract's SLA names (the provider's people for that customer). */
export interface DedicatedContact {
  name: string;
  email?: string;
  phone?: string;
}

/**
 * Reads `sla.dedicatedContacts` as stored: v1 kept plain strings (a name), v2 keeps objects. A string
 * becomes `{name}` and, having no e-mail, is mailed nothing. Entries that are neither are dropped.
 */
export function normalizeDedicatedContacts(value: unknown): DedicatedContact[] {
  if (!Array.isArray(value)) return [];
  const contacts: DedicatedContact[] = [];
  for (const entry of value) {
    if (typeof entry === "string") {
      if (entry.trim() !== "") contacts.push({ name: entry.trim() });
      continue;
    }
    if (entry === null || typeof entry !== "object") continue;
    const { name, email, phone } = entry as Record<string, unknown>;
    if (typeof name !== "string") continue;
    contacts.push({
      name,
      ...(typeof email === "string" && email.trim() !== "" ? { email: email.trim() } : {}),
      ...(typeof phone === "string" && phone.trim() !== "" ? { phone: phone.trim() } : {}),
    });
  }
  return contacts;
}

/** The topic an alert type belongs to, for customer contacts; `null`: no contact topic covers it. */
export function topicOf(type: NotifiableAlertType): Topic | null {
  switch (type) {
    case "quota.threshold":
    // Work passing its estimate eats the customer's quota: told to those who watch the quota.
    case "backlog.over_estimate":
      return "quota";
    case "quota.expiring":
    case "pool.expiring":
    case "quota.expired":
      return "notices";
    case "sla.warning":
    case "sla.breached":
      return "sla";
    case "invoice.issued":
      return "invoices";
    // A rejected integration booking is the provider's matter: its dedicated persons hear of it.
    case "booking.rejected":
      return null;
  }
}

/** The alert types a contract's dedicated persons get. */
export const DEDICATED_ALERT_TYPES: readonly NotifiableAlertType[] = [
  "sla.warning",
  "sla.breached",
  "booking.rejected",
];

/** Why a recipient gets the mail: it decides whether the mail offers unsubscribing. */
export type RecipientRole = "dedicated" | "contact" | "billing";

export interface Recipient {
  email: string;
  name: string;
  language: Language;
  /** The topic the mail belongs to (for a dedicated person: the topic of the alert's type, or `sla`). */
  topic: Topic;
  role: RecipientRole;
}

/** Everyone an alert could reach, as read from the contract and the customer. */
export interface Audience {
  /** The contract's `sla.dedicatedContacts` as stored (strings or objects). */
  dedicatedContacts: unknown;
  contacts: Contact[];
  /** The customer's billing e-mail (§7 `billing.email`), if set. */
  billingEmail?: string | null;
  /** The billing party's name for the greeting; the customer's name is a good one. */
  billingName?: string;
  /** Language of people who did not choose one (dedicated persons, the billing e-mail). */
  defaultLanguage?: Language;
  /** Topics turned off through an unsubscribe link (kept apart from the contact list until merged). */
  unsubscribed?: { email: string; topic: Topic }[];
  /** Addresses that bounced or complained (SES events): they are mailed nothing. */
  suppressed?: string[];
}

/** The key that compares e-mail addresses: case-insensitive, as people expect. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const ROLE_RANK: Record<RecipientRole, number> = { dedicated: 0, billing: 1, contact: 2 };

/**
 * Who gets `alert` by e-mail (SPEC §12): the contract's dedicated persons for its `sla.warning`,
 * `sla.breached` and `booking.rejected`; customer contacts by topic; the billing e-mail for every
 * invoice and credit note. One entry per address (case-insensitive): the strongest reason wins
 * (dedicated, then billing, then contact), the language a contact chose for that address is kept.
 */
export function recipientsOf(alert: Pick<NotifiableAlert, "type">, audience: Audience): Recipient[] {
  const defaultLanguage = audience.defaultLanguage ?? "de";
  const topic = topicOf(alert.type);
  const off = new Set((audience.unsubscribed ?? []).map((u) => `${emailKey(u.email)}#${u.topic}`));
  const suppressed = new Set((audience.suppressed ?? []).map(emailKey));
  const chosenLanguage = new Map<string, Language>();
  for (const contact of audience.contacts) {
    if (!chosenLanguage.has(emailKey(contact.email)))
      chosenLanguage.set(emailKey(contact.email), contact.language);
  }

  const candidates: Recipient[] = [];
  if (DEDICATED_ALERT_TYPES.includes(alert.type)) {
    for (const person of normalizeDedicatedContacts(audience.dedicatedContacts)) {
      if (!person.email) continue;
      candidates.push({
        email: person.email,
        name: person.name,
        language: chosenLanguage.get(emailKey(person.email)) ?? defaultLanguage,
        topic: topic ?? "sla",
        role: "dedicated",
      });
    }
  }
  if (topic !== null) {
    for (const contact of audience.contacts) {
      if (!contact.topics.includes(topic)) continue;
      if (off.has(`${emailKey(contact.email)}#${topic}`)) continue;
      candidates.push({ ...pick(contact), topic, role: "contact" });
    }
  }
  if (alert.type === "invoice.issued" && audience.billingEmail && audience.billingEmail.trim() !== "") {
    const email = audience.billingEmail.trim();
    candidates.push({
      email,
      name: audience.billingName ?? "",
      language: chosenLanguage.get(emailKey(email)) ?? defaultLanguage,
      topic: "invoices",
      role: "billing",
    });
  }

  const byEmail = new Map<string, Recipient>();
  for (const candidate of candidates) {
    const key = emailKey(candidate.email);
    if (key === "" || suppressed.has(key)) continue;
    const kept = byEmail.get(key);
    if (!kept) {
      byEmail.set(key, candidate);
      continue;
    }
    const stronger = ROLE_RANK[candidate.role] < ROLE_RANK[kept.role] ? candidate : kept;
    byEmail.set(key, {
      ...stronger,
      name: stronger.name !== "" ? stronger.name : kept.name !== "" ? kept.name : candidate.name,
    });
  }
  return [...byEmail.values()];
}

function pick(contact: Contact): Pick<Recipient, "email" | "name" | "language"> {
  return { email: contact.email.trim(), name: contact.name, language: contact.language };
}

/** Whether a mail to this recipient offers one-click unsubscribing from its topic (RFC 8058). */
export function offersUnsubscribe(recipient: Pick<Recipient, "role" | "topic">): boolean {
  // Invoices are not notices; dedicated persons are named by the contract and leave by a change of it.
  return recipient.role === "contact" && recipient.topic !== "invoices";
}

/**
 * When a mail for `alert` may go out, as seen at `now`: P1 SLA alerts at once, and so SLA breaches
 * (§8: "breaches at once": a deadline falls at the very end of an open interval, where the window is
 * already closed; holding it would report a breach a weekend late); everything else inside the
 * contract's service window: `now` while it is open, else its next opening.
 */
export function deliveryMoment(
  alert: Pick<NotifiableAlert, "type" | "details">,
  _recipient: Pick<Recipient, "role">,
  calendar: SlaCalendar,
  now: Date,
): Date {
  if (isSlaAlert(alert.type) && (alert.details.priority === "P1" || alert.type === "sla.breached")) {
    return now;
  }
  for (const [start] of calendar.openIntervals(now)) return new Date(Math.max(start, now.getTime()));
  return now;
}

function isSlaAlert(type: NotifiableAlertType): boolean {
  return type === "sla.warning" || type === "sla.breached";
}

/**
 * The id of the delivery of one alert to one address: the same alert and address (in any case) give
 * the same id, so a retried or redelivered alert finds its delivery and sends nothing twice.
 */
export function deliveryId(alertId: string, email: string): string {
  return `dlv#${alertId}#${emailKey(email)}`;
}

/** One planned delivery: to whom, from when on, under which id. */
export interface PlannedDelivery {
  id: string;
  recipient: Recipient;
  sendAt: Date;
}

/** Every delivery an alert needs, each with its id and moment. */
export function planDeliveries(
  alert: NotifiableAlert,
  audience: Audience,
  calendar: SlaCalendar,
  now: Date,
): PlannedDelivery[] {
  return recipientsOf(alert, audience).map((recipient) => ({
    id: deliveryId(alert.id, recipient.email),
    recipient,
    sendAt: deliveryMoment(alert, recipient, calendar, now),
  }));
}

// ---- the outgoing mail and the port that sends it ---------------------------------------------

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** A mail ready to send: rendered, addressed, with its headers and attachments. */
export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress;
  replyTo?: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (`List-Unsubscribe`, `List-Unsubscribe-Post`, `Content-Language`). */
  headers: Record<string, string>;
  attachments: MailAttachment[];
  /** The delivery this mail carries out; the adapter derives a stable Message-ID from it. */
  deliveryId?: string;
}

/**
 * Sends one mail (SES when deployed, SMTP locally). Resolves once the engine accepted the mail; throws
 * when it did not (the caller retries: the delivery id keeps a retry from sending twice).
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

// ---- deliveries: once per alert and recipient ---------------------------------------------------

export type DeliveryStatus = "sending" | "sent" | "failed";

/** What `GET /alerts/{id}` shows of each delivery: recipient, sent at, result. */
export interface DeliveryRecord {
  id: string;
  alertId: string;
  email: string;
  role: RecipientRole;
  topic: Topic;
  status: DeliveryStatus;
  attempts: number;
  /** When the last attempt started. */
  attemptedAt: string;
  sentAt: string | null;
  messageId: string | null;
  /** Why the last attempt failed (the engine's message; no address in it). */
  error: string | null;
}

/**
 * Where deliveries are recorded (one item per delivery id). The log, not the caller, keeps a delivery
 * from being sent twice: `claim` succeeds for one caller at a time, and never after `markSent`.
 */
export interface DeliveryLog {
  /**
   * Claims the delivery for one attempt at `at`. Refused (`false`) when it was sent, or when another
   * attempt claimed it less than `leaseMillis` ago (a worker still sending, or one that died: its
   * claim lapses and a retry may send; the stable Message-ID then lets the receiver drop the copy).
   */
  claim(delivery: PlannedDelivery, alertId: string, at: Date, leaseMillis: number): Promise<boolean>;
  markSent(id: string, result: { sentAt: Date; messageId: string }): Promise<void>;
  /** Ends the attempt without a send: the delivery can be claimed again at once. */
  markFailed(id: string, result: { at: Date; error: string }): Promise<void>;
  listForAlert(alertId: string): Promise<DeliveryRecord[]>;
}

/** Builds the mail of one delivery (rendering, unsubscribe link and attachments live in adapters/mail). */
export type MailComposer = (alert: NotifiableAlert, delivery: PlannedDelivery) => Promise<OutgoingMail>;

export interface NotifyDeps {
  mailer: Mailer;
  deliveries: DeliveryLog;
  compose: MailComposer;
  clock: { now(): Date };
}

export interface NotifyInput {
  alert: NotifiableAlert;
  audience: Audience;
  /** The service window of the alert's contract (`slaCalendar(contract.sla)`). */
  calendar: SlaCalendar;
}

export interface NotifyOutcome {
  sent: { id: string; messageId: string }[];
  /** Deliveries not due yet: the caller hands the alert back for `retryAt`. */
  held: { id: string; sendAt: Date }[];
  /** Deliveries sent before, or being sent by another attempt. */
  skipped: string[];
  failed: { id: string; error: string }[];
  /** When to handle the alert again (the earliest held delivery, or soon after a failure); null: done. */
  retryAt: Date | null;
}

/** How long a claimed delivery stays claimed: well above one send through SES or SMTP. */
export const DELIVERY_LEASE_MILLIS = 5 * 60_000;
/** How soon a failed delivery is tried again. */
export const DELIVERY_RETRY_MILLIS = 60_000;

/**
 * Mails an alert to everyone it concerns, each delivery once (SPEC §12). Safe to call again for the
 * same alert at any time (a redelivered queue message, a retry after a failure, the held deliveries'
 * moment): what was sent is skipped, what is not due is held, what failed is tried again.
 */
export async function notifyAlert(deps: NotifyDeps, input: NotifyInput): Promise<NotifyOutcome> {
  const now = deps.clock.now();
  const outcome: NotifyOutcome = { sent: [], held: [], skipped: [], failed: [], retryAt: null };
  for (const delivery of planDeliveries(input.alert, input.audience, input.calendar, now)) {
    if (delivery.sendAt.getTime() > now.getTime()) {
      outcome.held.push({ id: delivery.id, sendAt: delivery.sendAt });
      continue;
    }
    if (!(await deps.deliveries.claim(delivery, input.alert.id, now, DELIVERY_LEASE_MILLIS))) {
      outcome.skipped.push(delivery.id);
      continue;
    }
    let messageId: string;
    try {
      const mail = await deps.compose(input.alert, delivery);
      ({ messageId } = await deps.mailer.send({ ...mail, deliveryId: delivery.id }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.deliveries.markFailed(delivery.id, { at: deps.clock.now(), error: message });
      outcome.failed.push({ id: delivery.id, error: message });
      continue;
    }
    // Sent: a failure to record it leaves the claim to lapse, and the mail is not marked failed, so
    // no retry sends it again before the lease is over.
    await deps.deliveries.markSent(delivery.id, { sentAt: deps.clock.now(), messageId });
    outcome.sent.push({ id: delivery.id, messageId });
  }
  const moments = [
    ...outcome.held.map((h) => h.sendAt.getTime()),
    ...(outcome.failed.length > 0 ? [now.getTime() + DELIVERY_RETRY_MILLIS] : []),
  ];
  outcome.retryAt = moments.length > 0 ? new Date(Math.min(...moments)) : null;
  return outcome;
}
