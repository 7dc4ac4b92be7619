import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import type { RouteKey } from "../../functions/http/routes.js";

/**
 * For every route: how to make a valid request against fresh data, and who may make it. The access
 * matrix and the fuzzer both read this table; a route without an entry fails both, so a new route
 * cannot go untested.
 */
export type Caller = "admin" | "technician" | "ownCustomer" | "otherCustomer";

/** The data a request is made against: an own customer with one contract of each kind. */
export interface World {
  customerId: string;
  otherCustomerId: string;
  monthlyId: string;
  prepaidId: string;
  /** Books fresh minutes on the monthly contract (as a technician) and returns the booking id. */
  newBooking(): Promise<string>;
  /** Opens a fresh ticket on the monthly contract (as a technician) and returns its id. */
  newTicket(): Promise<string>;
  /** Issues a fresh invoice of the own customer (setting the provider first) and returns its id. */
  newInvoice(): Promise<string>;
}

export interface RouteFixture {
  /** Path parameters and body of a valid request that `admin` may make. */
  request(world: World): Promise<{ pathParameters?: Record<string, string>; query?: string; body?: unknown }>;
  /** The status each caller gets for that request (SPEC §2 Auth). */
  expect: Record<Caller, number>;
}

export const today = () => dateIn("Europe/Berlin", new Date());
const thisMonth = () => monthOf(today());

const staffOnlyRead = { admin: 200, technician: 200, ownCustomer: 403, otherCustomer: 403 };
const ownedRead = { admin: 200, technician: 200, ownCustomer: 200, otherCustomer: 404 };
const adminWrite = (status: number) => ({
  admin: status,
  technician: 403,
  ownCustomer: 403,
  otherCustomer: 403,
});
const staffWrite = (status: number) => ({
  admin: status,
  technician: status,
  ownCustomer: 403,
  otherCustomer: 403,
});

