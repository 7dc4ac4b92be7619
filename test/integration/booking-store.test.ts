import { describe, expect, it } from "vitest";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import type { Actor } from "../../domain/access.js";
import { bookHours, reverseBooking } from "../../domain/use-cases/bookings.js";
import { changeQuota, createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { closeContractMonth } from "../../domain/use-cases/month-close.js";
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

/** Another Lambda instance on the same table: its own store, its own cache of booking contexts. */
function otherInstance(deps: Awaited<ReturnType<typeof storeDeps>>) {
  const doc = createDocumentClient({ tableName: deps.tableName, endpoint: deps.endpoint });
  const store = dynamoStore(
    { doc, name: deps.tableName },
    { clock: deps.clock, billingTimezone: "Europe/Berlin" },
  );
  return { ...deps, doc, store };
}

/** The kinds of the items of every transaction the client sends (`Update`, `Put`, `ConditionCheck`). */
function recordTransactions(doc: Awaited<ReturnType<typeof storeDeps>>["doc"]): string[][] {
  const transactions: string[][] = [];
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName?.startsWith("TransactWrite")) {
        const { TransactItems } = args.input as { TransactItems: Record<string, unknown>[] };
        transactions.push(TransactItems.map((item) => Object.keys(item)[0] ?? ""));
      }
      return next(args);
    },
    { step: "initialize", name: "recordTransactions" },
  );
  return transactions;
}

describe("the DynamoDB store: bookings", () => {
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
    const otherDeps = otherInstance(deps);
    await bookHours(deps, technician, contract.id, booking); // caches 30 used
    await bookHours(otherDeps, technician, contract.id, booking); // the other instance fills the quota
    await expect(bookHours(deps, technician, contract.id, booking)).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    const period = await deps.store.usage.getPeriod(contract.id, "2026-11");
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
    expect((await deps.store.usage.getPeriod(contract.id, "2026-11"))?.usedMinutes).toBe(30);
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
    expect((await deps.store.usage.getPeriod(contract.id, "2026-11"))?.usedMinutes).toBe(0);
  });

  it("writes the quota.threshold alert in the booking's own transaction, once", async () => {
    const { deps, contract } = await monthlySetup(60);
    await bookHours(deps, technician, contract.id, { ...booking, minutes: 45 });
    await bookHours(deps, technician, contract.id, { ...booking, minutes: 15 });
    const period = await deps.store.usage.getPeriod(contract.id, "2026-11");
    expect(period?.thresholdsNotified).toEqual([80, 100]);
  });

  it("checks the contract only when the month's usage was written under older terms (TermsProof)", async () => {
    const { deps, contract } = await monthlySetup();
    const transactions = recordTransactions(deps.doc);
    const key = (k: string) => ({ key: k, fingerprint: k, render: () => ({ statusCode: 201, body: {} }) });
    const book = async (name: string, date = booking.date, on = deps) => {
      transactions.length = 0;
      await bookHours(on, technician, contract.id, { ...booking, date }, key(name));
      return transactions.at(-1);
    };
    // absence-vouches: the month had no usage item, and a terms change would have created it
    expect(await book("first")).toEqual(["Put", "Put", "Put"]);
    // usage-vouches: the month's usage carries the contract version read
    expect(await book("second")).toEqual(["Put", "Put", "Put"]);
    await changeQuota(deps, admin, contract.id, { monthlyQuotaMinutes: 900, effectiveMonth: "2026-11" });
    // the change rewrote November with its terms: still three items, no contract check
    expect(await book("third")).toEqual(["Put", "Put", "Put"]);
    expect((await deps.store.usage.getPeriod(contract.id, "2026-11"))?.usedMinutes).toBe(90);
    // a change from December on leaves November's usage with the older terms: another instance,
    // reading the contract's new version, checks the contract once and stamps the month
    await changeQuota(deps, admin, contract.id, { monthlyQuotaMinutes: 1200, effectiveMonth: "2026-12" });
    const other = otherInstance(deps);
    const otherTransactions = recordTransactions(other.doc);
    await bookHours(other, technician, contract.id, booking, key("other-1"));
    await bookHours(other, technician, contract.id, booking, key("other-2"));
    expect(otherTransactions).toEqual([
      ["Put", "ConditionCheck", "Put", "Put"],
      ["Put", "Put", "Put"],
    ]);
  });

  it("answers the exact balance stored right after the booking, across instances with their own caches", async () => {
    const { deps, contract } = await monthlySetup(600);
    const other = otherInstance(deps);
    await bookHours(deps, technician, contract.id, booking); // this instance caches 30 used
    const elsewhere = await bookHours(other, technician, contract.id, { ...booking, minutes: 300 });
    const here = await bookHours(deps, technician, contract.id, booking);
    if (here.outcome !== "booked" || elsewhere.outcome !== "booked") throw new Error("expected bookings");
    const stored = await deps.store.usage.getPeriod(contract.id, "2026-11");
    expect(stored?.usedMinutes).toBe(360);
    expect(here.result.balance).toMatchObject({ usedMinutes: 360, remainingMinutes: 240 });
  });

  it("re-plans a booking made under the old quota after another instance lowered it", async () => {
    const { deps, contract } = await monthlySetup(600);
    const other = otherInstance(deps);
    await bookHours(deps, technician, contract.id, booking); // caches the 600-minute terms, 30 used
    await bookHours(deps, technician, contract.id, booking); // the cached plan commits: 60 used
    await changeQuota(other, admin, contract.id, { monthlyQuotaMinutes: 60, effectiveMonth: "2026-11" });
    // Under the cached terms 30 more would fit; under the new ones they do not.
    await expect(bookHours(deps, technician, contract.id, booking)).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    expect((await deps.store.usage.getPeriod(contract.id, "2026-11"))?.usedMinutes).toBe(60);
  });

  it("refuses a booking planned before another instance closed its month", async () => {
    const { deps, contract } = await monthlySetup(600);
    const other = otherInstance(deps);
    const october = { ...booking, date: "2026-10-15" };
    await bookHours(deps, technician, contract.id, october);
    await bookHours(deps, technician, contract.id, october); // cached, three-item form from here on
    await closeContractMonth(other, { contractId: contract.id, month: "2026-10" });
    await expect(bookHours(deps, technician, contract.id, october)).rejects.toMatchObject({
      code: "period_closed",
    });
    expect((await deps.store.usage.getPeriod(contract.id, "2026-10"))?.usedMinutes).toBe(60);
  });

  it("refuses a pool draw planned before another instance closed the pool's month", async () => {
    const deps = await storeDeps("2026-11-20T10:00:00Z");
    const customer = await createCustomer(deps, admin, { name: "Pool GmbH" });
    const contract = await createContract(deps, admin, {
      customerId: customer.id,
      kind: "prepaid",
      monthlyBasisMinutes: 600,
      termYears: 1,
      startDate: "2026-10-01",
    });
    const other = otherInstance(deps);
    const october = { ...booking, date: "2026-10-15" };
    await bookHours(deps, technician, contract.id, october);
    await bookHours(deps, technician, contract.id, october); // cached pool, three-item form
    await closeContractMonth(other, { contractId: contract.id, month: "2026-10" });
    await expect(bookHours(deps, technician, contract.id, october)).rejects.toMatchObject({
      code: "period_closed",
    });
    expect((await deps.store.usage.getPool(contract.id))?.months["2026-10"]?.usedMinutes).toBe(60);
  });
});
