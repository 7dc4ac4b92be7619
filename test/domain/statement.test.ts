import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Booking } from "../../domain/booking.js";
import { addMonths, lastDayOf } from "../../domain/calendar.js";
import { CATEGORIES, initialPoolMinutes, quotaFor } from "../../domain/contract.js";
import { PeriodClosedError, QuotaExceededError } from "../../domain/errors.js";
import { newPool, planBooking, planReversal } from "../../domain/ledger.js";
import {
  hasStatementFor,
  monthsToClose,
  planMonthClose,
  previewStatement,
  statementMonths,
  statementOf,
  termEndsBy,
} from "../../domain/statement.js";
import {
  applyClose,
  book,
  type Ledger,
  monthlyContract,
  prepaidContract,
} from "../support/month-close-fixtures.js";

const closing = { closedAt: "2026-02-01T00:05:00Z", alertId: "alr_1" };

function monthlyLedger(overrides: Parameters<typeof monthlyContract>[0] = {}): Ledger {
  return { contract: monthlyContract(overrides), period: null, pool: null, bookings: [] };
}

function prepaidLedger(overrides: Parameters<typeof prepaidContract>[0] = {}): Ledger {
  const contract = prepaidContract(overrides);
  return { contract, period: null, pool: newPool(contract.id, initialPoolMinutes(contract)), bookings: [] };
}

describe("statementMonths and monthsToClose", () => {
  it("closes every open month of a monthly quota from its start up to the month asked", () => {
    // Prepare
    const contract = monthlyContract({ startMonth: "2025-11" });
    // Act / Assess
    expect(monthsToClose(contract, "2026-01")).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(monthsToClose({ ...contract, closedThroughMonth: "2025-12" }, "2026-01")).toEqual(["2026-01"]);
    expect(monthsToClose({ ...contract, closedThroughMonth: "2026-01" }, "2026-01")).toEqual([]);
  });

  it("closes nothing before a contract starts, after it ends, or once it ended", () => {
    const contract = monthlyContract({ startMonth: "2026-03", endMonth: "2026-05" });
    expect(monthsToClose(contract, "2026-02")).toEqual([]);
    expect(monthsToClose(contract, "2026-09")).toEqual(["2026-03", "2026-04", "2026-05"]);
    expect(monthsToClose({ ...contract, status: "ended" }, "2026-09")).toEqual([]);
  });

  it("gives a prepaid pool statements from the month its term starts to the month it ends", () => {
    const contract = prepaidContract({ startDate: "2026-01-15", termYears: 1 });
    expect(statementMonths(contract)).toEqual({ first: "2026-01", last: "2027-01" });
    const onFirst = prepaidContract({ startDate: "2026-03-01", termYears: 1 });
    expect(statementMonths(onFirst)).toEqual({ first: "2026-03", last: "2027-02" });
    expect(hasStatementFor(onFirst, "2027-03")).toBe(false);
    expect(termEndsBy(onFirst.endDate, "2027-02")).toBe(true);
    expect(termEndsBy(onFirst.endDate, "2027-01")).toBe(false);
  });
});

describe("previewStatement", () => {
  it("previews an open month: quota, used by category, remaining, bookings oldest first", () => {
    // Prepare
    const ledger = monthlyLedger({ categories: ["service", "project"], billingIncrementMinutes: 15 });
    book(ledger, "2026-01-20", 50, "project", "Migration");
    book(ledger, "2026-01-05", 100, "service", "Printer");
    // Act
    const statement = previewStatement({ ...ledger, month: "2026-01" });
    // Assess
    expect(statement).toMatchObject({
      status: "open",
      quotaMinutes: 600,
      usedMinutes: 165,
      remainingMinutes: 435,
      expiredMinutes: 0,
      feeCents: 50_000,
      bookingCount: 2,
      closedAt: null,
    });
    expect(statement.usedByCategory).toEqual({ service: 105, project: 60, consulting: 0, training: 0 });
    expect(statement.bookings.map((b) => b.date)).toEqual(["2026-01-05", "2026-01-20"]);
  });

  it("leaves reversed bookings and other months' bookings out", () => {
    const ledger = monthlyLedger();
    const kept = book(ledger, "2026-01-05", 60) as Booking;
    const reversed = book(ledger, "2026-01-06", 30) as Booking;
    ledger.bookings = ledger.bookings.map((b) => (b.id === reversed.id ? { ...b, status: "reversed" } : b));
    ledger.bookings.push({ ...kept, id: "bk-2025-12_x", month: "2025-12", date: "2025-12-30" });
    const statement = previewStatement({ ...ledger, month: "2026-01" });
    expect(statement.bookings.map((b) => b.id)).toEqual([kept.id]);
  });

  it("charges overage at the contract's rate", () => {
    const ledger = monthlyLedger({ monthlyQuotaMinutes: 60 });
    book(ledger, "2026-01-05", 150);
    const statement = previewStatement({ ...ledger, month: "2026-01" });
    expect(statement).toMatchObject({ usedMinutes: 60, overageMinutes: 90, overageCents: 13_500 });
  });
});

