import { beforeEach, describe, expect, it } from "vitest";
import type { Booking } from "../../domain/booking.js";
import { ForbiddenError, MonthNotEndedError, PeriodClosedError } from "../../domain/errors.js";
import { reverseBooking } from "../../domain/use-cases/bookings.js";
import { topUpPool } from "../../domain/use-cases/contracts.js";
import {
  closeContractMonth,
  closedStatements,
  getCustomerStatement,
  SCHEDULER_ACTOR,
  startMonthClose,
} from "../../domain/use-cases/month-close.js";
import { raiseExpiryNotices } from "../../domain/use-cases/notices.js";
import { customerWith } from "../support/customers.js";
import { countRequests } from "../support/dynamo.js";
import {
  admin,
  bookOn,
  RecordingQueue,
  technician,
  type World,
  world,
} from "../support/month-close-world.js";

const JANUARY_WORK = "2026-01-20T10:00:00Z";
/** 00:30 on 1 February in Berlin: January has ended. */
const AFTER_JANUARY = "2026-01-31T23:30:00Z";
/** The last working hours of January: every day of it can be booked. */
const END_OF_JANUARY = "2026-01-31T12:00:00Z";

const monthly = (overrides: Record<string, unknown> = {}) => ({
  kind: "monthly" as const,
  monthlyQuotaMinutes: 600,
  startMonth: "2026-01",
  feeCentsPerMonth: 50_000,
  overage: { policy: "bill" as const, rateCentsPerHour: 6_000 },
  ...overrides,
});

let w: World;
beforeEach(async () => {
  w = await world(JANUARY_WORK);
});

