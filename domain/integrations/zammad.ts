import { dateIn, type IsoDate, isoInstant } from "../calendar.js";
import type { Category } from "../contract.js";
import { ValidationError } from "../errors.js";
import type { Priority } from "../sla-terms.js";
import {
  type ZammadArticle,
  type ZammadDelivery,
  type ZammadMapping,
  type ZammadTicket,
  type ZammadTimeAccounting,
  zammadDeliverySchema,
} from "./zammad.schema.js";

export type { ZammadDelivery, ZammadMapping } from "./zammad.schema.js";

/**
 * What a Zammad trigger webhook means for KoAd (SPEC §9): a pure function from one delivery, the
 * integration's mapping and what KoAd already holds for that ticket to the list of things to do, in
 * order. No crypto, no HTTP, no store: the webhook handler checks the signature and the delivery id,
 * the consumer applies the effects through the use cases.
 */

/** The KoAd ticket states of SPEC §8. */
export type KoadTicketState = "open" | "responded" | "pending" | "resolved" | "reopened";
/** The states a Zammad state can be mapped to; `responded` and `reopened` follow from the history. */
export type MappedState = "open" | "pending" | "resolved";
export type TicketEventType = "responded" | "pending" | "resumed" | "resolved" | "reopened";
export type ZammadTimeUnit = "minutes" | "quarter-hours" | "hours";

export const DEFAULT_ZAMMAD_PRIORITIES: Readonly<Record<string, Priority>> = {
  "1 low": "P4",
  "2 normal": "P3",
  "3 high": "P2",
};
export const DEFAULT_ZAMMAD_STATES: Readonly<Record<string, MappedState>> = {
  new: "open",
  open: "open",
  "pending reminder": "pending",
  "pending close": "pending",
  closed: "resolved",
};

/** The mapping with every default filled in. */
export interface ResolvedZammadMapping {
  organizations: ZammadMapping["organizations"];
  priorities: Record<string, Priority>;
  defaultPriority: Priority;
  states: Record<string, MappedState>;
  timeAccountingTypes: Record<string, Category>;
  defaultCategory: Category;
  timeUnit: ZammadTimeUnit;
  timezone: string;
}

/**
 * Fills in the defaults: the priorities and states of SPEC §9 (entries of the mapping replace or add to
 * them, keyed by Zammad's names, compared without case), `defaultPriority` P3, `defaultCategory`
 * `service`, `timeUnit` minutes (Zammad's time_unit is a bare number in the unit the instance's
 * `time_accounting_unit` setting names: '' or minute, quarter, hour, custom) and the booking dates'
 * time zone Europe/Berlin.
 */
export function resolveMapping(mapping: ZammadMapping): ResolvedZammadMapping {
  return {
    organizations: mapping.organizations,
    priorities: lowerKeys({ ...DEFAULT_ZAMMAD_PRIORITIES, ...mapping.priorities }),
    defaultPriority: mapping.defaultPriority ?? "P3",
    states: lowerKeys({ ...DEFAULT_ZAMMAD_STATES, ...mapping.states }),
    timeAccountingTypes: lowerKeys({ ...mapping.timeAccountingTypes }),
    defaultCategory: mapping.defaultCategory ?? "service",
    timeUnit: mapping.timeUnit ?? "minutes",
    timezone: mapping.timezone ?? "Europe/Berlin",
  };
}

/** What KoAd holds for the Zammad ticket of a delivery (found by `externalRef` = its number). */
export interface KnownZammadTicket {
  /** The KoAd ticket's state now. */
  state: KoadTicketState;
  /** Whether it had its first response (a resumed ticket is `open` again but stays answered). */
  responded: boolean;
  /** The contract it was opened on; its bookings go there even if the mapping changed since. */
  contractId?: string;
  customerId?: string;
}

export interface KnownZammadState {
  ticket?: KnownZammadTicket;
  /** The `entryId`s of the time entries already booked (or rejected) for this integration. */
  bookedEntryIds: ReadonlySet<string> | readonly string[];
}

export interface ZammadContact {
  name: string;
  email?: string;
  phone?: string;
}