describe("planMonthClose for a monthly quota", () => {
  it("expires the unused quota, freezes the statement's figures and raises one quota.expired alert", () => {
    // Prepare
    const ledger = monthlyLedger();
    book(ledger, "2026-01-05", 120);
    // Act
    const plan = planMonthClose({ ...ledger, month: "2026-01" }, closing);
    // Assess
    expect(plan.period).toMatchObject({
      month: "2026-01",
      usedMinutes: 120,
      expiredMinutes: 480,
      version: 1,
    });
    expect(plan.figures).toMatchObject({
      status: "closed",
      usedMinutes: 120,
      expiredMinutes: 480,
      remainingMinutes: 0,
      closedAt: closing.closedAt,
    });
    expect(plan.alert).toMatchObject({
      type: "quota.expired",
      contractId: ledger.contract.id,
      month: "2026-01",
      details: { kind: "monthly", expiredMinutes: 480, quotaMinutes: 600, usedMinutes: 120 },
    });
    expect(plan.status).toBe("active");
  });

  it("gives a month without bookings its statement too, everything expired", () => {
    const ledger = monthlyLedger();
    const plan = planMonthClose({ ...ledger, month: "2026-01" }, closing);
    expect(plan.period).toMatchObject({ usedMinutes: 0, expiredMinutes: 600, version: 0 });
    expect(statementOf(plan.figures, [])).toMatchObject({
      bookingCount: 0,
      bookings: [],
      expiredMinutes: 600,
    });
  });

  it("freezes only the ledger's figures; the closed statement lists the month's bookings and their totals", () => {
    // Prepare
    const ledger = monthlyLedger({ categories: ["service", "project"] });
    const late = book(ledger, "2026-01-20", 45, "project", "Migration") as Booking;
    book(ledger, "2026-01-05", 90, "service", "Printer");
    const otherMonth: Booking = { ...late, id: "bk-2025-12_x", month: "2025-12", date: "2025-12-30" };
    // Act
    const plan = planMonthClose({ ...ledger, month: "2026-01" }, closing);
    const statement = statementOf(plan.figures, [...ledger.bookings, otherMonth]);
    // Assess
    expect(plan.figures).not.toHaveProperty("bookings");
    expect(plan.figures).not.toHaveProperty("usedByCategory");
    expect(statement).toMatchObject({
      status: "closed",
      usedMinutes: 135,
      expiredMinutes: 465,
      bookingCount: 2,
      cascadedInMinutes: 0,
      closedAt: closing.closedAt,
    });
    expect(statement.usedByCategory).toEqual({ service: 90, project: 45, consulting: 0, training: 0 });
    expect(statement.bookings.map((b) => [b.date, b.description])).toEqual([
      ["2026-01-05", "Printer"],
      ["2026-01-20", "Migration"],
    ]);
  });

  it("raises no alert when the quota was used up", () => {
    const ledger = monthlyLedger({ monthlyQuotaMinutes: 60 });
    book(ledger, "2026-01-05", 60);
    expect(planMonthClose({ ...ledger, month: "2026-01" }, closing).alert).toBeNull();
  });

  it("ends the contract with its last month", () => {
    const ledger = monthlyLedger({ endMonth: "2026-01" });
    expect(planMonthClose({ ...ledger, month: "2026-01" }, closing).status).toBe("ended");
  });

  it("refuses to plan the close of a closed month", () => {
    const ledger = monthlyLedger();
    ledger.contract = { ...ledger.contract, closedThroughMonth: "2026-01" };
    expect(() => planMonthClose({ ...ledger, month: "2026-01" }, closing)).toThrow(/already closed/);
  });
});

