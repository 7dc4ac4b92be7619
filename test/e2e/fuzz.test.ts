import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../domain/access.js";
import type { TicketQueue } from "../../domain/ticket.js";
import { bookHours } from "../../domain/use-cases/bookings.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { openTicket } from "../../domain/use-cases/tickets.js";
import { ROUTES, type RouteKey } from "../../functions/http/routes.js";
import { STATUS_OF_CODE } from "../../functions/shared/http-errors.js";
import { storeDeps } from "../support/dynamo.js";
import { countDataWrites, inProcessApi } from "../support/handlers.js";
import { seedInvoice } from "../support/invoice-fixtures.js";
import { ROUTE_FIXTURES, startMonthForTests, today, type World } from "../support/route-fixtures.js";

/**
 * Fuzzing every route with generated bodies, query strings, path parameters and headers: never a
 * 5xx, every 4xx carries a known error code with its status, no stack traces, and a rejected request
 * writes nothing.
 */
const CASES_PER_ROUTE = Number(process.env.KOAD_FUZZ_CASES ?? 1000);
const admin: Actor = { role: "admin", customerId: null, subject: "fuzz-admin" };
/** Messages go nowhere here: the fuzzer is about the HTTP edge, not the queue. */
const ticketQueue: TicketQueue = {
  ticketOpened: async () => undefined,
  enqueueChecks: async () => ({ failed: 0 }),
};

let api: Awaited<ReturnType<typeof inProcessApi>>;
let writes: { count: () => number };
let world: World;

beforeAll(async () => {
  const deps = await storeDeps(new Date().toISOString());
  writes = countDataWrites(deps.doc);
  api = await inProcessApi(deps, { ticketQueue, alertPublisher: { publish: async () => undefined } });
  const own = await createCustomer(deps, admin, { name: "Fuzz Own" });
  const other = await createCustomer(deps, admin, { name: "Fuzz Other" });
  const prepaid = await createContract(deps, admin, {
    customerId: own.id,
    kind: "prepaid",
    monthlyBasisMinutes: 600,
    termYears: 1,
    startDate: `${startMonthForTests()}-01`,
  });
  const monthly = await createContract(deps, admin, {
    customerId: own.id,
    kind: "monthly",
    monthlyQuotaMinutes: 600,
    startMonth: startMonthForTests(),
    fallbackContractId: prepaid.id,
  });
  world = {
    customerId: own.id,
    otherCustomerId: other.id,
    monthlyId: monthly.id,
    prepaidId: prepaid.id,
    newBooking: async () => {
      const booked = await bookHours(deps, admin, monthly.id, {
        date: today(),
        minutes: 15,
        category: "service",
        description: "fuzz",
      });
      if (booked.outcome !== "booked") throw new Error("expected a booking");
      return booked.result.booking.id;
    },
    newTicket: async () => {
      const ticket = await openTicket({ ...deps, ticketQueue }, admin, {
        contractId: monthly.id,
        priority: "P3",
        subject: "fuzz",
      });
      return ticket.id;
    },
    newInvoice: () => seedInvoice(deps.store, own.id, today()),
  };
}, 60_000);

const claimsArbitrary = (w: () => World) =>
  fc.oneof(
    fc.constant({ sub: "fuzz-admin", "custom:role": "admin" }),
    fc.constant({ sub: "fuzz-tech", "custom:role": "technician" }),
    fc
      .constant(null)
      .map(() => ({ sub: "fuzz-own", "custom:role": "customer", "custom:customerId": w().customerId })),
    fc.constant(null).map(() => ({
      sub: "fuzz-other",
      "custom:role": "customer",
      "custom:customerId": w().otherCustomerId,
    })),
    fc.dictionary(
      fc.constantFrom("sub", "custom:role", "custom:customerId", "x"),
      fc.string({ maxLength: 20 }),
    ),
  );

