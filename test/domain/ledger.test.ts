import { describe, expect, it } from "vitest";
import { billedMinutes, quotaFor, withQuotaFrom } from "../../domain/contract.js";
import {
  burnMinutesPerMonth,
  emptyPeriod,
  monthBalance,
  newPool,
  planBooking,
  planReversal,
  poolBalance,
} from "../../domain/ledger.js";
import { monthlyContract, prepaidContract } from "../support/fixtures.js";

describe("billing increment", () => {
  it("rounds booked minutes up to the increment", () => {
    expect(billedMinutes(1, 15)).toBe(15);
    expect(billedMinutes(15, 15)).toBe(15);
    expect(billedMinutes(16, 15)).toBe(30);
    expect(billedMinutes(7, 1)).toBe(7);
  });
});

describe("quota schedule", () => {
  it("applies a change from its month on and keeps earlier months", () => {
    const schedule = withQuotaFrom([{ effectiveMonth: "2026-01", monthlyQuotaMinutes: 600 }], "2026-04", 900);
    const contract = monthlyContract({ quotaSchedule: schedule });
    expect(quotaFor(contract, "2026-03")).toBe(600);
    expect(quotaFor(contract, "2026-04")).toBe(900);
    expect(quotaFor(contract, "2027-01")).toBe(900);
  });

  it("replaces later entries when a change is made from an earlier month", () => {
    const schedule = withQuotaFrom(
      [
        { effectiveMonth: "2026-01", monthlyQuotaMinutes: 600 },
        { effectiveMonth: "2026-06", monthlyQuotaMinutes: 300 },
      ],
      "2026-03",
      450,
    );
    expect(schedule).toEqual([
      { effectiveMonth: "2026-01", monthlyQuotaMinutes: 600 },
      { effectiveMonth: "2026-03", monthlyQuotaMinutes: 450 },
    ]);
  });
});

describe("planBooking", () => {
  it("refuses a closed month with period_closed", () => {
    const contract = monthlyContract({ closedThroughMonth: "2026-03" });
    expect(() =>
      planBooking(
        { contract, period: null, pool: null },
        { date: "2026-03-31", minutes: 30, category: "service" },
      ),
    ).toThrowError(expect.objectContaining({ code: "period_closed" }));
  });

  it("raises the 80 % and 100 % thresholds once each", () => {
    const contract = monthlyContract();
    const first = planBooking(
      { contract, period: null, pool: null },
      { date: "2026-02-10", minutes: 480, category: "service" },
    );
    expect(first.thresholds.map((t) => t.percent)).toEqual([80]);
    const second = planBooking(
      { contract, period: first.period, pool: null },
      { date: "2026-02-11", minutes: 120, category: "service" },
    );
    expect(second.thresholds.map((t) => t.percent)).toEqual([100]);
    const reversed = planReversal(
      { contract, period: second.period, pool: null },
      {
        date: "2026-02-11",
        fromQuotaMinutes: 120,
        fromPoolMinutes: 0,
        overageMinutes: 0,
      },
    );
    const again = planBooking(
      { contract, period: reversed.period, pool: null },
      { date: "2026-02-12", minutes: 120, category: "service" },
    );
    expect(again.thresholds).toEqual([]);
  });

  it("does not cascade into a pool that does not cover the category", () => {
    const pool = prepaidContract({ categories: ["project"] });
    const contract = monthlyContract({
      fallbackContractId: pool.id,
      quotaSchedule: [{ effectiveMonth: "2026-01", monthlyQuotaMinutes: 0 }],
    });
    expect(() =>
      planBooking(
        { contract, period: null, pool: { contract: pool, usage: newPool(pool.id, 1200) } },
        { date: "2026-02-10", minutes: 30, category: "service" },
      ),
    ).toThrowError(expect.objectContaining({ code: "quota_exceeded" }));
  });

  it("does not draw from a prepaid pool outside its term", () => {
    const contract = prepaidContract();
    expect(() =>
      planBooking(
        { contract, period: null, pool: { contract, usage: newPool(contract.id, 1200) } },
        { date: "2027-01-01", minutes: 30, category: "service" },
      ),
    ).toThrowError(expect.objectContaining({ code: "contract_inactive" }));
  });
});

describe("forecast", () => {
  it("projects a month's use at the pace so far", () => {
    const contract = monthlyContract();
    const period = { ...emptyPeriod(contract.id, "2026-11"), usedMinutes: 300 };
    const balance = monthBalance(contract, period, "2026-11-10");
    expect(balance.forecast.projectedUsedMinutes).toBe(900);
    expect(balance.forecast.projectedOverageMinutes).toBe(300);
    expect(balance.forecast.projectedExpiringMinutes).toBe(0);
  });

  it("reports a pool's burn rate over the last three months, and when it runs dry", () => {
    const contract = prepaidContract({ startDate: "2026-01-01", endDate: "2027-01-01" });
    const pool = {
      ...newPool(contract.id, 1200),
      usedMinutes: 600,
      months: {
        "2026-08": { usedMinutes: 200, overageMinutes: 0 },
        "2026-09": { usedMinutes: 200, overageMinutes: 0 },
        "2026-10": { usedMinutes: 200, overageMinutes: 0 },
      },
    };
    expect(burnMinutesPerMonth(contract, pool, "2026-10-31")).toBe(200);
    const balance = poolBalance(contract, pool, "2026-10-31");
    expect(balance.remainingMinutes).toBe(600);
    expect(balance.forecast.exhaustsOn).toBeNull();
    expect(balance.forecast.expiringMinutesAtTermEnd).toBeGreaterThan(0);
    const fast = { ...pool, months: { ...pool.months, "2026-10": { usedMinutes: 1000, overageMinutes: 0 } } };
    const hurried = poolBalance(contract, { ...fast, usedMinutes: 1000 }, "2026-10-31");
    expect(hurried.forecast.exhaustsOn).not.toBeNull();
    expect(hurried.forecast.expiringMinutesAtTermEnd).toBe(0);
  });
});
