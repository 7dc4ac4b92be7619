import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  type IsoDate,
  type Month,
  monthOf,
} from "./calendar.js";
import {
  assertActiveOn,
  billedMinutes,
  type Category,
  type Contract,
  isActiveOn,
  isMonthClosed,
  type MonthlyContract,
  type PrepaidContract,
  quotaFor,
} from "./contract.js";
import { CategoryNotCoveredError, PeriodClosedError, QuotaExceededError, ValidationError } from "./errors.js";

/**
 * The ledger: what a month of a monthly quota and a prepaid pool hold, and how a booking or a reversal
 * changes them. Pure functions over explicit state; the store writes the new state in one transaction,
 * only if the stored state is still the revision (`version`) the plan was made on, so the state after
 * a booking is exactly the planned one (optimistic concurrency).
 */

/** Usage of one calendar month of a monthly quota. */
export interface PeriodUsage {
  contractId: string;
  month: Month;
  /** Billed minutes drawn from the month's quota; never above the quota. */
  usedMinutes: number;
  /** Billed minutes the cascade took from the fallback pool. */
  fromPoolMinutes: number;
  /** Billed minutes beyond quota (and pool) under policy `bill`. */
  overageMinutes: number;
  /** Set once, by the close. */
  expiredMinutes: number;
  /** `quota.threshold` percentages already raised for this month. */
  thresholdsNotified: number[];
  /** Revision of the stored month, bumped by every write (0 while nothing is stored): a plan commits only on the revision it read. */
  version: number;
}

export interface PoolMonth {
  usedMinutes: number;
  overageMinutes: number;
}

/** The pool of a prepaid contract. */
export interface PoolUsage {
  contractId: string;
  /** Initial pool plus top-ups. */
  totalMinutes: number;
  usedMinutes: number;
  overageMinutes: number;
  expiredMinutes: number;
  /** Draws per calendar month, for statements and the burn-rate forecast. */
  months: Record<Month, PoolMonth>;
  thresholdsNotified: number[];
  /** Revision of the stored pool, bumped by every write: a plan commits only on the revision it read. */
  version: number;
}

export const THRESHOLD_PERCENTS = [80, 100] as const;

export function emptyPeriod(contractId: string, month: Month): PeriodUsage {
  return {
    contractId,
    month,
    usedMinutes: 0,
    fromPoolMinutes: 0,
    overageMinutes: 0,
    expiredMinutes: 0,
    thresholdsNotified: [],
    version: 0,
  };
}

export function newPool(contractId: string, totalMinutes: number): PoolUsage {
  return {
    contractId,
    totalMinutes,
    usedMinutes: 0,
    overageMinutes: 0,
    expiredMinutes: 0,
    months: {},
    thresholdsNotified: [],
    version: 1,
  };
}

export function poolRemaining(pool: PoolUsage): number {
  return pool.totalMinutes - pool.usedMinutes - pool.expiredMinutes;
}

/** Everything a booking on one contract and month depends on, as read from the store. */
export interface BookingContext {
  contract: Contract;
  /** The month's usage (monthly contracts only). */
  period: PeriodUsage | null;
  /** The pool drawn from: the contract's own (prepaid) or its fallback (monthly with cascade). */
  pool: { contract: PrepaidContract; usage: PoolUsage } | null;
}

export interface BookingRequest {
  date: IsoDate;
  minutes: number;
  category: Category;
}

/** How a booking's billed minutes are split: quota first, then the pool, then overage. */
export interface BookingSplit {
  billedMinutes: number;
  fromQuotaMinutes: number;
  fromPoolMinutes: number;
  overageMinutes: number;
}

/** A threshold a booking crosses: once per month (quota) or per pool. */
export interface ThresholdCrossing {
  contractId: string;
  month: Month | null;
  percent: number;
  usedMinutes: number;
  limitMinutes: number;
}

export interface LedgerChange {
  split: BookingSplit;
  /** The month's usage after the booking, as planned (monthly contracts). */
  period: PeriodUsage | null;
  /** The pool's usage after the booking, as planned, when it draws from the pool. */
  pool: PoolUsage | null;
  thresholds: ThresholdCrossing[];
  /**
   * Whether the plan depends on the pool's state (it drew from it, or asked it and found it could not
   * help): then the pool must still be as read when the booking commits.
   */
  consultedPool: boolean;
}

