import type * as z from "zod/mini";
import {
  bookingPageResponseSchema,
  bookingWithBalanceResponseSchema,
  createBookingSchema,
  listBookingsQuerySchema,
  reversalSchema,
} from "../schemas/booking.schema.js";
import { healthResponseSchema, openApiResponseSchema, pageQuerySchema } from "../schemas/common.schema.js";
import {
  balanceQuerySchema,
  balanceResponseSchema,
  changeQuotaSchema,
  contractCreatedResponseSchema,
  contractListResponseSchema,
  contractResponseSchema,
  contractWithBalanceResponseSchema,
  createContractSchema,
  topUpMadeResponseSchema,
  topUpSchema,
} from "../schemas/contract.schema.js";
import {
  createCustomerSchema,
  customerPageResponseSchema,
  customerResponseSchema,
} from "../schemas/customer.schema.js";
import {
  creditNoteSchema,
  invoiceListQuerySchema,
  invoicePageResponseSchema,
  invoicePdfResponseSchema,
  invoiceResponseSchema,
  invoiceXmlResponseSchema,
  providerSettingsResponseSchema,
  providerSettingsSchema,
} from "../schemas/invoice.schema.js";
import {
  monthCloseResponseSchema,
  monthCloseSchema,
  monthCloseStatusResponseSchema,
  statementCsvResponseSchema,
  statementResponseSchema,
} from "../schemas/month-close.schema.js";
import {
  alertPageResponseSchema,
  firstResponseResponseSchema,
  listAlertsQuerySchema,
  listTicketsQuerySchema,
  openTicketSchema,
  slaReportQuerySchema,
  slaReportResponseSchema,
  slaSweepResponseSchema,
  ticketEventSchema,
  ticketPageResponseSchema,
  ticketQueueQuerySchema,
  ticketResponseSchema,
} from "../schemas/ticket.schema.js";

/**
 * The HTTP API's routes: who serves each (a handler group is one Lambda function), whether it needs a
 * token, and how its `Idempotency-Key` is honoured. The handlers, the local server, the CDK stack and
 * the OpenAPI document all read this one table.
 */
export const HANDLER_GROUPS = {
  health: { entry: "functions/http/health.handler.ts", table: "none" },
  customers: { entry: "functions/http/customers.handler.ts" },
  contracts: { entry: "functions/http/contracts.handler.ts" },
  bookings: { entry: "functions/http/bookings.handler.ts" },
  /** Sends `ticket.opened` to the ticket queue. */
  tickets: { entry: "functions/http/tickets.handler.ts", sendsTo: ["tickets"] },
  alerts: { entry: "functions/http/alerts.handler.ts" },
  reports: { entry: "functions/http/reports.handler.ts" },
  /** Runs the SLA sweep: queues checks, publishes the alert outbox. */
  slaSweep: { entry: "functions/http/sla-sweep.handler.ts", sendsTo: ["tickets"], publishesAlerts: true },
  statements: { entry: "functions/http/statements.handler.ts" },
  /** Starts the month close: needs the close queue's URL (MONTH_CLOSE_QUEUE_URL) and send rights. */
  admin: { entry: "functions/http/admin.handler.ts", sendsTo: ["monthClose"] },
  /** Provider settings, invoice lists and credit notes. */
  invoices: { entry: "functions/http/invoices.handler.ts" },
  /** Invoices as JSON, XML and PDF: the only function bundling the renderers (pdfkit, fonts). */
  documents: {
    entry: "functions/http/documents.handler.ts",
    bundleFiles: [
      { from: "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", to: "fonts/DejaVuSans.ttf" },
      { from: "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", to: "fonts/DejaVuSans-Bold.ttf" },
      // pdfkit reads its sRGB output intent from `./data/` beside its module, in the bundle: index.mjs.
      { from: "node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc", to: "data/sRGB_IEC61966_2_1.icc" },
    ],
  },
} as const;

export type HandlerGroup = keyof typeof HANDLER_GROUPS;

/**
 * What a handler group's function may touch when deployed; the CDK stack grants exactly this and no
 * more. Every field but `entry` is optional, so a new group needs only its entry.
 */
export interface HandlerGroupSpec {
  entry: string;
  /** Table rights. Default: `read` when every route of the group is a GET, else `readWrite`. */
  table?: "none" | "read" | "readWrite";
  /** Queues it sends to, by their name in infra/resources.ts QUEUES (it gets their URLs and send rights). */
  sendsTo?: readonly string[];
  /** Whether it publishes alerts to the SNS topic (it gets ALERT_TOPIC_ARN and publish rights). */
  publishesAlerts?: boolean;
  /** Files the bundle reads at run time that esbuild cannot inline (fonts, data), copied beside it. */
  bundleFiles?: readonly { from: string; to: string }[];
}

