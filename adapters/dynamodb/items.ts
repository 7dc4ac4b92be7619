import * as z from "zod/mini";
import type { Alert } from "../../domain/alert.js";
import { ALERT_TYPES } from "../../domain/alert.js";
import type { Booking } from "../../domain/booking.js";
import type { Contract } from "../../domain/contract.js";
import { CATEGORIES } from "../../domain/contract.js";
import type { Customer } from "../../domain/customer.js";
import type { IssuedInvoice, ProviderSettings } from "../../domain/invoice.js";
import type { PeriodUsage, PoolUsage } from "../../domain/ledger.js";
import type { IdempotentResponse } from "../../domain/repositories.js";
import { NAMED_WINDOWS, PRIORITIES } from "../../domain/sla-terms.js";
import type { ClosedMonthFigures } from "../../domain/statement.js";
import type { Ticket } from "../../domain/ticket.js";
import { TICKET_STATUSES, WATCH_STAGES } from "../../domain/ticket.js";
import { SLA_TARGETS } from "../../domain/ticket-sla.js";
import { TIMELINE_EVENT_TYPES } from "../../domain/ticket-timeline.js";
import { keys } from "./keys.js";

/**
 * Items are parsed when read and mapped explicitly to domain types: a malformed item fails loudly
 * here instead of leaking half-typed data into the business rules.
 *
 * Each item's schema is built on its first parse, not when the module loads: a function's bundle then
 * carries only the schemas of the items its repositories read (esbuild drops the unused `PURE` parsers).
 */

const int = /* @__PURE__ */ z.int();
const category = /* @__PURE__ */ z.enum(CATEGORIES);

const slaSchema = () =>
  z.object({
    window: z.union([
      z.enum(NAMED_WINDOWS),
      z.array(z.object({ days: z.array(int), from: z.string(), to: z.string() })),
    ]),
    timezone: z.string(),
    holidays: z.nullable(z.string()),
    responseMinutes: z.object(
      Object.fromEntries(PRIORITIES.map((p) => [p, int])) as Record<(typeof PRIORITIES)[number], typeof int>,
    ),
    resolutionMinutes: z.optional(
      z.object(
        Object.fromEntries(PRIORITIES.map((p) => [p, int])) as Record<
          (typeof PRIORITIES)[number],
          typeof int
        >,
      ),
    ),
    warnAtPercent: int,
    dedicatedContacts: z.array(z.string()),
  });

const contractBase = () => ({
  id: z.string(),
  customerId: z.string(),
  status: z.enum(["active", "ended", "expired"]),
  categories: z.array(category),
  billingIncrementMinutes: int,
  overage: z.object({ policy: z.enum(["block", "bill"]), rateCentsPerHour: int }),
  sla: slaSchema(),
  closedThroughMonth: z.nullable(z.string()),
  createdAt: z.string(),
  version: int,
});

const contractItem = () =>
  z.discriminatedUnion("kind", [
    z.object({
      ...contractBase(),
      kind: z.literal("monthly"),
      startMonth: z.string(),
      endMonth: z.nullable(z.string()),
      quotaSchedule: z.array(z.object({ effectiveMonth: z.string(), monthlyQuotaMinutes: int })),
      feeCentsPerMonth: int,
      fallbackContractId: z.nullable(z.string()),
    }),
    z.object({
      ...contractBase(),
      kind: z.literal("prepaid"),
      monthlyBasisMinutes: int,
      termYears: z.union([z.literal(1), z.literal(3)]),
      startDate: z.string(),
      endDate: z.string(),
      priceCents: int,
    }),
  ]);

const customerItem = () =>
  z.object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    holidays: z.nullable(z.string()),
    createdAt: z.string(),
    billing: z._default(z.nullable(billingSchema()), null),
  });

const postalAddress = () =>
  z.object({ street: z.string(), postcode: z.string(), city: z.string(), countryCode: z.string() });

