import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Contract, quotaFor, withQuotaFrom } from "../../domain/contract.js";
import { DomainError } from "../../domain/errors.js";
import {
  type BookingContext,
  emptyPeriod,
  newPool,
  type PeriodUsage,
  type PoolUsage,
  planBooking,
  planReversal,
  poolRemaining,
} from "../../domain/ledger.js";
import { monthlyContract, prepaidContract } from "../support/fixtures.js";

/**
 * A model ledger: the pure rules applied to random sequences of bookings, reversals, top-ups, quota
 * changes and closes, checking after every step what must always hold.
 */
const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"];
const CATEGORIES = ["service", "project"] as const;

type Operation =
  | {
      op: "book";
      onMonthly: boolean;
      month: number;
      day: number;
      minutes: number;
      category: (typeof CATEGORIES)[number];
    }
  | { op: "reverse"; pick: number }
  | { op: "topUp"; minutes: number }
  | { op: "quota"; month: number; quota: number }
  | { op: "close" };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("book" as const),
      onMonthly: fc.boolean(),
      month: fc.nat(3),
      day: fc.integer({ min: 1, max: 28 }),
      minutes: fc.integer({ min: 1, max: 300 }),
      category: fc.constantFrom(...CATEGORIES),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("reverse" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("topUp" as const), minutes: fc.integer({ min: 1, max: 300 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("quota" as const),
      month: fc.nat(3),
      quota: fc.integer({ min: 0, max: 900 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: "close" as const }) },
);

interface LiveBooking {
  contractId: string;
  date: string;
  fromQuotaMinutes: number;
  fromPoolMinutes: number;
  overageMinutes: number;
  reversed: boolean;
}

function run(policy: "block" | "bill", operations: Operation[]) {
  let pool = prepaidContract({ overage: { policy, rateCentsPerHour: 6000 } });
  let monthly: Contract = monthlyContract({
    categories: ["service", "project"],
    fallbackContractId: pool.id,
    overage: { policy, rateCentsPerHour: 6000 },
    quotaSchedule: [{ effectiveMonth: "2026-01", monthlyQuotaMinutes: 300 }],
  });
  let poolUsage: PoolUsage = newPool(pool.id, 1200);
  const periods = new Map<string, PeriodUsage>();
  const bookings: LiveBooking[] = [];
  const closedSnapshots = new Map<string, string>();

  const context = (contract: Contract, month: string): BookingContext => ({
    contract,
    period: contract.kind === "monthly" ? (periods.get(month) ?? null) : null,
    pool: { contract: pool, usage: poolUsage },
  });
  const snapshot = (month: string) =>
    JSON.stringify({ period: periods.get(month) ?? null, poolMonth: poolUsage.months[month] ?? null });

  for (const step of operations) {
    try {
      if (step.op === "book") {
        const month = MONTHS[step.month] as string;
        const date = `${month}-${String(step.day).padStart(2, "0")}`;
        const contract = step.onMonthly ? monthly : pool;
        const change = planBooking(context(contract, month), {
          date,
          minutes: step.minutes,
          category: step.category,
        });
        if (change.period) periods.set(month, change.period);
        if (change.pool) poolUsage = change.pool;
        bookings.push({ contractId: contract.id, date, ...change.split, reversed: false });
      } else if (step.op === "reverse") {
        const live = bookings.filter((b) => !b.reversed);
        const target = live[step.pick % Math.max(1, live.length)];
        if (!target) continue;
        const contract = target.contractId === monthly.id ? monthly : pool;
        const change = planReversal(context(contract, target.date.slice(0, 7)), target);
        if (change.period) periods.set(target.date.slice(0, 7), change.period);
        if (change.pool) poolUsage = change.pool;
        target.reversed = true;
      } else if (step.op === "topUp") {
        poolUsage = { ...poolUsage, totalMinutes: poolUsage.totalMinutes + step.minutes };
      } else if (step.op === "quota") {
        const month = MONTHS[step.month] as string;
        if (monthly.kind !== "monthly" || (monthly.closedThroughMonth && month <= monthly.closedThroughMonth))
          continue;
        const usage = MONTHS.filter((m) => m >= month).map((m) => periods.get(m)?.usedMinutes ?? 0);
        if (usage.some((used) => used > step.quota)) continue; // quota_below_usage
        monthly = { ...monthly, quotaSchedule: withQuotaFrom(monthly.quotaSchedule, month, step.quota) };
      } else {
        const next: string | undefined = monthly.closedThroughMonth
          ? MONTHS[MONTHS.indexOf(monthly.closedThroughMonth) + 1]
          : MONTHS[0];
        if (!next) continue;
        monthly = { ...monthly, closedThroughMonth: next };
        pool = { ...pool, closedThroughMonth: next };
        closedSnapshots.set(next, snapshot(next));
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }

    // The used counters always equal the sum of the live bookings.
    for (const month of MONTHS) {
      const live = bookings.filter(
        (b) => !b.reversed && b.contractId === monthly.id && b.date.startsWith(month),
      );
      const period = periods.get(month) ?? emptyPeriod(monthly.id, month);
      expect(period.usedMinutes).toBe(live.reduce((t, b) => t + b.fromQuotaMinutes, 0));
      expect(period.fromPoolMinutes).toBe(live.reduce((t, b) => t + b.fromPoolMinutes, 0));
      expect(period.overageMinutes).toBe(live.reduce((t, b) => t + b.overageMinutes, 0));
    }
    const drawn = bookings.filter((b) => !b.reversed).reduce((t, b) => t + b.fromPoolMinutes, 0);
    expect(poolUsage.usedMinutes).toBe(drawn);
    // Nothing is overdrawn: the pool never goes below zero, and `block` never records overage.
    expect(poolRemaining(poolUsage)).toBeGreaterThanOrEqual(0);
    if (policy === "block") expect(bookings.every((b) => b.reversed || b.overageMinutes === 0)).toBe(true);
    // A closed month never changes.
    for (const [month, frozen] of closedSnapshots) expect(snapshot(month)).toBe(frozen);
  }
  return { monthly, periods };
}

describe("ledger (property)", () => {
  it("keeps counters equal to live bookings, never overdraws under block, and never changes a closed month", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        run("block", operations);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the same invariants under policy bill, recording what does not fit as overage", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        run("bill", operations);
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a month's quota draw exceed the quota that was in force when it was booked", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const { monthly, periods } = run(
          "block",
          operations.filter((o) => o.op !== "quota"),
        );
        for (const [month, period] of periods) {
          if (monthly.kind === "monthly")
            expect(period.usedMinutes).toBeLessThanOrEqual(quotaFor(monthly, month));
        }
      }),
      { numRuns: 200 },
    );
  });
});