describe("planMonthClose for a prepaid pool", () => {
  it("states the month's draws and what the pool has left, and expires nothing mid-term", () => {
    // Prepare
    const ledger = prepaidLedger();
    book(ledger, "2026-01-20", 90, "training");
    book(ledger, "2026-02-02", 30);
    // Act
    const plan = planMonthClose({ ...ledger, month: "2026-01" }, closing);
    // Assess
    expect(plan.figures).toMatchObject({
      kind: "prepaid",
      quotaMinutes: 1200,
      usedMinutes: 90,
      remainingMinutes: 1110,
      expiredMinutes: 0,
      feeCents: 500_000,
      termStart: "2026-01-15",
      termEnd: "2027-01-15",
    });
    expect(plan.poolExpires).toBe(false);
    expect(plan.status).toBe("active");
    expect(plan.alert).toBeNull();
  });

  it("bills the price only in the month the term starts", () => {
    const ledger = prepaidLedger();
    expect(planMonthClose({ ...ledger, month: "2026-02" }, closing).figures.feeCents).toBe(0);
  });

  it("expires the rest of the pool in the month the term ends and marks the contract expired", () => {
    const ledger = prepaidLedger({ startDate: "2025-03-01" });
    book(ledger, "2025-06-10", 195);
    const plan = planMonthClose({ ...ledger, month: "2026-02" }, closing);
    expect(plan.poolExpires).toBe(true);
    expect(plan.status).toBe("expired");
    expect(plan.pool).toMatchObject({ expiredMinutes: 1005 });
    expect(plan.figures).toMatchObject({ expiredMinutes: 1005, remainingMinutes: 0 });
    expect(plan.alert).toMatchObject({
      type: "quota.expired",
      month: "2026-02",
      details: { kind: "prepaid", expiredMinutes: 1005, quotaMinutes: 1200, usedMinutes: 0 },
    });
  });

  it("counts what monthly contracts drew by cascade apart from the pool's own bookings", () => {
    const ledger = prepaidLedger();
    book(ledger, "2026-01-20", 60);
    const pool = ledger.pool!;
    ledger.pool = {
      ...pool,
      usedMinutes: pool.usedMinutes + 45,
      months: { "2026-01": { usedMinutes: 105, overageMinutes: 0 } },
    };
    const figures = planMonthClose({ ...ledger, month: "2026-01" }, closing).figures;
    expect(statementOf(figures, ledger.bookings)).toMatchObject({ usedMinutes: 105, cascadedInMinutes: 45 });
    expect(previewStatement({ ...ledger, month: "2026-01" })).toMatchObject({ cascadedInMinutes: 45 });
  });
});

describe("bookings against a closed pool month", () => {
  it("takes nothing from a fallback pool whose month is closed", () => {
    // Prepare
    const pool = prepaidContract({ startDate: "2026-01-01" });
    const monthly = monthlyContract({
      monthlyQuotaMinutes: 0,
      overage: { policy: "block" },
      fallbackContractId: pool.id,
    });
    const usage = newPool(pool.id, initialPoolMinutes(pool));
    const request = { date: "2026-01-10", minutes: 30, category: "service" as const };
    // Act / Assess
    expect(
      planBooking({ contract: monthly, period: null, pool: { contract: pool, usage } }, request).split
        .fromPoolMinutes,
    ).toBe(30);
    const closedPool = { ...pool, closedThroughMonth: "2026-01" };
    expect(() =>
      planBooking({ contract: monthly, period: null, pool: { contract: closedPool, usage } }, request),
    ).toThrow(QuotaExceededError);
  });

  it("refuses to give minutes back to a closed pool month", () => {
    const pool = { ...prepaidContract({ startDate: "2026-01-01" }), closedThroughMonth: "2026-01" };
    const monthly = monthlyContract({ fallbackContractId: pool.id });
    const usage = newPool(pool.id, initialPoolMinutes(pool));
    expect(() =>
      planReversal(
        { contract: monthly, period: null, pool: { contract: pool, usage } },
        { date: "2026-01-10", fromQuotaMinutes: 0, fromPoolMinutes: 30, overageMinutes: 0 },
      ),
    ).toThrow(PeriodClosedError);
  });
});

