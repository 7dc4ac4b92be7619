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
}

/**
 * The request and response schemas and the business refusals of each route are in route-docs.ts:
 * only the OpenAPI document (and the tests) read them, so no function bundles every schema.
 */
export const ROUTES = {
  "GET /health": {
    group: "health",
    auth: "public",
    summary: "Liveness",
  },
  "GET /openapi.json": {
    group: "health",
    auth: "public",
    summary: "This API as OpenAPI 3.1",
  },
  "POST /customers": {
    group: "customers",
    auth: "token",
    idempotency: "stored",
    summary: "Create a customer",
  },
  "GET /customers": {
    group: "customers",
    auth: "token",
    summary: "List customers",
  },
  "GET /customers/{customerId}": {
    group: "customers",
    auth: "token",
    summary: "One customer",
  },
  "GET /customers/{customerId}/contracts": {
    group: "customers",
    auth: "token",
    summary: "A customer's contracts",
  },
  "POST /contracts": {
    group: "contracts",
    auth: "token",
    idempotency: "stored",
    summary: "Create a contract",
  },
  "GET /contracts/{contractId}": {
    group: "contracts",
    auth: "token",
    summary: "A contract with its balance",
  },
  "PUT /contracts/{contractId}/quota": {
    group: "contracts",
    auth: "token",
    idempotency: "stored",
    summary: "Change the monthly quota from a month on",
  },
  "POST /contracts/{contractId}/topups": {
    group: "contracts",
    auth: "token",
    idempotency: "stored",
    summary: "Top up a prepaid pool",
  },
  "GET /contracts/{contractId}/balance": {
    group: "contracts",
    auth: "token",
    summary: "Balance of a month or pool",
  },
  "POST /contracts/{contractId}/bookings": {
    group: "bookings",
    auth: "token",
    idempotency: "inline",
    summary: "Book hours",
  },
  "GET /contracts/{contractId}/bookings": {
    group: "bookings",
    auth: "token",
    summary: "Bookings of a month",
  },
  "POST /contracts/{contractId}/bookings/{bookingId}/reversal": {
    group: "bookings",
    auth: "token",
    idempotency: "stored",
    summary: "Reverse a booking",
  },
  "POST /tickets": {
    group: "tickets",
    auth: "token",
    idempotency: "stored",
    summary: "Open a ticket",
  },
  "GET /tickets/{ticketId}": {
    group: "tickets",
    auth: "token",
    summary: "A ticket with its SLA clock",
  },
  "GET /tickets": {
    group: "tickets",
    auth: "token",
    summary: "The ticket queue across customers, soonest deadline first",
  },
  "POST /tickets/{ticketId}/events": {
    group: "tickets",
    auth: "token",
    idempotency: "stored",
    summary: "Add an event to a ticket's timeline",
  },
  "GET /contracts/{contractId}/tickets": {
    group: "tickets",
    auth: "token",
    summary: "Tickets of a contract",
  },
  "POST /tickets/{ticketId}/responses": {
    group: "tickets",
    auth: "token",
    idempotency: "stored",
    summary: "Record the first response to a ticket",
    successStatus: 200,
  },
  "GET /alerts": {
    group: "alerts",
    auth: "token",
    summary: "Alerts, newest first",
  },
  "GET /customers/{customerId}/sla-report": {
    group: "reports",
    auth: "token",
    summary: "How a customer's SLAs were kept in a month",
  },
  "POST /admin/sla-sweep": {
    group: "slaSweep",
    auth: "token",
    idempotency: "stored",
    summary: "Run the SLA watch once now",
    successStatus: 202,
  },
  "GET /customers/{customerId}/statements/{month}": {
    group: "statements",
    auth: "token",
    summary: "A customer's statement of a month (JSON, or CSV with Accept: text/csv)",
  },
  "POST /admin/month-close": {
    group: "admin",
    auth: "token",
    idempotency: "stored",
    successStatus: 202,
    summary: "Close a month that has ended, as the schedule does (safe to repeat)",
  },
  "GET /admin/month-close/status": {
    group: "admin",
    auth: "token",
    summary: "The last month closed system-wide (closedThrough) and the close runs",
  },
  "GET /settings/provider": {
    group: "invoices",
    auth: "token",
    summary: "The provider's invoicing settings",
  },
  "PUT /settings/provider": {
    group: "invoices",
    auth: "token",
    idempotency: "stored",
    summary: "Set the provider's invoicing settings (invoicing starts once they are set)",
  },
  "GET /invoices": {
    group: "invoices",
    auth: "token",
    summary: "Invoices and credit notes, newest first",
  },
  "POST /invoices/{invoiceId}/credit-note": {
    group: "invoices",
    auth: "token",
    idempotency: "stored",
    summary: "Credit an invoice, wholly or some of its lines",
  },
  "GET /invoices/{invoiceId}": {
    group: "documents",
    auth: "token",
    summary:
      "An invoice (JSON, XRechnung XML with Accept: application/xml, ZUGFeRD PDF with application/pdf)",
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;
export type RouteKeyOf<G extends HandlerGroup> = {
  [K in RouteKey]: (typeof ROUTES)[K]["group"] extends G ? K : never;
}[RouteKey];

export function routeSpec(routeKey: string): RouteSpec | undefined {
  return (ROUTES as Record<string, RouteSpec>)[routeKey];
}