function crossings(
  contractId: string,
  month: Month | null,
  before: number,
  after: number,
  limit: number,
  notified: number[],
): ThresholdCrossing[] {
  if (limit <= 0) return [];
  return THRESHOLD_PERCENTS.filter(
    (percent) =>
      !notified.includes(percent) && before * 100 < percent * limit && after * 100 >= percent * limit,
  ).map((percent) => ({ contractId, month, percent, usedMinutes: after, limitMinutes: limit }));
}

function poolCovers(pool: BookingContext["pool"], request: BookingRequest): boolean {
  return (
    pool !== null &&
    isActiveOn(pool.contract, request.date) &&
    pool.contract.categories.includes(request.category) &&
    // A pool's closed month never changes: its statement is final.
    !isMonthClosed(pool.contract, monthOf(request.date))
  );
}

/**
 * Plans a booking: checks the contract covers it and splits its billed minutes into quota, pool and
 * overage. Throws the refusal (`contract_inactive`, `category_not_covered`, `period_closed`,
 * `quota_exceeded`) when it cannot be booked.
 */
export function planBooking(context: BookingContext, request: BookingRequest): LedgerChange {
  const { contract } = context;
  const month = monthOf(request.date);
  if (!Number.isInteger(request.minutes) || request.minutes < 1 || request.minutes > 1440) {
    throw new ValidationError("minutes must be an integer from 1 to 1440", { minutes: "1 to 1440" });
  }
  assertActiveOn(contract, request.date);
  if (!contract.categories.includes(request.category)) {
    throw new CategoryNotCoveredError(
      `Category ${request.category} is not covered by contract ${contract.id}`,
      {
        reason: "category_not_covered",
        category: request.category,
        covered: contract.categories,
      },
    );
  }
  if (isMonthClosed(contract, month)) {
    throw new PeriodClosedError(`Month ${month} is closed for contract ${contract.id}`, {
      reason: "period_closed",
      month,
    });
  }
  const billed = billedMinutes(request.minutes, contract.billingIncrementMinutes);
  if (contract.kind === "monthly") return planMonthly(contract, context, request, month, billed);
  return planPrepaid(contract, context, month, billed);
}

function refuse(
  contract: Contract,
  billed: number,
  remaining: number,
  extra: Record<string, unknown> = {},
): never {
  throw new QuotaExceededError(`Booking of ${billed} billed minutes does not fit contract ${contract.id}`, {
    reason: "quota_exceeded",
    billedMinutes: billed,
    remainingMinutes: remaining,
    ...extra,
  });
}

function planMonthly(
  contract: MonthlyContract,
  context: BookingContext,
  request: BookingRequest,
  month: Month,
  billed: number,
): LedgerChange {
  const period = context.period ?? emptyPeriod(contract.id, month);
  const quota = quotaFor(contract, month);
  const quotaLeft = Math.max(0, quota - period.usedMinutes);
  const fromQuota = Math.min(billed, quotaLeft);
  let rest = billed - fromQuota;
  let fromPool = 0;
  let pool: PoolUsage | null = null;
  let thresholds = crossings(
    contract.id,
    month,
    period.usedMinutes,
    period.usedMinutes + fromQuota,
    quota,
    period.thresholdsNotified,
  );
  const fallback = context.pool && poolCovers(context.pool, request) ? context.pool : null;
  const poolLeft = fallback ? Math.max(0, poolRemaining(fallback.usage)) : 0;
  const askedOfPool = rest;
  if (rest > 0 && fallback && poolLeft > 0) {
    fromPool = Math.min(rest, poolLeft);
    rest -= fromPool;
  }
  if (rest > 0 && contract.overage.policy === "block") {
    refuse(contract, billed, quotaLeft + poolLeft, {
      quotaRemainingMinutes: quotaLeft,
      poolRemainingMinutes: poolLeft,
    });
  }
  if (fromPool > 0 && fallback) {
    const drawn = drawFromPool(fallback.usage, month, fromPool, 0);
    thresholds = [...thresholds, ...poolCrossings(fallback.usage, drawn)];
    pool = withNotified(drawn, thresholds, null);
  }
  const nextPeriod: PeriodUsage = withNotified(
    {
      ...period,
      usedMinutes: period.usedMinutes + fromQuota,
      fromPoolMinutes: period.fromPoolMinutes + fromPool,
      overageMinutes: period.overageMinutes + rest,
    },
    thresholds,
    month,
  );
  return {
    split: {
      billedMinutes: billed,
      fromQuotaMinutes: fromQuota,
      fromPoolMinutes: fromPool,
      overageMinutes: rest,
    },
    period: nextPeriod,
    pool,
    thresholds,
    consultedPool: fallback !== null && askedOfPool > 0,
  };
}

