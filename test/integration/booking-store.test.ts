import { describe, expect, it } from "vitest";
import type { Actor } from "../../domain/access.js";
import { createDocumentClient } from "../../domain/store/client.js";
import { DynamoStore } from "../../domain/store/dynamo-store.js";
import { bookHours, reverseBooking } from "../../domain/use-cases/bookings.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { countRequests, storeDeps } from "../support/dynamo.js";

const admin: Actor = { role: "admin", customerId: null, subject: "test-admin" };
const technician: Actor = { role: "technician", customerId: null, subject: "test-tech" };

async function monthlySetup(quota = 600) {
  const deps = await storeDeps("2026-11-20T10:00:00Z");
  const customer = await createCustomer(deps, admin, { name: "Store GmbH" });
  const contract = await createContract(deps, admin, {
    customerId: customer.id,
    kind: "monthly",
    monthlyQuotaMinutes: quota,
    startMonth: "2026-10",
  });
  return { deps, contract };
}

const booking = { date: "2026-11-20", minutes: 30, category: "service" as const, description: "Work" };

describe("DynamoStore bookings", () => {
  it("books with exactly one DynamoDB request once the contract's context is cached", async () => {
    const { deps, contract } = await monthlySetup();
    await bookHours(deps, technician, contract.id, booking);
    const counter = countRequests(deps.doc);
    await bookHours(deps, technician, contract.id, booking, {
      key: "one-trip",
      fingerprint: "f",
      render: () => ({ statusCode: 201, body: {} }),
    });
    expect(counter.count()).toBe(1);
  });

  it("re-plans on fresh state when another instance booked meanwhile, and never overdraws", async () => {
    const { deps, contract } = await monthlySetup(60);
    const other = new DynamoStore(
      createDocumentClient({ tableName: deps.tableName, endpoint: deps.endpoint }),
      deps.tableName,
    );
    const otherDeps = { ...deps, store: other };
    await bookHours(deps, technician, contract.id, booking); // caches 30 used
    await bookHours(otherDeps, technician, contract.id, booking); // the other instance fills the quota
    await expect(bookHours(deps, technician, contract.id, booking)).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    const period = await deps.store.getPeriod(contract.id, "2026-11");
    expect(period?.usedMinutes).toBe(60);
  });

  it("replays the stored response when the same idempotency key arrives again", async () => {
    const { deps, contract } = await monthlySetup();
    const idempotency = {
      key: "k",
      fingerprint: "same",
      render: () => ({ statusCode: 201, body: { n: 1 } }),
    };
    const first = await bookHours(deps, technician, contract.id, booking, idempotency);
    const second = await bookHours(deps, technician, contract.id, booking, idempotency);
    expect(first.outcome).toBe("booked");
    expect(second).toEqual({ outcome: "replayed", response: { statusCode: 201, body: { n: 1 } } });
    await expect(
      bookHours(deps, technician, contract.id, booking, { ...idempotency, fingerprint: "other" }),
    ).rejects.toMatchObject({ code: "idempotency_conflict" });
    expect((await deps.store.getPeriod(contract.id, "2026-11"))?.usedMinutes).toBe(30);
  });

  it("reverses a booking once, even when two reversals race", async () => {
    const { deps, contract } = await monthlySetup();
    const booked = await bookHours(deps, technician, contract.id, booking);
    if (booked.outcome !== "booked") throw new Error("expected a booking");
    const results = await Promise.allSettled([
      reverseBooking(deps, technician, contract.id, booked.result.booking.id),
      reverseBooking(deps, technician, contract.id, booked.result.booking.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await deps.store.getPeriod(contract.id, "2026-11"))?.usedMinutes).toBe(0);
  });

  it("writes the quota.threshold alert in the booking's own transaction, once", async () => {
    const { deps, contract } = await monthlySetup(60);
    await bookHours(deps, technician, contract.id, { ...booking, minutes: 45 });
    await bookHours(deps, technician, contract.id, { ...booking, minutes: 15 });
    const period = await deps.store.getPeriod(contract.id, "2026-11");
    expect(period?.thresholdsNotified).toEqual([80, 100]);
  });
});