export const ROUTE_FIXTURES: Record<RouteKey, RouteFixture> = {
  "GET /health": {
    request: async () => ({}),
    expect: { admin: 200, technician: 200, ownCustomer: 200, otherCustomer: 200 },
  },
  "GET /openapi.json": {
    request: async () => ({}),
    expect: { admin: 200, technician: 200, ownCustomer: 200, otherCustomer: 200 },
  },
  "POST /customers": {
    request: async () => ({ body: { name: "New Customer AG" } }),
    expect: adminWrite(201),
  },
  "GET /customers": { request: async () => ({ query: "limit=5" }), expect: staffOnlyRead },
  "GET /customers/{customerId}": {
    request: async (w) => ({ pathParameters: { customerId: w.customerId } }),
    expect: ownedRead,
  },
  "GET /customers/{customerId}/contracts": {
    request: async (w) => ({ pathParameters: { customerId: w.customerId } }),
    expect: ownedRead,
  },
  "POST /contracts": {
    request: async (w) => ({
      body: { customerId: w.customerId, kind: "monthly", monthlyQuotaMinutes: 600, startMonth: thisMonth() },
    }),
    expect: adminWrite(201),
  },
  "GET /contracts/{contractId}": {
    request: async (w) => ({ pathParameters: { contractId: w.monthlyId } }),
    expect: ownedRead,
  },
  "PUT /contracts/{contractId}/quota": {
    request: async (w) => ({
      pathParameters: { contractId: w.monthlyId },
      body: { monthlyQuotaMinutes: 40_000, effectiveMonth: thisMonth() },
    }),
    expect: adminWrite(200),
  },
  "POST /contracts/{contractId}/topups": {
    request: async (w) => ({
      pathParameters: { contractId: w.prepaidId },
      body: { minutes: 60, note: "More" },
    }),
    expect: adminWrite(201),
  },
  "GET /contracts/{contractId}/balance": {
    request: async (w) => ({ pathParameters: { contractId: w.monthlyId }, query: `month=${thisMonth()}` }),
    expect: ownedRead,
  },
  "POST /contracts/{contractId}/bookings": {
    request: async (w) => ({
      pathParameters: { contractId: w.monthlyId },
      body: { date: today(), minutes: 15, category: "service", description: "Access check" },
    }),
    expect: staffWrite(201),
  },
  "GET /contracts/{contractId}/bookings": {
    request: async (w) => ({
      pathParameters: { contractId: w.monthlyId },
      query: `month=${thisMonth()}&limit=10`,
    }),
    expect: ownedRead,
  },
  "POST /contracts/{contractId}/bookings/{bookingId}/reversal": {
    request: async (w) => ({ pathParameters: { contractId: w.monthlyId, bookingId: await w.newBooking() } }),
    expect: staffWrite(201),
  },
  "POST /tickets": {
    request: async (w) => ({ body: { contractId: w.monthlyId, priority: "P2", subject: "Mail is down" } }),
    // A customer opens tickets on its own contracts; another customer's contract does not exist for it.
    expect: { admin: 201, technician: 201, ownCustomer: 201, otherCustomer: 404 },
  },
  "GET /tickets/{ticketId}": {
    request: async (w) => ({ pathParameters: { ticketId: await w.newTicket() } }),
    expect: ownedRead,
  },
  "GET /tickets": {
    // Customers are forced to their own tickets: the queue is a list, not another customer's item.
    request: async () => ({ query: "status=open" }),
    expect: { admin: 200, technician: 200, ownCustomer: 200, otherCustomer: 200 },
  },
  "POST /tickets/{ticketId}/events": {
    // A customer may add a note to its own ticket; another customer's ticket does not exist for it.
    request: async (w) => ({
      pathParameters: { ticketId: await w.newTicket() },
      body: { type: "note", message: "hi" },
    }),
    expect: { admin: 201, technician: 201, ownCustomer: 201, otherCustomer: 404 },
  },
  "GET /contracts/{contractId}/tickets": {
    request: async (w) => ({ pathParameters: { contractId: w.monthlyId }, query: "status=open" }),
    expect: ownedRead,
  },
  "POST /tickets/{ticketId}/responses": {
    request: async (w) => ({ pathParameters: { ticketId: await w.newTicket() } }),
    expect: staffWrite(200),
  },
  "GET /alerts": {
    // Customers are forced to their own alerts: asking for another customer's is not an error.
    request: async (w) => ({ query: `customerId=${w.customerId}` }),
    expect: { admin: 200, technician: 200, ownCustomer: 200, otherCustomer: 200 },
  },
  "GET /customers/{customerId}/sla-report": {
    request: async (w) => ({ pathParameters: { customerId: w.customerId }, query: `month=${thisMonth()}` }),
    expect: ownedRead,
  },
  "POST /admin/sla-sweep": { request: async () => ({}), expect: adminWrite(202) },
  "GET /customers/{customerId}/statements/{month}": {
    request: async (w) => ({ pathParameters: { customerId: w.customerId, month: thisMonth() } }),
    expect: ownedRead,
  },
  "POST /admin/month-close": {
    request: async () => ({ body: { month: addMonths(thisMonth(), -1) } }),
    expect: adminWrite(202),
  },
  "GET /admin/month-close/status": { request: async () => ({}), expect: adminWrite(200) },
  "GET /settings/provider": {
    // An invoice needs the settings: issuing one sets them.
    request: async (w) => {
      await w.newInvoice();
      return {};
    },
    expect: adminWrite(200),
  },
  "PUT /settings/provider": {
    request: async () => ({ body: PROVIDER_SETTINGS }),
    expect: adminWrite(200),
  },
  "GET /invoices": {
    request: async () => ({ query: "limit=5" }),
    expect: { ...ownedRead, otherCustomer: 200 },
  },
  "POST /invoices/{invoiceId}/credit-note": {
    request: async (w) => ({
      pathParameters: { invoiceId: await w.newInvoice() },
      body: { reason: "Doppelt berechnet" },
    }),
    expect: adminWrite(201),
  },
  "GET /invoices/{invoiceId}": {
    request: async (w) => ({ pathParameters: { invoiceId: await w.newInvoice() } }),
    expect: ownedRead,
  },
};

/** Valid `PUT /settings/provider` settings. */
export const PROVIDER_SETTINGS = {
  legalName: "Nordlicht IT-Service GmbH",
  address: { street: "Hafenstraße 12", postcode: "20457", city: "Hamburg", countryCode: "DE" },
  vatId: "DE123456789",
  taxNumber: "22/123/45678",
  contact: { name: "Jana Petersen", phone: "+49 40 1234567", email: "rechnung@nordlicht-it.example" },
  bank: { iban: "DE02120300000000202051", bic: "BYLADEM1001", holder: "Nordlicht IT-Service GmbH" },
};

/** A route's path with its parameters filled in. */
export function pathOf(routeKey: string, pathParameters: Record<string, string> = {}): string {
  const path = routeKey.split(" ")[1] ?? "/";
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParameters[name] ?? ""));
}

export function startMonthForTests(): string {
  return addMonths(thisMonth(), -2);
}