/** A customer's billing data (domain/invoice.ts `CustomerBilling`); customers stored before it have none. */
const billingSchema = () =>
  z.object({
    legalName: z.string(),
    address: postalAddress(),
    email: z.string(),
    vatId: z.optional(z.nullable(z.string())),
    buyerReference: z.optional(z.nullable(z.string())),
    vatTreatment: z.enum(["standard", "reverse_charge"]),
    language: z.optional(z.enum(["de", "en"])),
  });

const periodItem = () =>
  z.object({
    contractId: z.string(),
    month: z.string(),
    usedMinutes: int,
    fromPoolMinutes: int,
    overageMinutes: int,
    expiredMinutes: int,
    thresholdsNotified: z.array(int),
    version: int,
    termsVersion: z._default(int, 0),
  });

const poolItem = () =>
  z.object({
    contractId: z.string(),
    totalMinutes: int,
    usedMinutes: int,
    overageMinutes: int,
    expiredMinutes: int,
    usedByMonth: z.record(z.string(), int),
    overageByMonth: z.record(z.string(), int),
    thresholdsNotified: z.array(int),
    version: int,
    termsVersion: z._default(int, 0),
  });

const bookingItem = () =>
  z.object({
    id: z.string(),
    contractId: z.string(),
    customerId: z.string(),
    date: z.string(),
    month: z.string(),
    minutes: int,
    billedMinutes: int,
    // Absent means 0 or null: bookingItem leaves zero minutes and empty fields out (see there).
    fromQuotaMinutes: z._default(int, 0),
    fromPoolMinutes: z._default(int, 0),
    poolContractId: z._default(z.nullable(z.string()), null),
    overageMinutes: z._default(int, 0),
    category,
    description: z.string(),
    ticketId: z._default(z.nullable(z.string()), null),
    technician: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    status: z.enum(["booked", "reversed"]),
    reversal: z._default(
      z.nullable(
        z.object({
          id: z.string(),
          at: z.string(),
          by: z.string(),
          reason: z._default(z.nullable(z.string()), null),
        }),
      ),
      null,
    ),
  });

const alertItem = () =>
  z.object({
    id: z.string(),
    type: z.enum(ALERT_TYPES),
    customerId: z.string(),
    contractId: z.string(),
    ticketId: z.optional(z.string()),
    month: z.optional(z.string()),
    at: z.string(),
    details: z.record(z.string(), z.unknown()),
  });

const ticketItem = () =>
  z.object({
    id: z.string(),
    contractId: z.string(),
    customerId: z.string(),
    priority: z.enum(PRIORITIES),
    subject: z.string(),
    receivedAt: z.string(),
    responseDueAt: z.string(),
    warnAt: z.string(),
    status: z.enum(TICKET_STATUSES),
    sla: slaSchema(),
    watch: z.nullable(
      z.object({ target: z.optional(z.enum(SLA_TARGETS)), stage: z.enum(WATCH_STAGES), at: z.string() }),
    ),
    warnedAt: z.nullable(z.string()),
    breachedAt: z.nullable(z.string()),
    respondedAt: z.nullable(z.string()),
    respondedBy: z.nullable(z.string()),
    slaMet: z.nullable(z.boolean()),
    responseMinutes: z.nullable(int),
    openedBy: z.string(),
    createdAt: z.string(),
    description: z.optional(z.string()),
    contact: z.optional(
      z.object({ name: z.string(), email: z.optional(z.string()), phone: z.optional(z.string()) }),
    ),
    externalRef: z.optional(z.string()),
    // Absent on tickets stored by v1: read through timelineOf / raisedOf.
    timeline: z.optional(
      z.array(
        z.object({
          id: z.string(),
          type: z.enum(TIMELINE_EVENT_TYPES),
          at: z.string(),
          by: z.string(),
          message: z.optional(z.string()),
          internal: z.optional(z.boolean()),
        }),
      ),
    ),
    raised: z.optional(z.array(z.object({ target: z.enum(SLA_TARGETS), stage: z.enum(WATCH_STAGES) }))),
    version: z.optional(int),
  });

