/**
 * What each route of the route table (routes.ts) takes and answers, for the OpenAPI document
 * (openapi.ts) and the tests that check answers against it: its request schemas (`body`, `query`), its
 * success `responses` (the zod/mini schemas its views are typed by) and the business refusals its use
 * case throws (`errors`). Apart from routes.ts so that a function's bundle carries only the schemas
 * its own routes parse, not every response schema of the API.
 */
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
import type { RouteKey } from "./routes.js";

/** A success body: one JSON schema, or one schema per media type. */
export type ResponseBody = z.ZodMiniType | Readonly<Record<string, z.ZodMiniType>>;

export interface RouteDoc {
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

export const ROUTE_DOCS = {
  "GET /health": {
    responses: { 200: healthResponseSchema },
    errors: [],
  },
  "GET /openapi.json": {
    responses: { 200: openApiResponseSchema },
    errors: [],
  },
  "POST /customers": {
    body: createCustomerSchema,
    responses: { 201: customerResponseSchema },
    errors: [],
  },
  "GET /customers": {
    query: pageQuerySchema,
    responses: { 200: customerPageResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}": {
    responses: { 200: customerResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}/contracts": {
    responses: { 200: contractListResponseSchema },
    errors: [],
  },
  "POST /contracts": {
    body: createContractSchema,
    responses: { 201: contractCreatedResponseSchema },
    errors: ["period_closed"],
  },
  "GET /contracts/{contractId}": {
    responses: { 200: contractWithBalanceResponseSchema },
    errors: [],
  },
  "PUT /contracts/{contractId}/quota": {
    body: changeQuotaSchema,
    responses: { 200: contractResponseSchema },
    errors: ["period_closed", "quota_below_usage", "too_much_contention"],
  },
  "POST /contracts/{contractId}/topups": {
    body: topUpSchema,
    responses: { 201: topUpMadeResponseSchema },
    errors: ["period_closed"],
  },
  "GET /contracts/{contractId}/balance": {
    query: balanceQuerySchema,
    responses: { 200: balanceResponseSchema },
    errors: [],
  },
  "POST /contracts/{contractId}/bookings": {
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
    query: listBookingsQuerySchema,
    responses: { 200: bookingPageResponseSchema },
    errors: [],
  },
  "POST /contracts/{contractId}/bookings/{bookingId}/reversal": {
    body: reversalSchema,
    bodyOptional: true,
    responses: { 201: bookingWithBalanceResponseSchema },
    errors: ["already_reversed", "period_closed", "too_much_contention"],
  },
  "POST /tickets": {
    body: openTicketSchema,
    responses: { 201: ticketResponseSchema },
    errors: ["not_found", "contract_inactive", "period_closed"],
  },
  "GET /tickets/{ticketId}": {
    responses: { 200: ticketResponseSchema },
    errors: [],
  },
  "GET /tickets": {
    query: ticketQueueQuerySchema,
    responses: { 200: ticketPageResponseSchema },
    errors: [],
  },
  "POST /tickets/{ticketId}/events": {
    body: ticketEventSchema,
    responses: { 201: ticketResponseSchema },
    errors: ["invalid_transition"],
  },
  "GET /contracts/{contractId}/tickets": {
    query: listTicketsQuerySchema,
    responses: { 200: ticketPageResponseSchema },
    errors: [],
  },
  "POST /tickets/{ticketId}/responses": {
    responses: { 200: firstResponseResponseSchema },
    errors: [],
  },
  "GET /alerts": {
    query: listAlertsQuerySchema,
    responses: { 200: alertPageResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}/sla-report": {
    query: slaReportQuerySchema,
    responses: { 200: slaReportResponseSchema },
    errors: [],
  },
  "POST /admin/sla-sweep": {
    responses: { 202: slaSweepResponseSchema },
    errors: [],
  },
  "GET /customers/{customerId}/statements/{month}": {
    responses: {
      200: { "application/json": statementResponseSchema, "text/csv": statementCsvResponseSchema },
    },
    errors: [],
  },
  "POST /admin/month-close": {
    body: monthCloseSchema,
    responses: { 202: monthCloseResponseSchema },
    errors: ["month_not_ended"],
  },
  "GET /admin/month-close/status": {
    responses: { 200: monthCloseStatusResponseSchema },
    errors: [],
  },
  "GET /settings/provider": {
    responses: { 200: providerSettingsResponseSchema },
    errors: [],
  },
  "PUT /settings/provider": {
    body: providerSettingsSchema,
    responses: { 200: providerSettingsResponseSchema },
    errors: [],
  },
  "GET /invoices": {
    query: invoiceListQuerySchema,
    responses: { 200: invoicePageResponseSchema },
    errors: [],
  },
  "POST /invoices/{invoiceId}/credit-note": {
    body: creditNoteSchema,
    responses: { 201: invoiceResponseSchema },
    errors: ["credit_exceeds_invoice"],
  },
  "GET /invoices/{invoiceId}": {
    responses: {
      200: {
        "application/json": invoiceResponseSchema,
        "application/xml": invoiceXmlResponseSchema,
        "application/pdf": invoicePdfResponseSchema,
      },
    },
    errors: [],
  },
} as const satisfies Record<RouteKey, RouteDoc>;