describe("month close properties", () => {
  const bookingArb = fc.record({
    day: fc.integer({ min: 1, max: 31 }),
    minutes: fc.integer({ min: 1, max: 1440 }),
    category: fc.constantFrom(...CATEGORIES),
  });

  it("expires exactly quota minus used for a monthly quota, and the statement adds up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6000 }),
        fc.constantFrom("block" as const, "bill" as const),
        fc.constantFrom(1, 15, 30),
        fc.array(bookingArb, { maxLength: 25 }),
        fc.constantFrom("2026-01", "2026-02", "2028-02"),
        (quota, policy, increment, requests, month) => {
          const ledger = monthlyLedger({
            monthlyQuotaMinutes: quota,
            startMonth: month,
            categories: [...CATEGORIES],
            billingIncrementMinutes: increment,
            overage: { policy, rateCentsPerHour: 6000 },
          });
          const last = Number(lastDayOf(month).slice(8));
          for (const r of requests)
            book(ledger, `${month}-${String(Math.min(r.day, last)).padStart(2, "0")}`, r.minutes, r.category);
          const preview = previewStatement({ ...ledger, month });
          const plan = planMonthClose({ ...ledger, month }, closing);
          const used = ledger.period?.usedMinutes ?? 0;
          const s = statementOf(plan.figures, ledger.bookings);
          expect(s.expiredMinutes).toBe(quotaFor(ledger.contract as never, month) - used);
          expect(s.usedMinutes + s.expiredMinutes).toBe(quota);
          const byCategory = CATEGORIES.reduce((sum, c) => sum + s.usedByCategory[c], 0);
          expect(byCategory).toBe(s.usedMinutes + s.fromPoolMinutes + s.overageMinutes);
          expect(byCategory).toBe(ledger.bookings.reduce((sum, b) => sum + b.billedMinutes, 0));
          expect(plan.alert === null).toBe(s.expiredMinutes === 0);
          // What the bookings give is the same before and after the close.
          const derived = ({ usedByCategory, cascadedInMinutes, bookingCount, bookings }: typeof s) => ({
            usedByCategory,
            cascadedInMinutes,
            bookingCount,
            bookings,
          });
          expect(derived(s)).toEqual(derived(preview));
        },
      ),
    );
  });

  it("never changes a closed month: no booking, no reversal, no second close", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(bookingArb, { maxLength: 10 }),
        bookingArb,
        fc.integer({ min: 0, max: 2 }),
        (monthly, requests, late, monthsBack) => {
          const month = "2026-03";
          const ledger = monthly
            ? monthlyLedger({ startMonth: "2026-01", categories: [...CATEGORIES] })
            : prepaidLedger({ startDate: "2026-01-01" });
          for (const r of requests)
            book(ledger, `${month}-${String(Math.min(r.day, 31)).padStart(2, "0")}`, r.minutes, r.category);
          const plan = planMonthClose({ ...ledger, month }, closing);
          const closed = applyClose(ledger.contract, plan);
          const target = addMonths(month, -monthsBack);
          const context = {
            contract: closed,
            period: plan.period,
            pool: closed.kind === "prepaid" && plan.pool ? { contract: closed, usage: plan.pool } : null,
          };
          const date = `${target}-${String(Math.min(late.day, 28)).padStart(2, "0")}`;
          expect(() =>
            planBooking(context, { date, minutes: late.minutes, category: late.category }),
          ).toThrow(PeriodClosedError);
          for (const b of ledger.bookings) expect(() => planReversal(context, b)).toThrow(PeriodClosedError);
          expect(monthsToClose(closed, month)).toEqual([]);
          expect(() => planMonthClose({ ...ledger, contract: closed, month }, closing)).toThrow();
        },
      ),
    );
  });
});
