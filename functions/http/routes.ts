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
}

export interface RouteSpec {
  group: HandlerGroup;
  auth: "public" | "token";
  /**
   * `stored`: the HTTP layer remembers the response of an `Idempotency-Key`;
   * `inline`: the use case claims the key in its own transaction (bookings: one round trip).
   */
  idempotency?: "stored" | "inline";
  summary: string;
}

export const ROUTES = {
  "GET /health": { group: "health", auth: "public", summary: "Liveness" },
  "GET /openapi.json": { group: "health", auth: "public", summary: "This API as OpenAPI 3.1" },
  "POST /customers": {
    group: "customers",
    auth: "token",
    idempotency: "stored",
    summary: "Create a customer",
  },
  "GET /customers": { group: "customers", auth: "token", summary: "List customers" },
  "GET /customers/{customerId}": { group: "customers", auth: "token", summary: "One customer" },
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
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof ROUTES;
export type RouteKeyOf<G extends HandlerGroup> = {
  [K in RouteKey]: (typeof ROUTES)[K]["group"] extends G ? K : never;
}[RouteKey];

export function routeSpec(routeKey: string): RouteSpec | undefined {
  return (ROUTES as Record<string, RouteSpec>)[routeKey];
}
