import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateIn } from "../../domain/calendar.js";
import { customerOverHttp, monthly } from "../support/customers.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.stop();
});

describe("concurrent bookings on one quota", () => {
  it("accepts exactly 20 of 40 concurrent 30-minute bookings on a 600-minute quota, never a 5xx", async () => {
    const admin = await api.token("admin");
    const technician = await api.token("technician");
    const today = dateIn("Europe/Berlin", new Date());
    const { contractId } = await customerOverHttp(
      api,
      admin,
      monthly({ monthlyQuotaMinutes: 600 }),
      "Race GmbH",
    );

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.request("POST", `/contracts/${contractId}/bookings`, {
          token: technician,
          body: { date: today, minutes: 30, category: "service", description: `Concurrent ${i}` },
        }),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    const refused = responses.filter((r) => r.status === 409);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.body.error.code).toBe("quota_exceeded");

    const balance = await api.request("GET", `/contracts/${contractId}/balance`, { token: admin });
    expect(balance.body).toMatchObject({ usedMinutes: 600, remainingMinutes: 0 });
    const list = await api.request("GET", `/contracts/${contractId}/bookings?limit=200`, {
      token: admin,
    });
    const sum = list.body.items.reduce(
      (total: number, b: { billedMinutes: number }) => total + b.billedMinutes,
      0,
    );
    expect(list.body.items).toHaveLength(20);
    expect(sum).toBe(balance.body.usedMinutes);
  });
});