/**
 * A closed month's statement as stored: the figures the close froze. Its bookings are not in it: they
 * are read from the month's bookings. (Statements closed before carry their bookings and totals as
 * well; those fields are dropped here like the keys.)
 */
const closedMonthFiguresItem = () =>
  z.object({
    contractId: z.string(),
    customerId: z.string(),
    kind: z.enum(["monthly", "prepaid"]),
    month: z.string(),
    status: z.literal("closed"),
    quotaMinutes: int,
    usedMinutes: int,
    fromPoolMinutes: int,
    overageMinutes: int,
    overageCents: int,
    expiredMinutes: int,
    remainingMinutes: int,
    feeCents: int,
    termStart: z.nullable(z.string()),
    termEnd: z.nullable(z.string()),
    closedAt: z.string(),
  });

/**
 * An idempotency record. Its response is stored as one JSON string, not as a map: the record is
 * written inside every booking's transaction, and one string attribute costs the SDK and DynamoDB far
 * less to encode and store than the response's dozens of nested attributes.
 */
const storedResponse = () => z.object({ statusCode: int, body: z.unknown() });
const idempotencyItem = () =>
  z.object({
    fingerprint: z.string(),
    expiresAt: int,
    // A map: how records kept the response before (a local store may still hold some for 24 hours).
    response: z.optional(z.nullable(z.union([z.string(), storedResponse()]))),
  });

const providerSettingsItem = () =>
  z.object({
    legalName: z.string(),
    address: postalAddress(),
    vatId: z.nullable(z.string()),
    taxNumber: z.nullable(z.string()),
    contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
    bank: z.object({ iban: z.string(), bic: z.nullable(z.string()), holder: z.string() }),
    invoiceNumberPrefix: z.string(),
    paymentTermsDays: int,
    vatRatePercent: z.number(),
  });

const datePeriod = () => z.object({ start: z.string(), end: z.string() });
const vatCategory = () => z.enum(["S", "AE"]);

/** An issued invoice as stored (`document`), with its credited cents. */
const invoiceItem = () =>
  z.object({
    creditedCents: int,
    document: z.object({
      id: z.string(),
      number: z.string(),
      typeCode: z.union([z.literal(380), z.literal(381)]),
      issueDate: z.string(),
      dueDate: z.string(),
      servicePeriod: datePeriod(),
      currency: z.literal("EUR"),
      seller: providerSettingsItem(),
      buyer: z.object({
        customerId: z.string(),
        legalName: z.string(),
        address: postalAddress(),
        email: z.string(),
        vatId: z.nullable(z.string()),
        vatTreatment: z.enum(["standard", "reverse_charge"]),
        language: z.enum(["de", "en"]),
      }),
      buyerReference: z.string(),
      lines: z.array(
        z.object({
          id: z.string(),
          description: z.string(),
          quantity: int,
          unitCode: z.enum(["C62", "MIN", "HUR"]),
          unitPriceCents: int,
          priceBaseQuantity: int,
          netCents: int,
          vatCategory: vatCategory(),
          vatRatePercent: z.number(),
          period: z.nullable(datePeriod()),
          contractId: z.nullable(z.string()),
        }),
      ),
      vatBreakdown: z.array(
        z.object({
          category: vatCategory(),
          ratePercent: z.number(),
          basisCents: int,
          taxCents: int,
          exemptionReason: z.nullable(z.string()),
          exemptionReasonCode: z.nullable(z.string()),
        }),
      ),
      totals: z.object({
        lineTotalCents: int,
        taxBasisCents: int,
        taxCents: int,
        grandTotalCents: int,
        duePayableCents: int,
      }),
      notes: z.array(z.string()),
      paymentTerms: z.nullable(z.string()),
      precedingInvoice: z.nullable(z.object({ number: z.string(), issueDate: z.string() })),
      source: z.union([
        z.object({ kind: z.literal("month"), customerId: z.string(), month: z.string() }),
        z.object({ kind: z.literal("pool"), contractId: z.string() }),
        z.object({ kind: z.literal("topup"), contractId: z.string(), topUpId: z.string() }),
        z.object({ kind: z.literal("credit"), invoiceId: z.string() }),
      ]),
    }),
  });