function planPrepaid(
  contract: PrepaidContract,
  context: BookingContext,
  month: Month,
  billed: number,
): LedgerChange {
  if (!context.pool) throw new Error(`Pool of contract ${contract.id} missing from the booking context`);
  const usage = context.pool.usage;
  const left = Math.max(0, poolRemaining(usage));
  const fromPool = Math.min(billed, left);
  const rest = billed - fromPool;
  if (rest > 0 && contract.overage.policy === "block") refuse(contract, billed, left);
  const drawn = drawFromPool(usage, month, fromPool, rest);
  const thresholds = poolCrossings(usage, drawn);
  return {
    split: { billedMinutes: billed, fromQuotaMinutes: 0, fromPoolMinutes: fromPool, overageMinutes: rest },
    period: null,
    pool: withNotified(drawn, thresholds, null),
    thresholds,
    consultedPool: true,
  };
}

function poolCrossings(before: PoolUsage, after: PoolUsage): ThresholdCrossing[] {
  return crossings(
    before.contractId,
    null,
    before.usedMinutes,
    after.usedMinutes,
    before.totalMinutes,
    before.thresholdsNotified,
  );
}

function withNotified<T extends { thresholdsNotified: number[]; contractId: string }>(
  state: T,
  thresholds: ThresholdCrossing[],
  month: Month | null,
): T {
  const raised = thresholds
    .filter((t) => t.contractId === state.contractId && t.month === month)
    .map((t) => t.percent);
  if (raised.length === 0) return state;
  return { ...state, thresholdsNotified: [...state.thresholdsNotified, ...raised].sort((a, b) => a - b) };
}

function drawFromPool(pool: PoolUsage, month: Month, minutes: number, overage: number): PoolUsage {
  const current = pool.months[month] ?? { usedMinutes: 0, overageMinutes: 0 };
  return {
    ...pool,
    usedMinutes: pool.usedMinutes + minutes,
    overageMinutes: pool.overageMinutes + overage,
    months: {
      ...pool.months,
      [month]: {
        usedMinutes: current.usedMinutes + minutes,
        overageMinutes: current.overageMinutes + overage,
      },
    },
  };
}

/** The parts a booking drew, as recorded on it. */
export interface BookedParts {
  date: IsoDate;
  fromQuotaMinutes: number;
  fromPoolMinutes: number;
  overageMinutes: number;
}

/** Gives a booking's minutes back to where they came from. The month must still be open. */
export function planReversal(
  context: BookingContext,
  booked: BookedParts,
): Pick<LedgerChange, "period" | "pool"> {
  const month = monthOf(booked.date);
  if (isMonthClosed(context.contract, month)) {
    throw new PeriodClosedError(`Month ${month} is closed for contract ${context.contract.id}`, {
      reason: "period_closed",
      month,
    });
  }
  let period: PeriodUsage | null = null;
  if (context.contract.kind === "monthly") {
    const current = context.period ?? emptyPeriod(context.contract.id, month);
    period = {
      ...current,
      usedMinutes: current.usedMinutes - booked.fromQuotaMinutes,
      fromPoolMinutes: current.fromPoolMinutes - booked.fromPoolMinutes,
      overageMinutes: current.overageMinutes - booked.overageMinutes,
    };
  }
  let pool: PoolUsage | null = null;
  const poolOverage = context.contract.kind === "prepaid" ? booked.overageMinutes : 0;
  if (context.pool && booked.fromPoolMinutes > 0 && isMonthClosed(context.pool.contract, month)) {
    throw new PeriodClosedError(`Month ${month} is closed for pool ${context.pool.contract.id}`, {
      reason: "period_closed",
      month,
      poolContractId: context.pool.contract.id,
    });
  }
  if (context.pool && (booked.fromPoolMinutes > 0 || poolOverage > 0)) {
    pool = drawFromPool(context.pool.usage, month, -booked.fromPoolMinutes, -poolOverage);
  }
  return { period, pool };
}

/** The balance of one month of a monthly quota, as the API shows it. */
export interface MonthBalance {
  kind: "monthly";
  month: Month;
  status: "open" | "closed";
  quotaMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
  fromPoolMinutes: number;
  overageMinutes: number;
  expiredMinutes: number;
  forecast: {
    /** Billed minutes (quota, pool and overage) projected at month end at the pace so far. */
    projectedUsedMinutes: number;
    projectedExpiringMinutes: number;
    projectedOverageMinutes: number;
  };
}

