import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES, type RouteKey } from "../../functions/http/routes.js";
import { STATUS_OF_CODE } from "../../functions/shared/http-errors.js";
import { seedInvoice } from "../support/invoice-fixtures.js";
import { startTestApi, type TestApi } from "../support/local-api.js";
import { pathOf, ROUTE_FIXTURES, startMonthForTests, today, type World } from "../support/route-fixtures.js";

/**
 * Fuzzing the running local system over HTTP (the local API Gateway, real handlers, DynamoDB Local)
 * with the inputs that used to slip through: forged and foreign cursors, dates at and beyond
 * 2000–2099, broken percent-encoding, numbers as strings and floats, other methods. Never a 5xx;
 * every 4xx carries a known code with its status.
 */
const CASES_PER_ROUTE = Number(process.env.KOAD_FUZZ_HTTP_CASES ?? 40);
let api: TestApi;
let admin: string;
let world: World;
let ownToken: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token("admin");
  const technician = await api.token("technician");
  const own = (await api.request("POST", "/customers", { token: admin, body: { name: "Fuzz HTTP Own" } }))
    .body;
  const other = (await api.request("POST", "/customers", { token: admin, body: { name: "Fuzz HTTP Other" } }))
    .body;
  ownToken = await api.token("customer", own.id);
  const prepaid = (
    await api.request("POST", "/contracts", {
      token: admin,
      body: {
        customerId: own.id,
        kind: "prepaid",
        monthlyBasisMinutes: 600,
        termYears: 1,
        startDate: `${startMonthForTests()}-01`,
      },
    })
  ).body;
  const monthly = (
    await api.request("POST", "/contracts", {
      token: admin,
      body: {
        customerId: own.id,
        kind: "monthly",
        monthlyQuotaMinutes: 600,
        startMonth: startMonthForTests(),
        fallbackContractId: prepaid.id,
      },
    })
  ).body;
  world = {
    customerId: own.id,
    otherCustomerId: other.id,
    monthlyId: monthly.id,
    prepaidId: prepaid.id,
    newBooking: async () =>
      (
        await api.request("POST", `/contracts/${monthly.id}/bookings`, {
          token: technician,
          body: { date: today(), minutes: 15, category: "service", description: "fuzz" },
        })
      ).body.id,
    newTicket: async () =>
      (
        await api.request("POST", "/tickets", {
          token: admin,
          body: { contractId: monthly.id, priority: "P3", subject: "fuzz" },
        })
      ).body.id,
    newInvoice: () => seedInvoice(api.system.ports.store, own.id, today()),
  };
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const cursorArbitrary = fc.oneof(
  fc.constant(null).map(() => forge({ sk: "", pk: `CONTRACT#${world.monthlyId}` })),
  fc.constant(null).map(() => forge({ pk: `CONTRACT#${world.monthlyId}`, sk: "POOL" })),
  fc.constant(null).map(() =>
    forge({
      pk: "TICKET#x",
      sk: "TICKET",
      gsi1pk: `CUSTOMER#${world.otherCustomerId}`,
      gsi1sk: "TICKET#x#",
    }),
  ),
  fc
    .constant(null)
    .map(() => forge({ gsi2pk: "TYPE#customer", gsi2sk: "", pk: "CUSTOMER#x", sk: "CUSTOMER" })),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }).map(forge),
);
const edgeDate = fc.constantFrom(
  "1999-12-31",
  "2000-01-01",
  "2099-12-31",
  "2100-01-01",
  "0000-01-01",
  "9999-12-31",
);
const edgeValue = fc.oneof(
  edgeDate,
  edgeDate.map((d) => d.slice(0, 7)),
  edgeDate.map((d) => `${d}T12:00:00Z`),
  fc.constantFrom("50", "1e3", 1e308, -1e308, 1.5, 1_000_000, 1_000_001, 1440, 1441, 0),
);

function bodyArbitrary(valid: unknown) {
  const asObject = valid && typeof valid === "object" ? (valid as Record<string, unknown>) : {};
  const fields = Object.keys(asObject);
  return fc.oneof(
    fc.constant(valid ?? {}),
    fields.length > 0
      ? fc
          .tuple(fc.constantFrom(...fields), edgeValue)
          .map(([field, value]) => ({ ...asObject, [field]: value }))
      : fc.constant({}),
    fc.constant({ ...asObject, unexpected: true }),
  );
}

function queryArbitrary(valid: string | undefined) {
  return fc.oneof(
    fc.constant(valid ?? ""),
    cursorArbitrary.map((cursor) => `${valid ? `${valid}&` : ""}cursor=${encodeURIComponent(cursor)}`),
    fc
      .tuple(fc.constantFrom("month", "since", "limit"), edgeValue)
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`),
  );
}

const brokenSegment = fc.constantFrom("%00%ff", "%zz", "%e2%82", "%", "..", "a".repeat(300));

describe("fuzzing every route over HTTP", () => {
  const statuses = new Map<string, number>();
  afterAll(() => {
    // The kinds of answer the fuzzer got, per status: a small table for the run's log.
    console.log(
      [...statuses.entries()]
        .sort()
        .map(([status, count]) => `${status}: ${count}`)
        .join("\n"),
    );
  });

  for (const routeKey of Object.keys(ROUTES) as RouteKey[]) {
    it(`${routeKey}: ${CASES_PER_ROUTE} edge-case requests over HTTP, no 5xx, coded 4xx`, async () => {
      const valid = await ROUTE_FIXTURES[routeKey].request(world);
      const [method] = routeKey.split(" ") as [string];
      const hasBody = method === "POST" || method === "PUT";
      const names = Object.keys(valid.pathParameters ?? {});
      await fc.assert(
        fc.asyncProperty(
          queryArbitrary(valid.query),
          hasBody ? bodyArbitrary(valid.body) : fc.constant(undefined),
          names.length > 0
            ? fc.option(fc.tuple(fc.constantFrom(...names), brokenSegment))
            : fc.constant(null),
          fc.constantFrom(method, method, method, "DELETE", "PATCH", ...(method === "GET" ? ["HEAD"] : [])),
          fc.constantFrom("admin", "own"),
          async (query, body, broken, usedMethod, caller) => {
            const parameters = { ...valid.pathParameters };
            let path = pathOf(routeKey, parameters);
            if (broken) {
              const [name, segment] = broken;
              path = pathOf(routeKey, { ...parameters, [name]: "__BROKEN__" }).replace("__BROKEN__", segment);
            }
            const response = await api.request(usedMethod, query ? `${path}?${query}` : path, {
              token: caller === "admin" ? admin : ownToken,
              ...(body !== undefined && usedMethod !== "HEAD" ? { body } : {}),
            });
            statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
            expect(response.status, `${usedMethod} ${path}?${query} ${response.text}`).toBeLessThan(500);
            if (response.status >= 400 && usedMethod !== "HEAD") {
              const code = response.body?.error?.code;
              expect(Object.keys(STATUS_OF_CODE), response.text).toContain(code);
              expect(STATUS_OF_CODE[code]).toBe(response.status);
            }
          },
        ),
        { numRuns: CASES_PER_ROUTE },
      );
    }, 120_000);
  }
});
