import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES, type RouteKey } from "../../functions/http/routes.js";
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from "../../infra/local/token.js";
import { seedInvoice } from "../support/invoice-fixtures.js";
import { startTestApi, type TestApi } from "../support/local-api.js";
import {
  type Caller,
  pathOf,
  ROUTE_FIXTURES,
  startMonthForTests,
  today,
  type World,
} from "../support/route-fixtures.js";

let api: TestApi;
let world: World;
const tokens = {} as Record<Caller | "tampered" | "expired", string>;

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.token("admin");
  const technician = await api.token("technician");
  const customer = async (name: string) =>
    (await api.request("POST", "/customers", { token: admin, body: { name } })).body.id as string;
  const customerId = await customer("Own Customer");
  const otherCustomerId = await customer("Other Customer");
  const prepaid = await api.request("POST", "/contracts", {
    token: admin,
    body: {
      customerId,
      kind: "prepaid",
      monthlyBasisMinutes: 600,
      termYears: 1,
      startDate: `${startMonthForTests()}-01`,
    },
  });
  const monthly = await api.request("POST", "/contracts", {
    token: admin,
    body: { customerId, kind: "monthly", monthlyQuotaMinutes: 40_000, startMonth: startMonthForTests() },
  });
  world = {
    customerId,
    otherCustomerId,
    monthlyId: monthly.body.id,
    prepaidId: prepaid.body.id,
    newBooking: async () => {
      const booked = await api.request("POST", `/contracts/${monthly.body.id}/bookings`, {
        token: technician,
        body: { date: today(), minutes: 15, category: "service", description: "For reversal" },
      });
      return booked.body.id;
    },
    newTicket: async () => {
      const opened = await api.request("POST", "/tickets", {
        token: technician,
        body: { contractId: monthly.body.id, priority: "P3", subject: "For the matrix" },
      });
      return opened.body.id;
    },
    newInvoice: () => seedInvoice(api.system.ports.store, customerId, today()),
  };
  tokens.admin = admin;
  tokens.technician = technician;
  tokens.ownCustomer = await api.token("customer", customerId);
  tokens.otherCustomer = await api.token("customer", otherCustomerId);
  tokens.tampered = `${admin.slice(0, admin.lastIndexOf(".") + 1)}${"A".repeat(43)}`;
  tokens.expired = await new SignJWT({ "custom:role": "admin" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("expired-admin")
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(api.system.signingKey);
});

afterAll(async () => {
  await api?.stop();
});

const routeKeys = Object.keys(ROUTES) as RouteKey[];
const callers: Caller[] = ["admin", "technician", "ownCustomer", "otherCustomer"];

describe("access matrix", () => {
  it("has a fixture for every route", () => {
    expect(Object.keys(ROUTE_FIXTURES).sort()).toEqual([...routeKeys].sort());
  });

  for (const routeKey of routeKeys) {
    const [method] = routeKey.split(" ") as [string];
    const fixture = ROUTE_FIXTURES[routeKey];
    const isPublic = ROUTES[routeKey].auth === "public";

    it.each(callers)(`${routeKey} as %s answers as SPEC §2 prescribes`, async (caller) => {
      const request = await fixture.request(world);
      const query = request.query ? `?${request.query}` : "";
      const response = await api.request(method, `${pathOf(routeKey, request.pathParameters)}${query}`, {
        token: tokens[caller],
        body: request.body,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(fixture.expect[caller]);
      if (response.status >= 400) expect(typeof response.body.error.code).toBe("string");
      if (caller === "otherCustomer" && response.status === 404) {
        expect(response.text).not.toContain(world.customerId);
        expect(response.text).not.toContain("Own Customer");
      }
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    });

    it.each(["none", "tampered", "expired"] as const)(`${routeKey} with %s token`, async (kind) => {
      const request = await fixture.request(world);
      const query = request.query ? `?${request.query}` : "";
      const response = await api.request(method, `${pathOf(routeKey, request.pathParameters)}${query}`, {
        ...(kind === "none" ? {} : { token: tokens[kind] }),
        body: request.body,
      });
      if (isPublic) {
        expect(response.status).toBe(200);
      } else {
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe("unauthorized");
      }
    });
  }
});
