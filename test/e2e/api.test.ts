import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

let api: TestApi;
let admin: string;
let technician: string;
const today = dateIn("Europe/Berlin", new Date());
const thisMonth = monthOf(today);

async function newCustomer(name = "Acme GmbH"): Promise<string> {
  const created = await api.request("POST", "/customers", { token: admin, body: { name } });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function newMonthly(customerId: string, extra: Record<string, unknown> = {}) {
  const created = await api.request("POST", "/contracts", {
    token: admin,
    body: {
      customerId,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: addMonths(thisMonth, -2),
      ...extra,
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function newPrepaid(customerId: string, extra: Record<string, unknown> = {}) {
  const created = await api.request("POST", "/contracts", {
    token: admin,
    body: {
      customerId,
      kind: "prepaid",
      monthlyBasisMinutes: 100,
      termYears: 1,
      startDate: `${addMonths(thisMonth, -2)}-01`,
      ...extra,
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

function book(contractId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api.request("POST", `/contracts/${contractId}/bookings`, {
    token: technician,
    headers,
    body: { date: today, minutes: 30, category: "service", description: "Patch day", ...body },
  });
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token("admin");
  technician = await api.token("technician");
});

afterAll(async () => {
  await api?.stop();
});

describe("public routes", () => {
  it("answers health without a token", async () => {
    const response = await api.request("GET", "/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  it("serves an OpenAPI 3.1 document generated from the validation schemas", async () => {
    const response = await api.request("GET", "/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    const booking = response.body.paths["/contracts/{contractId}/bookings"].post;
    const schema = booking.requestBody.content["application/json"].schema;
    expect(schema.properties.minutes).toMatchObject({ type: "integer", minimum: 1, maximum: 1440 });
    expect(schema.properties.category.enum).toEqual(["service", "project", "consulting", "training"]);
  });

  it("sets security headers on every response", async () => {
    const response = await api.request("GET", "/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("customers and contracts", () => {
  it("creates and lists customers, and shows a contract with its balance", async () => {
    const customerId = await newCustomer("Müller & Söhne");
    const one = await api.request("GET", `/customers/${customerId}`, { token: technician });
    expect(one.body).toMatchObject({
      id: customerId,
      name: "Müller & Söhne",
      timezone: "Europe/Berlin",
      holidays: "DE",
    });
    const contract = await newMonthly(customerId);
    expect(contract).toMatchObject({
      kind: "monthly",
      status: "active",
      categories: ["service"],
      billingIncrementMinutes: 15,
    });
    expect(contract.sla).toMatchObject({
      window: "5x8",
      responseMinutes: { P1: 60, P2: 240, P3: 480, P4: 960 },
    });
    const read = await api.request("GET", `/contracts/${contract.id}`, { token: admin });
    expect(read.body.balance).toMatchObject({
      month: thisMonth,
      quotaMinutes: 600,
      usedMinutes: 0,
      remainingMinutes: 600,
    });
    const list = await api.request("GET", `/customers/${customerId}/contracts`, { token: admin });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([contract.id]);
  });

  it("sizes a prepaid pool as monthly basis x 12 x term years and ends the term after termYears", async () => {
    const customerId = await newCustomer();
    const pool = await newPrepaid(customerId, { termYears: 3, startDate: "2026-02-15" });
    expect(pool.endDate).toBe("2029-02-15");
    const balance = await api.request("GET", `/contracts/${pool.id}/balance`, { token: admin });
    expect(balance.body).toMatchObject({
      totalMinutes: 100 * 12 * 3,
      usedMinutes: 0,
      remainingMinutes: 3600,
      termStart: "2026-02-15",
      termEnd: "2029-02-15",
    });
  });

  it("tops up a pool and refuses a top-up of a monthly quota", async () => {
    const customerId = await newCustomer();
    const pool = await newPrepaid(customerId);
    const topUp = await api.request("POST", `/contracts/${pool.id}/topups`, {
      token: admin,
      body: { minutes: 300, note: "Extra" },
    });
    expect(topUp.status).toBe(201);
    expect(topUp.body.totalMinutes).toBe(1500);
    const monthly = await newMonthly(customerId);
    const refused = await api.request("POST", `/contracts/${monthly.id}/topups`, {
      token: admin,
      body: { minutes: 300 },
    });
    expect(refused.status).toBe(400);
  });

  it("changes the quota from a month on, and refuses a quota below this month's usage", async () => {
    const customerId = await newCustomer();
    const contract = await newMonthly(customerId);
    expect((await book(contract.id, { minutes: 240 })).status).toBe(201);
    const tooLow = await api.request("PUT", `/contracts/${contract.id}/quota`, {
      token: admin,
      body: { monthlyQuotaMinutes: 120, effectiveMonth: thisMonth },
    });
    expect(tooLow.status).toBe(409);
    expect(tooLow.body.error.code).toBe("quota_below_usage");
    const raised = await api.request("PUT", `/contracts/${contract.id}/quota`, {
      token: admin,
      body: { monthlyQuotaMinutes: 900, effectiveMonth: thisMonth },
    });
    expect(raised.status).toBe(200);
    const balance = await api.request("GET", `/contracts/${contract.id}/balance`, { token: admin });
    expect(balance.body).toMatchObject({ quotaMinutes: 900, usedMinutes: 240, remainingMinutes: 660 });
    const earlier = await api.request(
      "GET",
      `/contracts/${contract.id}/balance?month=${addMonths(thisMonth, -1)}`,
      { token: admin },
    );
    expect(earlier.body.quotaMinutes).toBe(600);
  });
});

describe("bookings", () => {
  it("rounds billed minutes up to the increment and returns the new balance", async () => {
    const contract = await newMonthly(await newCustomer());
    const booked = await book(contract.id, { minutes: 50 });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      minutes: 50,
      billedMinutes: 60,
      fromQuotaMinutes: 60,
      overageMinutes: 0,
    });
    expect(booked.body.balance).toMatchObject({ usedMinutes: 60, remainingMinutes: 540 });
  });

  it("refuses what does not fit under policy block, saying why and how much is left", async () => {
    const contract = await newMonthly(await newCustomer(), { monthlyQuotaMinutes: 60 });
    expect((await book(contract.id, { minutes: 45 })).status).toBe(201);
    const refused = await book(contract.id, { minutes: 30 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "quota_exceeded",
      details: { reason: "quota_exceeded", remainingMinutes: 15 },
    });
  });

  it("records the part beyond the quota as overage under policy bill", async () => {
    const contract = await newMonthly(await newCustomer(), {
      monthlyQuotaMinutes: 60,
      overage: { policy: "bill", rateCentsPerHour: 9000 },
    });
    const booked = await book(contract.id, { minutes: 90 });
    expect(booked.body).toMatchObject({ billedMinutes: 90, fromQuotaMinutes: 60, overageMinutes: 30 });
    expect(booked.body.balance).toMatchObject({ usedMinutes: 60, remainingMinutes: 0, overageMinutes: 30 });
  });

  it("cascades what the month cannot hold into the fallback pool, then applies the policy", async () => {
    const customerId = await newCustomer();
    const pool = await newPrepaid(customerId, { monthlyBasisMinutes: 5 });
    const monthly = await newMonthly(customerId, { monthlyQuotaMinutes: 30, fallbackContractId: pool.id });
    const booked = await book(monthly.id, { minutes: 60 });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      fromQuotaMinutes: 30,
      fromPoolMinutes: 30,
      overageMinutes: 0,
      poolContractId: pool.id,
    });
    const poolBalance = await api.request("GET", `/contracts/${pool.id}/balance`, { token: admin });
    expect(poolBalance.body).toMatchObject({ usedMinutes: 30, remainingMinutes: 30 });
    const refused = await book(monthly.id, { minutes: 45 });
    expect(refused.body.error).toMatchObject({ code: "quota_exceeded", details: { remainingMinutes: 30 } });
  });

  it("refuses categories the contract does not cover and dates outside it", async () => {
    const contract = await newMonthly(await newCustomer(), { startMonth: thisMonth });
    const category = await book(contract.id, { category: "project" });
    expect(category.status).toBe(409);
    expect(category.body.error.code).toBe("category_not_covered");
    const before = await book(contract.id, { date: `${addMonths(thisMonth, -1)}-15` });
    expect(before.status).toBe(409);
    expect(before.body.error.code).toBe("contract_inactive");
  });

  it("reverses a booking: the minutes come back and the booking stays, marked reversed", async () => {
    const contract = await newMonthly(await newCustomer());
    const booked = await book(contract.id, { minutes: 120 });
    const reversed = await api.request(
      "POST",
      `/contracts/${contract.id}/bookings/${booked.body.id}/reversal`,
      { token: technician },
    );
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({
      status: "reversed",
      balance: { usedMinutes: 0, remainingMinutes: 600 },
    });
    const list = await api.request("GET", `/contracts/${contract.id}/bookings?month=${thisMonth}`, {
      token: admin,
    });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: booked.body.id, status: "reversed" });
    const again = await api.request("POST", `/contracts/${contract.id}/bookings/${booked.body.id}/reversal`, {
      token: technician,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "already_reversed",
      details: { bookingId: booked.body.id },
    });
  });

  it("lists a month's bookings newest first, page by page", async () => {
    const contract = await newMonthly(await newCustomer());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await book(contract.id, { minutes: 15, description: `Task ${i}` })).body.id);
    const first = await api.request("GET", `/contracts/${contract.id}/bookings?limit=2`, { token: admin });
    expect(first.body.items.map((b: { id: string }) => b.id)).toEqual([ids[4], ids[3]]);
    const second = await api.request(
      "GET",
      `/contracts/${contract.id}/bookings?limit=2&cursor=${first.body.cursor}`,
      { token: admin },
    );
    expect(second.body.items.map((b: { id: string }) => b.id)).toEqual([ids[2], ids[1]]);
    const third = await api.request(
      "GET",
      `/contracts/${contract.id}/bookings?limit=2&cursor=${second.body.cursor}`,
      { token: admin },
    );
    expect(third.body.items.map((b: { id: string }) => b.id)).toEqual([ids[0]]);
    expect(third.body.cursor).toBeUndefined();
    const forged = await api.request(
      "GET",
      `/contracts/${contract.id}/bookings?cursor=${Buffer.from('{"pk":"CONTRACT#x","sk":"y"}').toString("base64url")}`,
      { token: admin },
    );
    expect(forged.status).toBe(400);
  });
});

describe("idempotency", () => {
  it("replays the first response for the same key and body, with no second booking", async () => {
    const contract = await newMonthly(await newCustomer());
    const first = await book(contract.id, { minutes: 60 }, { "idempotency-key": "k-1" });
    const second = await book(contract.id, { minutes: 60 }, { "idempotency-key": "k-1" });
    expect(second.status).toBe(201);
    // The same bytes: the record keeps the response as the JSON it was sent as.
    expect(second.text).toBe(first.text);
    const balance = await api.request("GET", `/contracts/${contract.id}/balance`, { token: admin });
    expect(balance.body.usedMinutes).toBe(60);
  });

  it("answers idempotency_conflict for the same key with another body", async () => {
    const contract = await newMonthly(await newCustomer());
    await book(contract.id, { minutes: 60 }, { "idempotency-key": "k-2" });
    const other = await book(contract.id, { minutes: 45 }, { "idempotency-key": "k-2" });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
    const balance = await api.request("GET", `/contracts/${contract.id}/balance`, { token: admin });
    expect(balance.body.usedMinutes).toBe(60);
  });

  it("replays a booking that filled the quota instead of refusing its retry", async () => {
    const contract = await newMonthly(await newCustomer(), { monthlyQuotaMinutes: 60 });
    const first = await book(contract.id, { minutes: 60 }, { "idempotency-key": "k-3" });
    const retry = await book(contract.id, { minutes: 60 }, { "idempotency-key": "k-3" });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it("makes other writes idempotent too (customers)", async () => {
    const first = await api.request("POST", "/customers", {
      token: admin,
      body: { name: "Once" },
      headers: { "idempotency-key": "c-1" },
    });
    const second = await api.request("POST", "/customers", {
      token: admin,
      body: { name: "Once" },
      headers: { "idempotency-key": "c-1" },
    });
    expect(second.body.id).toBe(first.body.id);
    const conflict = await api.request("POST", "/customers", {
      token: admin,
      body: { name: "Twice" },
      headers: { "idempotency-key": "c-1" },
    });
    expect(conflict.status).toBe(409);
  });
});

describe("auth and tenants", () => {
  it("answers 401 without a token or with a bad one", async () => {
    expect((await api.request("GET", "/customers")).status).toBe(401);
    const tampered = `${admin.slice(0, -4)}AAAA`;
    const response = await api.request("GET", "/customers", { token: tampered });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthorized");
  });

  it("answers 403 to a role that may not act, and 404 for another customer's data", async () => {
    const mine = await newCustomer("Mine");
    const theirs = await newCustomer("Theirs");
    const myContract = await newMonthly(mine);
    const theirContract = await newMonthly(theirs);
    const customer = await api.token("customer", mine);
    expect((await api.request("GET", `/contracts/${myContract.id}`, { token: customer })).status).toBe(200);
    expect((await api.request("GET", `/customers/${mine}/contracts`, { token: customer })).status).toBe(200);
    const other = await api.request("GET", `/contracts/${theirContract.id}`, { token: customer });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain(theirs);
    expect((await api.request("GET", `/customers/${theirs}`, { token: customer })).status).toBe(404);
    expect(
      (await api.request("GET", `/contracts/${theirContract.id}/bookings`, { token: customer })).status,
    ).toBe(404);
    const forbidden = await api.request("POST", `/contracts/${myContract.id}/bookings`, {
      token: customer,
      body: { date: today, minutes: 30, category: "service", description: "x" },
    });
    expect(forbidden.status).toBe(403);
    expect((await api.request("POST", "/customers", { token: technician, body: { name: "x" } })).status).toBe(
      403,
    );
    expect((await api.request("GET", "/customers", { token: customer })).status).toBe(403);
  });
});

describe("bad input", () => {
  it.each([
    [
      "malformed JSON",
      { rawBody: "{not json", headers: { "content-type": "application/json" } },
      400,
      "validation_failed",
    ],
    [
      "a wrong type",
      { body: { date: today, minutes: "30", category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "an unknown category",
      { body: { date: today, minutes: 30, category: "gardening", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "zero minutes",
      { body: { date: today, minutes: 0, category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "negative minutes",
      { body: { date: today, minutes: -15, category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "more than a day",
      { body: { date: today, minutes: 1441, category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "fractional minutes",
      { body: { date: today, minutes: 12.5, category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "an impossible date",
      { body: { date: "2026-02-30", minutes: 30, category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "a future date",
      { body: { date: "2099-01-01", minutes: 30, category: "service", description: "x" } },
      400,
      "validation_failed",
    ],
    [
      "an unknown field",
      { body: { date: today, minutes: 30, category: "service", description: "x", rate: 1 } },
      400,
      "validation_failed",
    ],
    [
      "a body over 64 KiB",
      { body: { date: today, minutes: 30, category: "service", description: "x".repeat(70_000) } },
      413,
      "payload_too_large",
    ],
    [
      "a wrong content type",
      { rawBody: "minutes=30", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "unsupported_media_type",
    ],
  ])("answers %s with a 4xx and an error code, and books nothing", async (_name, request, status, code) => {
    const contract = await newMonthly(await newCustomer());
    const response = await api.request("POST", `/contracts/${contract.id}/bookings`, {
      token: technician,
      ...request,
    });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    const balance = await api.request("GET", `/contracts/${contract.id}/balance`, { token: admin });
    expect(balance.body.usedMinutes).toBe(0);
    const list = await api.request("GET", `/contracts/${contract.id}/bookings`, { token: admin });
    expect(list.body.items).toHaveLength(0);
  });

  it("names each bad field in the details", async () => {
    const contract = await newMonthly(await newCustomer());
    const response = await api.request("POST", `/contracts/${contract.id}/bookings`, {
      token: technician,
      body: { date: "2026-13-01", minutes: 0, category: "x" },
    });
    expect(Object.keys(response.body.error.details).sort()).toEqual([
      "body.category",
      "body.date",
      "body.description",
      "body.minutes",
    ]);
  });

  it("answers unknown ids and unknown routes with 404", async () => {
    expect((await api.request("GET", "/contracts/con_doesnotexist", { token: admin })).status).toBe(404);
    expect((await api.request("GET", "/contracts/..%2F..", { token: admin })).status).toBe(404);
    expect((await api.request("GET", "/nowhere", { token: admin })).status).toBe(404);
  });

  it("rejects bad contract input field by field", async () => {
    const customerId = await newCustomer();
    const response = await api.request("POST", "/contracts", {
      token: admin,
      body: { customerId, kind: "prepaid", monthlyBasisMinutes: -1, termYears: 2, startDate: "2026-02-29" },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details)).toEqual(
      expect.arrayContaining(["body.monthlyBasisMinutes", "body.termYears", "body.startDate"]),
    );
    const unknownRegion = await api.request("POST", "/contracts", {
      token: admin,
      body: {
        customerId,
        kind: "monthly",
        monthlyQuotaMinutes: 60,
        startMonth: thisMonth,
        sla: { holidays: "DE-ZZ" },
      },
    });
    expect(unknownRegion.status).toBe(400);
    expect(Object.keys(unknownRegion.body.error.details)).toEqual(["body.sla.holidays"]);
    const unknownCustomer = await api.request("POST", "/contracts", {
      token: admin,
      body: { customerId: "cus_nope", kind: "monthly", monthlyQuotaMinutes: 60, startMonth: thisMonth },
    });
    expect(unknownCustomer.status).toBe(400);
  });
});