export type ZammadEffect =
  | {
      kind: "open_ticket";
      externalRef: string;
      customerId: string;
      contractId: string;
      priority: Priority;
      subject: string;
      description?: string;
      contact?: ZammadContact;
      receivedAt: string;
    }
  | { kind: "ticket_event"; externalRef: string; type: TicketEventType; at: string }
  | {
      kind: "booking";
      /** Stable per Zammad time entry: `article-<article id>` or `entry-<entry id>` (see `timeEntriesOf`). */
      entryId: string;
      customerId: string;
      contractId: string;
      date: IsoDate;
      minutes: number;
      category: Category;
      description: string;
      ticketExternalRef: string;
    }
  | { kind: "ignored"; reason: ZammadIgnoredReason; details: Record<string, unknown> };

export type ZammadIgnoredReason = "unknown_organization" | "unmapped_state" | "negative_time_entry";

/**
 * Parses a delivery body (already JSON-parsed from the verified raw body). Extra fields are ignored;
 * a body without the ticket KoAd needs is a `ValidationError` naming the fields.
 */
export function parseZammadDelivery(payload: unknown): ZammadDelivery {
  const parsed = zammadDeliverySchema.safeParse(payload);
  if (!parsed.success) {
    throw new ValidationError("not a Zammad trigger webhook payload", {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return parsed.data;
}

/**
 * The effects of one delivery, in the order KoAd must apply them: open the ticket (if KoAd has none for
 * this number), its timeline events (first response, then the state change), then one booking per time
 * entry not booked before. A delivery for an organization the mapping does not name does nothing but
 * say so. Repeating a delivery with an updated `known` gives no effect twice.
 */
export function zammadEffects(
  delivery: ZammadDelivery,
  mapping: ZammadMapping,
  known: KnownZammadState,
): ZammadEffect[] {
  const m = resolveMapping(mapping);
  const { ticket } = delivery;
  const article = delivery.article?.id !== undefined ? delivery.article : undefined;
  const externalRef = String(ticket.number);
  const effects: ZammadEffect[] = [];

  const organization = organizationOf(ticket);
  const entry = findOrganization(m, organization);
  const contractId = known.ticket?.contractId ?? entry?.contractId;
  const customerId = known.ticket?.customerId ?? entry?.customerId;
  if (contractId === undefined || customerId === undefined) {
    return [{ kind: "ignored", reason: "unknown_organization", details: { ...organization, externalRef } }];
  }

  let current: { state: KoadTicketState; responded: boolean };
  if (known.ticket) {
    current = { state: known.ticket.state, responded: known.ticket.responded };
  } else {
    effects.push(openTicket(ticket, article, m, { externalRef, contractId, customerId }));
    current = { state: "open", responded: false };
  }

  let lastAt = instantOf(ticket.created_at);
  const event = (type: TicketEventType, at: string) => {
    // A timeline never goes back: an event is never before the one before it.
    lastAt = at > lastAt ? at : lastAt;
    effects.push({ kind: "ticket_event", externalRef, type, at: lastAt });
  };

  if (article && isFirstResponseCandidate(article) && !current.responded && current.state !== "resolved") {
    event("responded", instantOf(article.created_at ?? ticket.updated_at));
    current = { state: current.state === "pending" ? "pending" : "responded", responded: true };
  }

  const stateName = nameOf(ticket.state);
  const target = stateName === undefined ? undefined : m.states[stateName.toLowerCase()];
  if (target === undefined) {
    effects.push({
      kind: "ignored",
      reason: "unmapped_state",
      details: { state: stateName ?? null, externalRef },
    });
  } else {
    const at = instantOf(ticket.updated_at);
    for (const type of transitions(current, target)) event(type, at);
  }

  const booked = new Set(known.bookedEntryIds);
  for (const timeEntry of timeEntriesOf(ticket, article)) {
    if (booked.has(timeEntry.entryId)) continue;
    booked.add(timeEntry.entryId);
    const units = toHundredths(timeEntry.timeUnit);
    if (units === 0) continue;
    if (units < 0) {
      effects.push({
        kind: "ignored",
        reason: "negative_time_entry",
        details: { entryId: timeEntry.entryId, timeUnit: String(timeEntry.timeUnit), externalRef },
      });
      continue;
    }
    const typeName = timeEntry.typeName;
    const category =
      typeName === undefined
        ? m.defaultCategory
        : (m.timeAccountingTypes[typeName.toLowerCase()] ?? m.defaultCategory);
    effects.push({
      kind: "booking",
      entryId: timeEntry.entryId,
      customerId,
      contractId,
      date: dateIn(m.timezone, new Date(timeEntry.at ?? ticket.updated_at)),
      minutes: minutesOf(units, m.timeUnit),
      category,
      description: clip(`Zammad #${externalRef}: ${ticket.title}${typeName ? ` (${typeName})` : ""}`, 500),
      ticketExternalRef: externalRef,
    });
  }
  return effects;
}

/**
 * The events that take a KoAd ticket in `current` to the mapped Zammad state. Pending is left through
 * `resumed` (the paused clocks go on), a resolved ticket through `reopened`; both may precede another
 * change in the same delivery (a closed ticket set to pending is reopened, then pending).
 */
function transitions(current: { state: KoadTicketState }, target: MappedState): TicketEventType[] {
  const { state } = current;
  switch (target) {
    case "open":
      if (state === "pending") return ["resumed"];
      if (state === "resolved") return ["reopened"];
      return [];
    case "pending":
      if (state === "pending") return [];
      if (state === "resolved") return ["reopened", "pending"];
      return ["pending"];
    case "resolved":
      if (state === "resolved") return [];
      if (state === "pending") return ["resumed", "resolved"];
      return ["resolved"];
  }
}

/**
 * The first response, as Zammad itself counts it (app/models/ticket/observer/first_response.rb): an
 * article by an agent, not internal, of a communication type (every seeded type but `note`,
 * db/seeds/ticket_article_types.rb).
 */
function isFirstResponseCandidate(article: ZammadArticle): boolean {
  return nameOf(article.sender) === "Agent" && article.internal === false && nameOf(article.type) !== "note";
}

function openTicket(
  ticket: ZammadTicket,
  article: ZammadArticle | undefined,
  m: ResolvedZammadMapping,
  ids: { externalRef: string; contractId: string; customerId: string },
): ZammadEffect {
  const priorityName = nameOf(ticket.priority);
  const priority =
    priorityName === undefined
      ? m.defaultPriority
      : (m.priorities[priorityName.toLowerCase()] ?? m.defaultPriority);
  // The request is the ticket's first article when a customer wrote it; a later article (KoAd saw the
  // ticket only then), an agent's or an internal one does not describe it.
  const isFirst = article !== undefined && (ticket.article_ids?.[0] ?? article.id) === article.id;
  const description =
    article && isFirst && nameOf(article.sender) === "Customer" && article.internal !== true
      ? textOf(article.body ?? "", article.content_type ?? "")
      : "";
  const contact = contactOf(ticket);
  return {
    kind: "open_ticket",
    ...ids,
    priority,
    subject: clip(ticket.title.trim() || `Zammad #${ids.externalRef}`, 500),
    ...(description !== "" ? { description: clip(description, 5000) } : {}),
    ...(contact ? { contact } : {}),
    receivedAt: instantOf(ticket.created_at),
  };
}

function contactOf(ticket: ZammadTicket): ZammadContact | undefined {
  const customer = ticket.customer;
  if (!customer) return undefined;
  const fullName = [customer.firstname, customer.lastname]
    .filter((part) => part && part.trim() !== "")
    .join(" ");
  const name = fullName || customer.email || customer.login || "";
  if (name === "") return undefined;
  const phone = customer.phone || customer.mobile;
  return {
    name: clip(name, 200),
    ...(customer.email ? { email: customer.email } : {}),
    ...(phone ? { phone } : {}),
  };
}

interface TimeEntry {
  entryId: string;
  timeUnit: number | string;
  typeName?: string;
  at?: string;
}

/**
 * The time entries a delivery carries. Zammad's default payload has, per article, `accounted_time`: the
 * time of the one entry booked with that article (Ticket::Article has_one ticket_time_accounting, and
 * Ticket::TimeAccounting validates ticket_article_id unique); the entry's own id and type are not in it
 * (only `ticket.ticket_time_accounting_ids`). Records with id and type, as the REST API gives them, are
 * read from `ticket.ticket_time_accounting` when a sender adds them. So that both describe one entry
 * the same way, an entry's key is its article's id when it has an article, else its own id.
 */
export function timeEntriesOf(ticket: ZammadTicket, article: ZammadArticle | undefined): TimeEntry[] {
  const entries = new Map<string, TimeEntry>();
  for (const record of ticket.ticket_time_accounting ?? []) {
    const entryId = entryIdOf(record);
    const typeName = nameOf(record.type ?? undefined);
    entries.set(entryId, {
      entryId,
      timeUnit: record.time_unit,
      ...(typeName !== undefined ? { typeName } : {}),
      ...(record.created_at !== undefined ? { at: record.created_at } : {}),
    });
  }
  if (article?.id !== undefined) {
    const entryId = `article-${article.id}`;
    const timeUnit = article.accounted_time ?? article.time_unit;
    if (!entries.has(entryId) && timeUnit !== undefined && timeUnit !== null) {
      entries.set(entryId, {
        entryId,
        timeUnit,
        ...(article.created_at !== undefined ? { at: article.created_at } : {}),
      });
    }
  }
  return [...entries.values()];
}

export function entryIdOf(record: ZammadTimeAccounting): string {
  return record.ticket_article_id != null ? `article-${record.ticket_article_id}` : `entry-${record.id}`;
}

/** A decimal of at most two places (Zammad stores decimal(6,2)) as an integer number of hundredths. */
function toHundredths(value: number | string): number {
  return Math.round(Number(value) * 100);
}

const MINUTES_PER_UNIT: Record<ZammadTimeUnit, number> = { minutes: 1, "quarter-hours": 15, hours: 60 };

/** Whole minutes, rounded up: 0.5 h is 30, 3.33 min is 4, 0.33 h is 20. */
export function minutesOf(hundredths: number, unit: ZammadTimeUnit): number {
  return Math.ceil((hundredths * MINUTES_PER_UNIT[unit]) / 100);
}

/** Converts a Zammad time_unit in `unit` to integer minutes, rounded up. */
export function zammadTimeUnitToMinutes(value: number | string, unit: ZammadTimeUnit = "minutes"): number {
  return minutesOf(toHundredths(value), unit);
}

function organizationOf(ticket: ZammadTicket): {
  organizationId: number | null;
  organizationName: string | null;
} {
  const org = ticket.organization;
  if (typeof org === "string")
    return { organizationId: ticket.organization_id ?? null, organizationName: org };
  return {
    organizationId: org?.id ?? ticket.organization_id ?? null,
    organizationName: org?.name ?? null,
  };
}

function findOrganization(
  m: ResolvedZammadMapping,
  org: { organizationId: number | null; organizationName: string | null },
): ZammadMapping["organizations"][number] | undefined {
  if (org.organizationId !== null) {
    const byId = m.organizations.find((entry) => entry.zammadOrganizationId === org.organizationId);
    if (byId) return byId;
  }
  const name = org.organizationName?.trim().toLowerCase();
  if (!name) return undefined;
  // A name only stands in when the entry names no id: an id that differs is another organization.
  return m.organizations.find(
    (entry) => entry.zammadOrganizationId === undefined && entry.name?.trim().toLowerCase() === name,
  );
}

function nameOf(value: string | { name: string } | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "string" ? value : value.name;
}

/** KoAd's instant form (UTC, whole seconds) of one of Zammad's (`2020-11-13T14:34:35.282Z`). */
function instantOf(value: string): string {
  return isoInstant(new Date(value));
}

function lowerKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.trim().toLowerCase(), value]));
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The plain text of an article body (Zammad's bodies are mostly text/html). */
function textOf(body: string, contentType: string): string {
  if (!/html/i.test(contentType)) return body.trim();
  return body
    .replace(/<(?:br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, entity: string) => ENTITIES[entity] ?? "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}