export interface PoolBalance {
  kind: "prepaid";
  status: "active" | "ended" | "expired";
  totalMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
  overageMinutes: number;
  expiredMinutes: number;
  termStart: IsoDate;
  termEnd: IsoDate;
  forecast: {
    burnMinutesPerMonth: number;
    /** The day the pool runs dry at that pace, or null when it lasts the term. */
    exhaustsOn: IsoDate | null;
    expiringMinutesAtTermEnd: number;
  };
}

export type Balance = MonthBalance | PoolBalance;

/** Days of `month` that have passed by `today` (today counts), between 1 and the month's length. */
function elapsedDays(month: Month, today: IsoDate): number {
  const length = daysInMonth(month);
  const currentMonth = monthOf(today);
  if (month < currentMonth) return length;
  if (month > currentMonth) return 1;
  return Math.min(length, Number(today.slice(8, 10)));
}

export function monthBalance(contract: MonthlyContract, period: PeriodUsage, today: IsoDate): MonthBalance {
  const quota = quotaFor(contract, period.month);
  const booked = period.usedMinutes + period.fromPoolMinutes + period.overageMinutes;
  const closed = isMonthClosed(contract, period.month);
  const projected =
    closed || period.month < monthOf(today)
      ? booked
      : Math.round((booked * daysInMonth(period.month)) / elapsedDays(period.month, today));
  return {
    kind: "monthly",
    month: period.month,
    status: closed ? "closed" : "open",
    quotaMinutes: quota,
    usedMinutes: period.usedMinutes,
    remainingMinutes: closed ? 0 : Math.max(0, quota - period.usedMinutes),
    fromPoolMinutes: period.fromPoolMinutes,
    overageMinutes: period.overageMinutes,
    expiredMinutes: period.expiredMinutes,
    forecast: {
      projectedUsedMinutes: projected,
      projectedExpiringMinutes: closed ? 0 : Math.max(0, quota - projected),
      projectedOverageMinutes: Math.max(0, projected - quota),
    },
  };
}

const AVERAGE_MONTH_DAYS = 30.436875;

export function poolBalance(contract: PrepaidContract, pool: PoolUsage, today: IsoDate): PoolBalance {
  const remaining = Math.max(0, poolRemaining(pool));
  const burn = burnMinutesPerMonth(contract, pool, today);
  const daysLeft = Math.max(0, daysBetween(today, contract.endDate));
  let exhaustsOn: IsoDate | null = null;
  if (burn > 0 && contract.status === "active") {
    const daysToEmpty = Math.ceil((remaining / burn) * AVERAGE_MONTH_DAYS);
    if (daysToEmpty < daysLeft) exhaustsOn = addDays(today, daysToEmpty);
  }
  const expiring =
    contract.status === "expired"
      ? 0
      : Math.max(0, Math.round(remaining - (burn * daysLeft) / AVERAGE_MONTH_DAYS));
  return {
    kind: "prepaid",
    status: contract.status === "expired" ? "expired" : today >= contract.endDate ? "ended" : "active",
    totalMinutes: pool.totalMinutes,
    usedMinutes: pool.usedMinutes,
    remainingMinutes: remaining,
    overageMinutes: pool.overageMinutes,
    expiredMinutes: pool.expiredMinutes,
    termStart: contract.startDate,
    termEnd: contract.endDate,
    forecast: { burnMinutesPerMonth: burn, exhaustsOn, expiringMinutesAtTermEnd: expiring },
  };
}

/**
 * Minutes drawn per month over the last three months (the current one counted by the share of it
 * that has passed), never reaching back before the term started.
 */
export function burnMinutesPerMonth(contract: PrepaidContract, pool: PoolUsage, today: IsoDate): number {
  const current = monthOf(today);
  const startMonth = monthOf(contract.startDate);
  if (current < startMonth) return 0;
  let minutes = 0;
  let span = 0;
  for (let back = 2; back >= 0; back--) {
    const month = addMonths(current, -back);
    if (month < startMonth) continue;
    minutes += pool.months[month]?.usedMinutes ?? 0;
    span += back === 0 ? elapsedDays(month, today) / daysInMonth(month) : 1;
  }
  return span > 0 ? Math.round(minutes / span) : 0;
}