describe("closeContractMonth", () => {
  it("expires the unused quota, stores the statement and one quota.expired alert, and closes the month", async () => {
    // Prepare
    const { customer, contracts } = await customerWith(w.deps, [monthly()]);
    const id = contracts[0]!.id;
    await bookOn(w.deps, id, "2026-01-05", 120);
    await bookOn(w.deps, id, "2026-01-19", 45);
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    const outcome = await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    // Assess
    expect(outcome).toEqual({ contractId: id, closedMonths: ["2026-01"], expiredMinutes: 435 });
    const contract = await w.deps.store.contracts.getContract(id);
    expect(contract).toMatchObject({ closedThroughMonth: "2026-01", status: "active", version: 2 });
    expect(await w.deps.store.usage.getPeriod(id, "2026-01")).toMatchObject({
      usedMinutes: 165,
      expiredMinutes: 435,
    });
    const [statement] = await closedStatements(w.deps, [{ contractId: id, month: "2026-01" }]);
    expect(statement).toMatchObject({
      status: "closed",
      usedMinutes: 165,
      expiredMinutes: 435,
      bookingCount: 2,
    });
    const [item] = await w.read.statementItems(id);
    expect(item).toMatchObject({ status: "closed", usedMinutes: 165, expiredMinutes: 435 });
    for (const derived of ["bookings", "bookingCount", "usedByCategory", "cascadedInMinutes"]) {
      expect(item).not.toHaveProperty(derived);
    }
    const alert = await w.read.alert({
      type: "quota.expired",
      contractId: id,
      month: "2026-01",
      details: {},
    });
    expect(alert).toMatchObject({
      customerId: customer.id,
      details: { kind: "monthly", expiredMinutes: 435, quotaMinutes: 600, usedMinutes: 165 },
    });
  });

  it("does nothing the second time: each contract-month closes once and expires nothing twice", async () => {
    const { customer, contracts } = await customerWith(w.deps, [monthly()]);
    const id = contracts[0]!.id;
    await bookOn(w.deps, id, "2026-01-05", 60);
    w.deps.clock.set(AFTER_JANUARY);
    await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    const statementBefore = await w.read.statementItems(id);
    // Act
    const again = await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    // Assess
    expect(again.closedMonths).toEqual([]);
    expect(await w.read.statementItems(id)).toEqual(statementBefore);
    expect(await w.deps.store.usage.getPeriod(id, "2026-01")).toMatchObject({ expiredMinutes: 540 });
    expect(await w.deps.store.contracts.getContract(id)).toMatchObject({ version: 2 });
    expect(await w.read.alertItemsOfCustomer(customer.id)).toHaveLength(1);
  });

  it("closes once under concurrent runs", async () => {
    const { customer, contracts } = await customerWith(w.deps, [
      monthly(),
      { kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2025-02-01" },
    ]);
    for (const c of contracts) await bookOn(w.deps, c.id, "2026-01-05", 30);
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    const runs = await Promise.all(
      contracts.flatMap((c) =>
        Array.from({ length: 6 }, () => closeContractMonth(w.deps, { contractId: c.id, month: "2026-01" })),
      ),
    );
    // Assess
    const closedMonths = (contractId: string) =>
      runs.filter((r) => r.contractId === contractId).flatMap((r) => r.closedMonths);
    expect(closedMonths(contracts[0]!.id)).toEqual(["2026-01"]);
    const poolMonths = closedMonths(contracts[1]!.id).sort();
    expect(poolMonths).toHaveLength(12); // 2025-02 … 2026-01, each once
    expect(new Set(poolMonths).size).toBe(12);
    expect(await w.read.statementItems(contracts[0]!.id)).toHaveLength(1);
    expect(await w.read.statementItems(contracts[1]!.id)).toHaveLength(12);
    const pool = await w.deps.store.usage.getPool(contracts[1]!.id);
    expect(pool).toMatchObject({ totalMinutes: 720, usedMinutes: 30, expiredMinutes: 690 });
    expect(await w.read.alertItemsOfCustomer(customer.id)).toHaveLength(2);
  });

  it("reads only the closing month: two requests, however long the history", async () => {
    // Prepare: a pool with 40 bookings in a closed December and 2 in January
    const { contracts } = await customerWith(w.deps, [
      { kind: "prepaid", monthlyBasisMinutes: 600, termYears: 1, startDate: "2025-12-01" },
    ]);
    const id = contracts[0]!.id;
    for (let i = 0; i < 40; i++)
      await bookOn(w.deps, id, `2025-12-${String(1 + (i % 28)).padStart(2, "0")}`, 15);
    await bookOn(w.deps, id, "2026-01-05", 30);
    await bookOn(w.deps, id, "2026-01-06", 30);
    w.deps.clock.set(AFTER_JANUARY);
    await closeContractMonth(w.deps, { contractId: id, month: "2025-12" });
    const requests = countRequests(w.doc);
    // Act
    let outcome: Awaited<ReturnType<typeof closeContractMonth>> | undefined;
    const cost = await requests.during(async () => {
      outcome = await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    });
    // Assess
    expect(outcome?.closedMonths).toEqual(["2026-01"]);
    expect(cost).toEqual({ commands: ["BatchGetItemCommand", "TransactWriteItemsCommand"], itemsRead: 2 });
  });

  it("costs the same requests and reads for a month with 50 bookings as for a month with 1", async () => {
    // Prepare: of each kind, a contract with 1 booking in January and one with 50
    w.deps.clock.set(END_OF_JANUARY);
    const pool = {
      kind: "prepaid" as const,
      monthlyBasisMinutes: 600,
      termYears: 1 as const,
      startDate: "2026-01-01",
    };
    const { contracts } = await customerWith(w.deps, [
      monthly({ monthlyQuotaMinutes: 6000 }),
      monthly({ monthlyQuotaMinutes: 6000 }),
      pool,
      pool,
    ]);
    const [monthlyOne, monthlyFifty, poolOne, poolFifty] = contracts.map((c) => c.id) as [
      string,
      string,
      string,
      string,
    ];
    const bookings = { [monthlyOne]: 1, [monthlyFifty]: 50, [poolOne]: 1, [poolFifty]: 50 };
    for (const [id, count] of Object.entries(bookings)) {
      for (let i = 0; i < count; i++)
        await bookOn(w.deps, id, `2026-01-${String(1 + (i % 28)).padStart(2, "0")}`, 30);
    }
    w.deps.clock.set(AFTER_JANUARY);
    const requests = countRequests(w.doc);
    // Act
    const costs: Record<string, { commands: string[]; itemsRead: number }> = {};
    for (const id of Object.keys(bookings)) {
      costs[id] = await requests.during(() =>
        closeContractMonth(w.deps, { contractId: id, month: "2026-01" }),
      );
    }
    // Assess
    const twoRequests = { commands: ["BatchGetItemCommand", "TransactWriteItemsCommand"], itemsRead: 2 };
    expect(costs[monthlyFifty]).toEqual(costs[monthlyOne]);
    expect(costs[poolFifty]).toEqual(costs[poolOne]);
    for (const id of Object.keys(bookings)) expect(costs[id]).toEqual(twoRequests);
    const statements = await closedStatements(
      w.deps,
      Object.keys(bookings).map((contractId) => ({ contractId, month: "2026-01" })),
    );
    expect(Object.fromEntries(statements.map((s) => [s.contractId, s.bookingCount]))).toEqual(bookings);
    expect(Object.fromEntries(statements.map((s) => [s.contractId, s.bookings.length]))).toEqual(bookings);
  });

  it("lists every booking and category total of a closed month, more than a statement item could hold", async () => {
    // Prepare: 150 bookings with long descriptions, over 300 KB as a list (once the inline limit)
    w.deps.clock.set(END_OF_JANUARY);
    const { customer, contracts } = await customerWith(w.deps, [
      monthly({ monthlyQuotaMinutes: 6000, categories: ["service", "project"] }),
    ]);
    const id = contracts[0]!.id;
    const booked: Booking[] = [];
    for (let i = 0; i < 150; i++) {
      const date = `2026-01-${String(1 + (i % 31)).padStart(2, "0")}`;
      const category = i % 3 === 0 ? "project" : "service";
      const description = `${String(i).padStart(3, "0")} ${"Server maintenance, details. ".repeat(68)}`;
      booked.push(await bookOn(w.deps, id, date, 30, { category, description }));
    }
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    const [statement] = await closedStatements(w.deps, [{ contractId: id, month: "2026-01" }]);
    // Assess
    const [item] = await w.read.statementItems(id);
    expect(item).not.toHaveProperty("bookings");
    expect(Buffer.byteLength(JSON.stringify(statement?.bookings))).toBeGreaterThan(300_000);
    expect(statement).toMatchObject({ status: "closed", usedMinutes: 4500, bookingCount: 150 });
    expect(statement?.usedByCategory).toEqual({ service: 3000, project: 1500, consulting: 0, training: 0 });
    const oldestFirst = [...booked].sort((a, b) =>
      a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1,
    );
    expect(statement?.bookings.map((b) => [b.id, b.description])).toEqual(
      oldestFirst.map((b) => [b.id, b.description]),
    );
    const api = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    expect(api.contracts).toEqual([statement]);
  });

  it("reads a customer's closed statements in one batch, whatever the number of contracts", async () => {
    const { customer, contracts } = await customerWith(w.deps, [
      monthly(),
      monthly(),
      { kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2026-01-01" },
    ]);
    for (const c of contracts) await bookOn(w.deps, c.id, "2026-01-12", 60);
    w.deps.clock.set(AFTER_JANUARY);
    for (const c of contracts) await closeContractMonth(w.deps, { contractId: c.id, month: "2026-01" });
    // Act
    let statement: Awaited<ReturnType<typeof getCustomerStatement>> | undefined;
    const cost = await countRequests(w.doc).during(async () => {
      statement = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    });
    // Assess
    expect(statement?.status).toBe("closed");
    expect(statement?.contracts.map((c) => c.contractId)).toEqual(contracts.map((c) => c.id));
    expect(statement?.contracts.map((c) => c.bookingCount)).toEqual([1, 1, 1]);
    expect(cost.commands.filter((command) => command === "BatchGetItemCommand")).toHaveLength(1);
  });

  it("keeps a closed statement as it was: bookings and reversals in the month are refused", async () => {
    // Prepare
    const { customer, contracts } = await customerWith(w.deps, [
      monthly(),
      { kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2026-01-01" },
    ]);
    const first: Booking[] = [];
    for (const c of contracts) {
      first.push(await bookOn(w.deps, c.id, "2026-01-12", 60));
      await bookOn(w.deps, c.id, "2026-01-13", 30, { description: "Backup check" });
    }
    w.deps.clock.set(AFTER_JANUARY);
    for (const c of contracts) await closeContractMonth(w.deps, { contractId: c.id, month: "2026-01" });
    const before = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    // Act
    for (const [i, c] of contracts.entries()) {
      await expect(bookOn(w.deps, c.id, "2026-01-30", 15)).rejects.toThrow(PeriodClosedError);
      await expect(reverseBooking(w.deps, technician, c.id, first[i]!.id)).rejects.toThrow(PeriodClosedError);
    }
    const after = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    // Assess
    expect(before.status).toBe("closed");
    expect(before.contracts.map((c) => c.bookingCount)).toEqual([2, 2]);
    expect(after).toEqual(before);
  });

  it("closes the earlier open months first, oldest first, each with its statement", async () => {
    w.deps.clock.set("2026-03-10T10:00:00Z");
    const { contracts } = await customerWith(w.deps, [monthly({ startMonth: "2025-12" })]);
    const id = contracts[0]!.id;
    await bookOn(w.deps, id, "2026-01-05", 600);
    await bookOn(w.deps, id, "2026-02-05", 30);
    // Act
    const outcome = await closeContractMonth(w.deps, { contractId: id, month: "2026-02" });
    // Assess
    expect(outcome.closedMonths).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(outcome.expiredMinutes).toBe(600 + 0 + 570);
    expect((await w.read.statementItems(id)).map((s) => [s.month, s.expiredMinutes])).toEqual([
      ["2025-12", 600],
      ["2026-01", 0],
      ["2026-02", 570],
    ]);
  });

  it("ends a monthly contract with its last month and leaves later months alone", async () => {
    const { contracts } = await customerWith(w.deps, [monthly({ endMonth: "2026-01" })]);
    const id = contracts[0]!.id;
    w.deps.clock.set("2026-04-02T10:00:00Z");
    expect((await closeContractMonth(w.deps, { contractId: id, month: "2026-03" })).closedMonths).toEqual([
      "2026-01",
    ]);
    expect(await w.deps.store.contracts.getContract(id)).toMatchObject({
      status: "ended",
      closedThroughMonth: "2026-01",
    });
  });

  it("expires a pool at the end of its term once, marks it expired and refuses top-ups after", async () => {
    const { contracts } = await customerWith(w.deps, [
      { kind: "prepaid", monthlyBasisMinutes: 100, termYears: 1, startDate: "2025-01-20" },
    ]);
    const id = contracts[0]!.id;
    await bookOn(w.deps, id, "2026-01-10", 300);
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    const first = await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    const second = await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    // Assess
    expect(first.closedMonths).toHaveLength(13); // 2025-01 … 2026-01
    expect(second.closedMonths).toEqual([]);
    expect(await w.deps.store.usage.getPool(id)).toMatchObject({
      totalMinutes: 1200,
      usedMinutes: 300,
      expiredMinutes: 900,
    });
    expect(await w.deps.store.contracts.getContract(id)).toMatchObject({
      status: "expired",
      closedThroughMonth: "2026-01",
    });
    await expect(topUpPool(w.deps, admin, id, { minutes: 60 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    const statements = await w.read.statementItems(id);
    expect(statements.filter((s) => (s.expiredMinutes as number) > 0).map((s) => s.month)).toEqual([
      "2026-01",
    ]);
  });

  it("refuses a month that has not ended", async () => {
    const { contracts } = await customerWith(w.deps, [monthly()]);
    await expect(
      closeContractMonth(w.deps, { contractId: contracts[0]!.id, month: "2026-01" }),
    ).rejects.toThrow(MonthNotEndedError);
  });

  it("retries DynamoDB throttling of the close transaction", async () => {
    const { contracts } = await customerWith(w.deps, [monthly()]);
    const id = contracts[0]!.id;
    w.deps.clock.set(AFTER_JANUARY);
    let throttled = 0;
    w.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (/TransactWrite/.test(context.commandName ?? "") && throttled < 3) {
          throttled++;
          throw Object.assign(new Error("Rate of requests exceeds the allowed throughput"), {
            name: "ThrottlingException",
            $fault: "client",
            $metadata: { httpStatusCode: 400 },
          });
        }
        return next(args);
      },
      { step: "deserialize", name: "throttleSome" },
    );
    // Act
    const outcome = await closeContractMonth(w.deps, { contractId: id, month: "2026-01" });
    // Assess
    expect(throttled).toBe(3);
    expect(outcome.closedMonths).toEqual(["2026-01"]);
  });
});

describe("bookings and reversals racing the close", () => {
  it("counts every booking that lands before the close and refuses the rest with period_closed", async () => {
    // Prepare
    const { contracts } = await customerWith(w.deps, [
      monthly({ monthlyQuotaMinutes: 900 }),
      { kind: "prepaid", monthlyBasisMinutes: 100, termYears: 1, startDate: "2026-01-01" },
    ]);
    w.deps.clock.set(AFTER_JANUARY);
    for (const contract of contracts) {
      const attempt = (i: number) =>
        bookOn(w.deps, contract.id, `2026-01-${String(10 + i)}`, 15 + (i % 4) * 15);
      // Act: some bookings before the close, a wave racing it, and some after it
      const before = await Promise.allSettled([0, 1, 2].map(attempt));
      const racing = Array.from({ length: 12 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i * 3)).then(() => attempt(3 + i)),
      );
      const close = new Promise((resolve) => setTimeout(resolve, 15)).then(() =>
        closeContractMonth(w.deps, { contractId: contract.id, month: "2026-01" }),
      );
      const during = await Promise.allSettled([...racing, close]);
      const after = await Promise.allSettled([15, 16].map(attempt));
      // Assess
      expect(during.at(-1)?.status).toBe("fulfilled");
      const bookings = [...before, ...during.slice(0, -1), ...after];
      const booked = bookings.flatMap((r) => (r.status === "fulfilled" ? [r.value as Booking] : []));
      const refused = bookings.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      expect(booked.length).toBeGreaterThanOrEqual(3);
      expect(refused.length).toBeGreaterThanOrEqual(2);
      for (const reason of refused) expect(reason).toBeInstanceOf(PeriodClosedError);
      const [statement] = await closedStatements(w.deps, [{ contractId: contract.id, month: "2026-01" }]);
      expect(statement?.bookings.map((b) => b.id).sort()).toEqual(booked.map((b) => b.id).sort());
      const billed = booked.reduce((sum, b) => sum + b.billedMinutes, 0);
      expect(statement!.usedMinutes + statement!.overageMinutes).toBe(billed);
      expect(await w.deps.store.monthClose.listMonthBookings(contract.id, "2026-01")).toHaveLength(
        booked.length,
      );
    }
  });

  it("refuses a reversal in a closed month with period_closed, and a racing one lands before or is refused", async () => {
    const { contracts } = await customerWith(w.deps, [monthly()]);
    const id = contracts[0]!.id;
    const bookings = [];
    for (let day = 10; day < 16; day++) bookings.push(await bookOn(w.deps, id, `2026-01-${day}`, 60));
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    const racing = await Promise.allSettled([
      ...bookings.slice(0, 5).map((b) => reverseBooking(w.deps, technician, id, b.id)),
      closeContractMonth(w.deps, { contractId: id, month: "2026-01" }),
    ]);
    const late = reverseBooking(w.deps, technician, id, bookings[5]!.id);
    // Assess
    await expect(late).rejects.toThrow(PeriodClosedError);
    const reversedIds = bookings
      .slice(0, 5)
      .filter((_, i) => racing[i]?.status === "fulfilled")
      .map((b) => b.id);
    for (const r of racing.slice(0, 5)) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(PeriodClosedError);
    }
    const [statement] = await closedStatements(w.deps, [{ contractId: id, month: "2026-01" }]);
    expect(statement!.bookings.map((b) => b.id).sort()).toEqual(
      bookings
        .filter((b) => !reversedIds.includes(b.id))
        .map((b) => b.id)
        .sort(),
    );
    expect(statement!.usedMinutes).toBe(60 * (6 - reversedIds.length));
  });
});

describe("startMonthClose", () => {
  it("enqueues one job per active contract with an open month, and none once all are closed", async () => {
    // Prepare
    const { contracts } = await customerWith(w.deps, [
      monthly(),
      monthly({ startMonth: "2026-02" }),
      { kind: "prepaid", monthlyBasisMinutes: 60, termYears: 3, startDate: "2025-12-01" },
    ]);
    w.deps.clock.set(AFTER_JANUARY);
    const queue = new RecordingQueue();
    // Act
    const started = await startMonthClose(w.deps, SCHEDULER_ACTOR, "2026-01", queue);
    // Assess
    expect(started.enqueuedJobs).toBe(2);
    expect(queue.jobs.map((j) => j.contractId).sort()).toEqual([contracts[0]!.id, contracts[2]!.id].sort());
    for (const job of queue.jobs) await closeContractMonth(w.deps, job);
    const rerun = new RecordingQueue();
    expect((await startMonthClose(w.deps, SCHEDULER_ACTOR, "2026-01", rerun)).enqueuedJobs).toBe(0);
  });

  it("refuses a month that has not ended, and anyone but an administrator", async () => {
    await customerWith(w.deps, [monthly()]);
    await expect(startMonthClose(w.deps, admin, "2026-01", new RecordingQueue())).rejects.toThrow(
      MonthNotEndedError,
    );
    w.deps.clock.set(AFTER_JANUARY);
    await expect(startMonthClose(w.deps, technician, "2026-01", new RecordingQueue())).rejects.toThrow(
      ForbiddenError,
    );
  });
});

describe("getCustomerStatement", () => {
  it("previews an open month and gives the stored statement once every contract is closed", async () => {
    // Prepare
    const { customer, contracts } = await customerWith(w.deps, [
      monthly(),
      {
        kind: "prepaid",
        monthlyBasisMinutes: 60,
        termYears: 1,
        startDate: "2026-01-01",
        priceCents: 300_000,
      },
    ]);
    for (const c of contracts) await bookOn(w.deps, c.id, "2026-01-05", 90);
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    const preview = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    await closeContractMonth(w.deps, { contractId: contracts[0]!.id, month: "2026-01" });
    const half = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    await closeContractMonth(w.deps, { contractId: contracts[1]!.id, month: "2026-01" });
    const final = await getCustomerStatement(w.deps, admin, customer.id, "2026-01");
    // Assess
    const byKind = (statement: typeof preview) =>
      Object.fromEntries(
        statement.contracts.map((c) => [
          c.kind,
          [c.status, c.expiredMinutes, c.remainingMinutes, c.bookingCount],
        ]),
      );
    expect(preview.status).toBe("open");
    expect(byKind(preview)).toEqual({ monthly: ["open", 0, 510, 1], prepaid: ["open", 0, 630, 1] });
    expect(half.status).toBe("open");
    expect(byKind(half)).toEqual({ monthly: ["closed", 510, 0, 1], prepaid: ["open", 0, 630, 1] });
    expect(final.status).toBe("closed");
    expect(byKind(final)).toEqual({ monthly: ["closed", 510, 0, 1], prepaid: ["closed", 0, 630, 1] });
    expect(final.totalCents).toBe(50_000 + 300_000);
  });

  it("hides another customer's statement", async () => {
    const { customer } = await customerWith(w.deps, [monthly()]);
    const stranger = { role: "customer" as const, customerId: "cus_other", subject: "c" };
    await expect(getCustomerStatement(w.deps, stranger, customer.id, "2026-01")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("raiseExpiryNotices", () => {
  it("gives quota.expiring in the last 5 days of a month with more than 20 % unused, once", async () => {
    // Prepare
    const { contracts } = await customerWith(w.deps, [monthly(), monthly()]);
    await bookOn(w.deps, contracts[1]!.id, "2026-01-05", 495); // 17.5 % unused: no notice
    // Act
    const early = await raiseExpiryNotices(w.deps, new Date("2026-01-26T05:00:00Z")); // 6 days left
    const due = await raiseExpiryNotices(w.deps, new Date("2026-01-27T05:00:00Z")); // 5 days left
    const again = await raiseExpiryNotices(w.deps, new Date("2026-01-28T05:00:00Z"));
    // Assess
    expect(early.raised).toEqual([]);
    expect(due.raised.map((a) => [a.type, a.contractId, a.month])).toEqual([
      ["quota.expiring", contracts[0]!.id, "2026-01"],
    ]);
    expect(due.raised[0]?.details).toMatchObject({ unusedMinutes: 600, unusedPercent: 100 });
    expect(again.raised).toEqual([]);
  });

  it("gives pool.expiring in the last 30 days of a term with time left, once", async () => {
    w.deps.clock.set("2025-03-01T10:00:00Z");
    const { contracts } = await customerWith(w.deps, [
      { kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2025-03-01" },
    ]);
    const early = await raiseExpiryNotices(w.deps, new Date("2026-01-29T05:00:00Z")); // 31 days left
    const due = await raiseExpiryNotices(w.deps, new Date("2026-01-30T05:00:00Z")); // 30 days left
    const again = await raiseExpiryNotices(w.deps, new Date("2026-02-10T05:00:00Z"));
    expect(early.raised).toEqual([]);
    expect(due.raised.map((a) => a.type)).toEqual(["pool.expiring"]);
    expect(again.raised).toEqual([]);
    expect(due.raised[0]).toMatchObject({
      contractId: contracts[0]!.id,
      details: { remainingMinutes: 720, termEnd: "2026-03-01", daysLeft: 30 },
    });
  });

  it("is not raised for a pool that is used up", async () => {
    w.deps.clock.set("2025-03-05T10:00:00Z");
    const { contracts } = await customerWith(w.deps, [
      {
        kind: "prepaid",
        monthlyBasisMinutes: 1,
        termYears: 1,
        startDate: "2025-03-01",
        billingIncrementMinutes: 1,
      },
    ]);
    await bookOn(w.deps, contracts[0]!.id, "2025-03-05", 12);
    expect((await raiseExpiryNotices(w.deps, new Date("2026-02-10T05:00:00Z"))).raised).toEqual([]);
  });
});
