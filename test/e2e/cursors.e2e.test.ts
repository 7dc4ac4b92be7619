import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

/** Every list's cursor over HTTP: only a cursor that very list issued is taken; all else is a 400. */
let api: TestApi;
let admin: string;
const today = dateIn("Europe/Berlin", new Date());
const thisMonth = monthOf(today);
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

interface Side {
  customerId: string;
  contractId: string;
  token: string;
}
let a: Side;
let b: Side;

async function side(name: string): Promise<Side> {
  const customer = await api.request("POST", "/customers", { token: admin, body: { name } });
  const contract = await api.request("POST", "/contracts", {
    token: admin,
    body: {
      customerId: customer.body.id,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: addMonths(thisMonth, 1),
    },
  });
  expect(contract.status).toBe(201);
  for (let i = 0; i < 2; i++) {
    const ticket = await api.request("POST", "/tickets", {
      token: admin,
      headers: { "idempotency-key": crypto.randomUUID() },
      body: { contractId: contract.body.id, priority: "P3", subject: `Printer ${i}` },
    });
    expect(ticket.status).toBe(201);
  }
  return {
    customerId: customer.body.id,
    contractId: contract.body.id,
    token: await api.token("customer", customer.body.id),
  };
}

const ticketsOf = (s: Side) => `/contracts/${s.contractId}/tickets`;
const bookingsOf = (s: Side) => `/contracts/${s.contractId}/bookings?month=${thisMonth}`;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token("admin");
  a = await side("Cursor A GmbH");
  b = await side("Cursor B GmbH");
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

function withCursor(path: string, cursor: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${cursor}`;
}

async function expectCursorRefused(path: string, token: string, cursor: string) {
  const response = await api.request("GET", withCursor(path, cursor), { token });
  expect(response.status, response.text).toBe(400);
  expect(response.body.error).toMatchObject({ code: "validation_failed" });
  expect(response.body.error.details).toHaveProperty("cursor");
}

describe("list cursors over HTTP", () => {
  it("pages a list with the cursor it issued", async () => {
    // Act
    const first = await api.request("GET", `${ticketsOf(a)}?limit=1`, { token: a.token });
    const second = await api.request("GET", `${ticketsOf(a)}?limit=1&cursor=${first.body.cursor}`, {
      token: a.token,
    });
    // Assess
    expect(first.body.cursor).toEqual(expect.any(String));
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it.each([
    [
      "tickets of a contract",
      (s: Side) => ticketsOf(s),
      (s: Side) => ({ gsi1pk: `CUSTOMER#${s.customerId}` }),
    ],
    ["bookings of a month", (s: Side) => bookingsOf(s), () => ({})],
    ["alerts", () => "/alerts", (s: Side) => ({ gsi1pk: `CUSTOMER#${s.customerId}` })],
  ])(
    "refuses a forged cursor on %s with a customer token as 400 naming cursor",
    async (_, path, partition) => {
      // Act + Assess
      await expectCursorRefused(path(a), a.token, forge({ sk: "", pk: `CONTRACT#${a.contractId}` }));
      await expectCursorRefused(
        path(a),
        a.token,
        forge({ ...partition(a), sk: "", pk: `CONTRACT#${a.contractId}` }),
      );
      await expectCursorRefused(path(a), a.token, forge({ pk: `CONTRACT#${a.contractId}`, sk: "POOL" }));
    },
  );

  it("refuses a forged cursor on the customers list as 400 naming cursor", async () => {
    await expectCursorRefused(
      "/customers",
      admin,
      forge({ sk: "", pk: "CUSTOMER#x", gsi2pk: "TYPE#customer" }),
    );
  });

  it("refuses customer A's ticket cursor on customer B's list", async () => {
    // Prepare
    const ofA = await api.request("GET", `${ticketsOf(a)}?limit=1`, { token: admin });
    // Act + Assess
    await expectCursorRefused(ticketsOf(b), admin, ofA.body.cursor);
  });

  it("refuses a customers-list cursor on a tickets list", async () => {
    // Prepare
    const customers = await api.request("GET", "/customers?limit=1", { token: admin });
    // Act + Assess
    expect(customers.body.cursor).toEqual(expect.any(String));
    await expectCursorRefused(ticketsOf(a), admin, customers.body.cursor);
  });
});