export interface RouteSpec {
  group: HandlerGroup;
  auth: "public" | "token";
  /**
   * `stored`: the HTTP layer remembers the response of an `Idempotency-Key`;
   * `inline`: the use case claims the key in its own transaction (bookings: one round trip).
   */
  idempotency?: "stored" | "inline";
  /** The success status when it is not the method's usual one (200, or 201 for POST). */
  successStatus?: 200 | 201 | 202;
  summary: string;
  /** The request body's schema (what the route parses); `bodyOptional` when it may be left out. */
  body?: z.ZodMiniType;
  bodyOptional?: boolean;
  /** The query string's schema. */
  query?: z.ZodMiniObject;
  /**
   * What it answers on success: status → the body's schema (JSON), or media type → schema when it
   * answers more than one (`text/csv`). The views are typed by these schemas; the OpenAPI document
   * and the e2e response check read them.
   */
  responses?: Partial<Record<200 | 201 | 202, ResponseBody>>;
  /**
   * The business refusals its use case can throw, by code (functions/shared/http-errors.ts). The edge's
   * own refusals follow from the spec (openapi.ts `edgeErrors`): do not repeat them here.
   */
  errors?: readonly string[];
}

/** A success body: one JSON schema, or one schema per media type. */
export type ResponseBody = z.ZodMiniType | Readonly<Record<string, z.ZodMiniType>>;

