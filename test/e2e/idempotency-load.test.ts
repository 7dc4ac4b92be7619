import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerOverHttp, monthly } from "../support/customers.js";
import { startTestApi, type TestApi } from "../support/local-api.js";
import { today } from "../support/route-fixtures.js";

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
    const { contractId } = await customerOverHttp(
      api,
      admin,
      monthly({ monthlyQuotaMinutes: 6000 }),
      "Load GmbH",
    );
    const body = { date: today(), minutes: 45, category: "service", description: "Same request, many times" };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        api.request("POST", `/contracts/${contractId}/bookings`, {
          token: technician,
          body,
          headers: { "idempotency-key": "load-key-1" },
        }),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const list = await api.request("GET", `/contracts/${contractId}/bookings`, { token: admin });
    expect(list.body.items).toHaveLength(1);
    const balance = await api.request("GET", `/contracts/${contractId}/balance`, { token: admin });
    expect(balance.body.usedMinutes).toBe(45);

    const other = await api.request("POST", `/contracts/${contractId}/bookings`, {
      token: technician,
      body: { ...body, minutes: 60 },
      headers: { "idempotency-key": "load-key-1" },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
  });
});