function parser<T>(what: string, schema: () => z.ZodMiniType<T>) {
  let built: z.ZodMiniType<T> | undefined;
  return (item: Record<string, unknown>): T => {
    built ??= schema();
    const parsed = built.safeParse(item);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
      throw new Error(`Malformed ${what} item ${String(item.pk)}/${String(item.sk)}: ${where}`);
    }
    return parsed.data;
  };
}

export const parseCustomer: (item: Record<string, unknown>) => Customer = /* @__PURE__ */ parser(
  "customer",
  customerItem,
);
export const parseContract: (item: Record<string, unknown>) => Contract = /* @__PURE__ */ parser(
  "contract",
  contractItem,
);
export const parsePeriod: (item: Record<string, unknown>) => PeriodUsage = /* @__PURE__ */ parser(
  "period",
  periodItem,
);
const parsePoolItem = /* @__PURE__ */ parser("pool", poolItem);
export function parsePool(item: Record<string, unknown>): PoolUsage {
  const { usedByMonth, overageByMonth, ...rest } = parsePoolItem(item);
  const months: PoolUsage["months"] = {};
  for (const month of new Set([...Object.keys(usedByMonth), ...Object.keys(overageByMonth)])) {
    months[month] = { usedMinutes: usedByMonth[month] ?? 0, overageMinutes: overageByMonth[month] ?? 0 };
  }
  return { ...rest, months };
}
const parseBookingItem = /* @__PURE__ */ parser("booking", bookingItem);
/** A booking from its item; its id, contract and month come from its key (bookingItem leaves them out). */
export function parseBooking(item: Record<string, unknown>): Booking {
  return parseBookingItem({ ...keys.bookingOfKey({ pk: String(item.pk), sk: String(item.sk) }), ...item });
}
export const parseAlert: (item: Record<string, unknown>) => Alert = /* @__PURE__ */ parser(
  "alert",
  alertItem,
);
export const parseTicket: (item: Record<string, unknown>) => Ticket = /* @__PURE__ */ parser(
  "ticket",
  ticketItem,
);
export const parseClosedMonthFigures: (item: Record<string, unknown>) => ClosedMonthFigures =
  /* @__PURE__ */ parser("statement", closedMonthFiguresItem);
const parseIdempotencyItem = /* @__PURE__ */ parser("idempotency", idempotencyItem);
let responseSchema: ReturnType<typeof storedResponse> | undefined;
export function parseIdempotency(item: Record<string, unknown>): {
  fingerprint: string;
  expiresAt: number;
  response: IdempotentResponse | null;
} {
  const { fingerprint, expiresAt, response } = parseIdempotencyItem(item);
  if (response === undefined || response === null) return { fingerprint, expiresAt, response: null };
  if (typeof response !== "string") return { fingerprint, expiresAt, response };
  responseSchema ??= storedResponse();
  const parsed = responseSchema.safeParse(JSON.parse(response));
  if (!parsed.success) throw new Error(`Malformed idempotency response ${String(item.pk)}`);
  return { fingerprint, expiresAt, response: parsed.data };
}

/** The stored form of a response (see idempotencyItem). */
export function idempotentResponseAttribute(response: IdempotentResponse): string {
  return JSON.stringify(response);
}
export const parseProviderSettings: (item: Record<string, unknown>) => ProviderSettings =
  /* @__PURE__ */ parser("provider settings", providerSettingsItem);
const parseInvoiceItem = /* @__PURE__ */ parser("invoice", invoiceItem);
export function parseInvoice(item: Record<string, unknown>): {
  invoice: IssuedInvoice;
  creditedCents: number;
} {
  const { document, creditedCents } = parseInvoiceItem(item);
  return { invoice: document, creditedCents };
}