export const ROUTES = {
  "GET /health": {
    group: "health",
    auth: "public",
    summary: "Liveness",
    responses: { 200: healthResponseSchema },
    errors: [],
  },
  "GET /openapi.json": {
    group: "health",
    auth: "public",
    summary: "This API as OpenAPI 3.1",
    responses: { 200: openApiResponseSchema },
    errors: [],
  },
  "POST /customers": {
    group: "customers",
    auth: "token",
    idempotency: "stored",
    summary: "Create a customer",
    body: createCustomerSchema,
    responses: { 201: customerResponseSchema },
    errors: [],
  },
  "GET /customers": {
    group: "customers",
    auth: "token",
    summary: "List customers",
    query: pageQuerySchema,
    responses: { 200: customerPageResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}": {
    group: "customers",
    auth: "token",
    summary: "One customer",
    responses: { 200: customerResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}/contracts": {
    group: "customers",
    auth: "token",
    summary: "A customer's contracts",
    responses: { 200: contractListResponseSchema },
    errors: [],
  },
  "POST /contracts": {
    group: "contracts",
    auth: "token",
    idempotency: "stored",
    summary: "Create a contract",
    body: createContractSchema,
    responses: { 201: contractCreatedResponseSchema },
    errors: ["period_closed"],
  },
  "GET /contracts/{contractId}": {
    group: "contracts",
    auth: "token",
    summary: "A contract with its balance",
    responses: { 200: contractWithBalanceResponseSchema },
    errors: [],
  },
  "PUT /contracts/{contractId}/quota": {
    group: "contracts",
    auth: "token",
    idempotency: "stored",
    summary: "Change the monthly quota from a month on",
    body: changeQuotaSchema,
    responses: { 200: contractResponseSchema },
    errors: ["period_closed", "quota_below_usage", "too_much_contention"],
  },
  "POST /contracts/{contractId}/topups": {
    group: "contracts",
    auth: "token",
    idempotency: "stored",
    summary: "Top up a prepaid pool",
    body: topUpSchema,
    responses: { 201: topUpMadeResponseSchema },
    errors: ["period_closed"],
  },
  "GET /contracts/{contractId}/balance": {
    group: "contracts",
    auth: "token",
    summary: "Balance of a month or pool",
    query: balanceQuerySchema,
    responses: { 200: balanceResponseSchema },
    errors: [],
  },
  "POST /contracts/{contractId}/bookings": {
    group: "bookings",
    auth: "token",
    idempotency: "inline",
    summary: "Book hours",
    body: createBookingSchema,
    responses: { 201: bookingWithBalanceResponseSchema },
    errors: [
      "quota_exceeded",
      "period_closed",
      "category_not_covered",
      "contract_inactive",
      "too_much_contention",
    ],
  },
  "GET /contracts/{contractId}/bookings": {
    group: "bookings",
    auth: "token",
    summary: "Bookings of a month",
    query: listBookingsQuerySchema,
    responses: { 200: bookingPageResponseSchema },
    errors: [],
  },
  "POST /contracts/{contractId}/bookings/{bookingId}/reversal": {
    group: "bookings",
    auth: "token",
    idempotency: "stored",
    summary: "Reverse a booking",
    body: reversalSchema,
    bodyOptional: true,
    responses: { 201: bookingWithBalanceResponseSchema },
    errors: ["already_reversed", "period_closed", "too_much_contention"],
  },
  "POST /tickets": {
    group: "tickets",
    auth: "token",
    idempotency: "stored",
    summary: "Open a ticket",
    body: openTicketSchema,
    responses: { 201: ticketResponseSchema },
    errors: ["not_found", "contract_inactive", "period_closed"],
  },
  "GET /tickets/{ticketId}": {
    group: "tickets",
    auth: "token",
    summary: "A ticket with its SLA clock",
    responses: { 200: ticketResponseSchema },
    errors: [],
  },
  "GET /tickets": {
    group: "tickets",
    auth: "token",
    summary: "The ticket queue across customers, soonest deadline first",
    query: ticketQueueQuerySchema,
    responses: { 200: ticketPageResponseSchema },
    errors: [],
  },
  "POST /tickets/{ticketId}/events": {
    group: "tickets",
    auth: "token",
    idempotency: "stored",
    summary: "Add an event to a ticket's timeline",
    body: ticketEventSchema,
    responses: { 201: ticketResponseSchema },
    errors: ["invalid_transition"],
  },
  "GET /contracts/{contractId}/tickets": {
    group: "tickets",
    auth: "token",
    summary: "Tickets of a contract",
    query: listTicketsQuerySchema,
    responses: { 200: ticketPageResponseSchema },
    errors: [],
  },
  "POST /tickets/{ticketId}/responses": {
    group: "tickets",
    auth: "token",
    idempotency: "stored",
    summary: "Record the first response to a ticket",
    responses: { 200: firstResponseResponseSchema },
    errors: [],
    successStatus: 200,
  },
  "GET /alerts": {
    group: "alerts",
    auth: "token",
    summary: "Alerts, newest first",
    query: listAlertsQuerySchema,
    responses: { 200: alertPageResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}/sla-report": {
    group: "reports",
    auth: "token",
    summary: "How a customer's SLAs were kept in a month",
    query: slaReportQuerySchema,
    responses: { 200: slaReportResponseSchema },
    errors: [],
  },
  "POST /admin/sla-sweep": {
    group: "slaSweep",
    auth: "token",
    idempotency: "stored",
    summary: "Run the SLA watch once now",
    responses: { 202: slaSweepResponseSchema },
    errors: [],
    successStatus: 202,
  },
  "GET /customers/{customerId}/statements/{month}": {
    group: "statements",
    auth: "token",
    summary: "A customer's statement of a month (JSON, or CSV with Accept: text/csv)",
    responses: {
      200: { "application/json": statementResponseSchema, "text/csv": statementCsvResponseSchema },
    },
    errors: [],
  },
  "POST /admin/month-close": {
    group: "admin",
    auth: "token",
    idempotency: "stored",
    successStatus: 202,
    summary: "Close a month that has ended, as the schedule does (safe to repeat)",
    body: monthCloseSchema,
    responses: { 202: monthCloseResponseSchema },
    errors: ["month_not_ended"],
  },
  "GET /admin/month-close/status": {
    group: "admin",
    auth: "token",
    summary: "The last month closed system-wide (closedThrough) and the close runs",
    responses: { 200: monthCloseStatusResponseSchema },
    errors: [],
  },
  "GET /settings/provider": {
    group: "invoices",
    auth: "token",
    summary: "The provider's invoicing settings",
    responses: { 200: providerSettingsResponseSchema },
    errors: [],
  },
  "PUT /settings/provider": {
    group: "invoices",
    auth: "token",
    idempotency: "stored",
    summary: "Set the provider's invoicing settings (invoicing starts once they are set)",
    body: providerSettingsSchema,
    responses: { 200: providerSettingsResponseSchema },
    errors: [],
  },
  "GET /invoices": {
    group: "invoices",
    auth: "token",
    summary: "Invoices and credit notes, newest first",
    query: invoiceListQuerySchema,
    responses: { 200: invoicePageResponseSchema },
    errors: [],
  },
  "POST /invoices/{invoiceId}/credit-note": {
    group: "invoices",
    auth: "token",
    idempotency: "stored",
    summary: "Credit an invoice, wholly or some of its lines",
    body: creditNoteSchema,
    responses: { 201: invoiceResponseSchema },
    errors: ["credit_exceeds_invoice"],
  },
  "GET /invoices/{invoiceId}": {
    group: "documents",
    auth: "token",
    summary:
      "An invoice (JSON, XRechnung XML with Accept: application/xml, ZUGFeRD PDF with application/pdf)",
    responses: {
      200: {
        "application/json": invoiceResponseSchema,
        "application/xml": invoiceXmlResponseSchema,
        "application/pdf": invoicePdfResponseSchema,
      },
    },
    errors: [],
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;
export type RouteKeyOf<G extends HandlerGroup> = {
  [K in RouteKey]: (typeof ROUTES)[K]["group"] extends G ? K : never;
}[RouteKey];

export function routeSpec(routeKey: string): RouteSpec | undefined {
  return (ROUTES as Record<string, RouteSpec>)[routeKey];
}
