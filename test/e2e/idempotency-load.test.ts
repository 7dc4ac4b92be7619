import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/local-api.js";
import { startMonthForTests, today } from "../support/route-fixtures.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
});

describe("idempotency under load", () => {
  it("makes one booking from 100 concurrent identical requests with one Idempotency-Key", async () => {
    const admin = await api.token("admin");
    const technician = await api.token("technician");
    const customer = await api.request("POST", "/customers", { token: admin, body: { name: "Load GmbH" } });
    const contract = await api.request("POST", "/contracts", {
      token: admin,
      body: {
        customerId: customer.body.id,
        kind: "monthly",
        monthlyQuotaMinutes: 6000,
        startMonth: startMonthForTests(),
      },
    });
    const body = { date: today(), minutes: 45, category: "service", description: "Same request, many times" };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        api.request("POST", `/contracts/${contract.body.id}/bookings`, {
          token: technician,
          body,
          headers: { "idempotency-key": "load-key-1" },
        }),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const list = await api.request("GET", `/contracts/${contract.body.id}/bookings`, { token: admin });
    expect(list.body.items).toHaveLength(1);
    const balance = await api.request("GET", `/contracts/${contract.body.id}/balance`, { token: admin });
    expect(balance.body.usedMinutes).toBe(45);

    const other = await api.request("POST", `/contracts/${contract.body.id}/bookings`, {
      token: technician,
      body: { ...body, minutes: 60 },
      headers: { "idempotency-key": "load-key-1" },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
  });
});