/** Values that are almost right, plainly wrong, or hostile. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    0,
    -1,
    1441,
    2 ** 53,
    "2026-02-30",
    "2026-13",
    "",
    "../..",
    "\u0000",
    "💥",
    null,
    true,
    [],
    {},
  ),
);

function bodyArbitrary(valid: unknown) {
  const asObject = valid && typeof valid === "object" ? (valid as Record<string, unknown>) : {};
  const fields = Object.keys(asObject);
  return fc.oneof(
    fc.constant(JSON.stringify(valid ?? {})),
    fields.length > 0
      ? fc
          .tuple(fc.constantFrom(...fields), oddValue)
          .map(([field, value]) => JSON.stringify({ ...asObject, [field]: value }))
      : fc.constant("{}"),
    fields.length > 0
      ? fc.constantFrom(...fields).map((field) => {
          const copy = { ...asObject };
          delete copy[field];
          return JSON.stringify(copy);
        })
      : fc.constant("[]"),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 60 }),
    fc.constant(`{"description":"${"x".repeat(70_000)}"}`),
  );
}

function queryArbitrary(valid: string | undefined) {
  return fc.oneof(
    fc.constant(valid ?? ""),
    fc
      .dictionary(
        fc.constantFrom("limit", "cursor", "month", "status", "type", "since", "customerId", "zzz"),
        fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("0", "201", "-1", "2026-13", "abc", "1e3")),
        { maxKeys: 3 },
      )
      .map((query) => new URLSearchParams(query).toString()),
  );
}

function pathArbitrary(valid: Record<string, string> | undefined) {
  const names = Object.keys(valid ?? {});
  if (names.length === 0) return fc.constant(valid ?? {});
  return fc.oneof(
    fc.constant(valid ?? {}),
    fc.record(
      Object.fromEntries(
        names.map((name) => [
          name,
          fc.oneof(
            fc.constant(valid?.[name] ?? ""),
            fc.string({ maxLength: 120 }),
            fc.constantFrom("..", "%00", "a".repeat(300)),
          ),
        ]),
      ),
    ),
  );
}

const headersArbitrary = fc.record(
  {
    "content-type": fc.oneof(
      fc.constant("application/json"),
      fc.constantFrom(
        "application/json; charset=utf-8",
        "text/plain",
        "",
        "application/xml",
        "APPLICATION/JSON",
      ),
      fc.string({ maxLength: 20 }),
    ),
    "idempotency-key": fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
  },
  { requiredKeys: ["content-type"] },
);

describe("fuzzing every route", () => {
  for (const routeKey of Object.keys(ROUTES) as RouteKey[]) {
    it(`${routeKey}: ${CASES_PER_ROUTE} generated requests, no 5xx, coded 4xx, no write on rejection`, async () => {
      const valid = await ROUTE_FIXTURES[routeKey].request(world);
      const method = routeKey.split(" ")[0];
      const hasBody = method === "POST" || method === "PUT";
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(
          pathArbitrary(valid.pathParameters),
          queryArbitrary(valid.query),
          hasBody ? bodyArbitrary(valid.body) : fc.constant(undefined),
          headersArbitrary,
          claimsArbitrary(() => world),
          async (pathParameters, query, body, headers, claims) => {
            const before = writes.count();
            const response = await api.invoke(routeKey, {
              pathParameters,
              rawQueryString: query,
              body,
              headers,
              claims,
            });
            expect(response.status, response.text).toBeLessThan(500);
            if (response.status >= 400) {
              rejected++;
              const code = response.body?.error?.code;
              expect(Object.keys(STATUS_OF_CODE)).toContain(code);
              expect(STATUS_OF_CODE[code]).toBe(response.status);
              expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+|Exception|node_modules/);
              expect(writes.count() - before).toBe(0);
            }
          },
        ),
        { numRuns: CASES_PER_ROUTE },
      );
      if (hasBody || ROUTES[routeKey].auth === "token") expect(rejected).toBeGreaterThan(0);
    }, 120_000);
  }
});
