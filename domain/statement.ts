import type { Alert } from "./alert.js";
import type { Booking } from "./booking.js";
import { addDays, addMonths, firstDayOf, type Month, monthOf, monthsBetween } from "./calendar.js";
import {
  CATEGORIES,
  type Category,
  type Contract,
  type ContractKind,
  type ContractStatus,
  isMonthClosed,
  overageCents,
  quotaFor,
} from "./contract.js";
import { emptyPeriod, type PeriodUsage, type PoolUsage, poolRemaining } from "./ledger.js";

/** One booking as a statement lists it. */
export interface StatementBooking {
  id: string;
  date: string;
  minutes: number;
  billedMinutes: number;
  fromQuotaMinutes: number;
  fromPoolMinutes: number;
  overageMinutes: number;
  category: Category;
  description: string;
  ticketId: string | null;
  technician: string;
}

/**
 * A contract-month's figures from its ledger (the contract with the month's usage, or its pool): what
 * the customer had, used, lost and pays. While the month is open they are a preview of the live
 * ledger; the month close freezes them (`ClosedMonthFigures`).
 */
export interface StatementFigures {
  contractId: string;
  customerId: string;
  kind: ContractKind;
  month: Month;
  status: "open" | "closed";
  /** monthly: the month's quota; prepaid: the pool's size (initial pool plus top-ups). */
  quotaMinutes: number;
  /** monthly: minutes drawn from the month's quota; prepaid: minutes drawn from the pool in the month. */
  usedMinutes: number;
  /** Minutes taken from a prepaid pool: the cascade part (monthly), every draw (prepaid). */
  fromPoolMinutes: number;
  overageMinutes: number;
  overageCents: number;
  /** Minutes that expired at the close: a month's unused quota, or a pool's rest at term end. */
  expiredMinutes: number;
  /** monthly: quota left (0 once closed); prepaid: pool left after the month. */
  remainingMinutes: number;
  /** monthly: the flat monthly fee; prepaid: the price, in the month the term starts. */
  feeCents: number;
  /** prepaid: the term; null for monthly. */
  termStart: string | null;
  termEnd: string | null;
  closedAt: string | null;
}

/**
 * What the close of a contract-month stores, once, in the transaction that closes the month: the
 * ledger's figures as they stand then. Nothing of the month's bookings is copied: they are frozen by
 * the close as well (a booking or reversal in a closed month is refused with `period_closed`), so a
 * statement derives its booking list and totals from them when it is read.
 */
export interface ClosedMonthFigures extends StatementFigures {
  status: "closed";
  closedAt: string;
}

/**
 * The statement of one contract for one calendar month: the ledger's figures (frozen once the month
 * is closed) with what is derived from the month's bookings.
 */
export interface ContractStatement extends StatementFigures {
  /** Billed minutes of the contract's own bookings in the month, by work category. */
  usedByCategory: Record<Category, number>;
  /** prepaid: minutes that monthly contracts of the customer drew from this pool by cascade. */
  cascadedInMinutes: number;
  bookingCount: number;
  /** The month's counted bookings (reversed ones are not billed), oldest first. */
  bookings: StatementBooking[];
}

/** The first and last month a contract has statements for; `last` is null for an open-ended quota. */
export function statementMonths(contract: Contract): { first: Month; last: Month | null } {
  if (contract.kind === "monthly") return { first: contract.startMonth, last: contract.endMonth };
  return { first: monthOf(contract.startDate), last: monthOf(addDays(contract.endDate, -1)) };
}

export function hasStatementFor(contract: Contract, month: Month): boolean {
  const { first, last } = statementMonths(contract);
  return month >= first && (last === null || month <= last);
}

/**
 * The months a close through `month` still has to close, oldest first: every month of the contract
 * after its last closed one, up to `month`. Empty when there is nothing (left) to close.
 */
export function monthsToClose(contract: Contract, month: Month): Month[] {
  if (contract.status !== "active") return [];
  const { first, last } = statementMonths(contract);
  const from =
    contract.closedThroughMonth !== null && contract.closedThroughMonth >= first
      ? addMonths(contract.closedThroughMonth, 1)
      : first;
  const to = last !== null && last < month ? last : month;
  return monthsBetween(from, to);
}

/** Whether a prepaid term has ended by the end of `month` (its exclusive end is on or before the 1st after). */
export function termEndsBy(endDate: string, month: Month): boolean {
  return endDate <= firstDayOf(addMonths(month, 1));
}

export function statementBooking(booking: Booking): StatementBooking {
  return {
    id: booking.id,
    date: booking.date,
    minutes: booking.minutes,
    billedMinutes: booking.billedMinutes,
    fromQuotaMinutes: booking.fromQuotaMinutes,
    fromPoolMinutes: booking.fromPoolMinutes,
    overageMinutes: booking.overageMinutes,
    category: booking.category,
    description: booking.description,
    ticketId: booking.ticketId,
    technician: booking.technician,
  };
}

function counted(bookings: Booking[], month: Month): Booking[] {
  return bookings
    .filter((b) => b.status === "booked" && b.month === month)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
}

function byCategory(bookings: Booking[]): Record<Category, number> {
  const used = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const booking of bookings) used[booking.category] += booking.billedMinutes;
  return used;
}

/**
 * The statement of a contract-month: its figures with what the month's bookings give (any status, as
 * read; reversed ones and other months' are left out). For a closed month the figures are the frozen
 * ones and the bookings cannot change either, so the statement is the same at every read.
 */
export function statementOf(figures: StatementFigures, monthBookings: Booking[]): ContractStatement {
  const bookings = counted(monthBookings, figures.month);
  // A pool's month counts its own draws and those of monthly contracts cascading into it.
  const ownDraws = bookings.reduce((sum, b) => sum + b.fromPoolMinutes, 0);
  return {
    ...figures,
    usedByCategory: byCategory(bookings),
    cascadedInMinutes: figures.kind === "prepaid" ? Math.max(0, figures.usedMinutes - ownDraws) : 0,
    bookingCount: bookings.length,
    bookings: bookings.map(statementBooking),
  };
}

/** The ledger state of a contract-month, as read from the store. */
export interface MonthLedger {
  contract: Contract;
  month: Month;
  /** monthly: the month's usage (null when nothing was booked). */
  period: PeriodUsage | null;
  /** prepaid: the contract's own pool. */
  pool: PoolUsage | null;
}

/** What a statement preview is built from: the month's ledger and its bookings. */
export interface StatementSource extends MonthLedger {
  /** The contract's bookings of the month (any status). */
  bookings: Booking[];
}

/**
 * The figures of a month as its ledger stands. `closing` computes what the close freezes: unused quota
 * expires, and a pool whose term ended expires its rest.
 */
function figuresOf(ledger: MonthLedger, closing: { closedAt: string } | null): StatementFigures {
  const { contract, month } = ledger;
  const closed = closing !== null || isMonthClosed(contract, month);
  const common = {
    contractId: contract.id,
    customerId: contract.customerId,
    kind: contract.kind,
    month,
    status: closed ? ("closed" as const) : ("open" as const),
    closedAt: closing?.closedAt ?? null,
  };
  if (contract.kind === "monthly") {
    const period = ledger.period ?? emptyPeriod(contract.id, month);
    const quota = quotaFor(contract, month);
    const unused = Math.max(0, quota - period.usedMinutes);
    return {
      ...common,
      quotaMinutes: quota,
      usedMinutes: period.usedMinutes,
      fromPoolMinutes: period.fromPoolMinutes,
      overageMinutes: period.overageMinutes,
      overageCents: overageCents(period.overageMinutes, contract.overage.rateCentsPerHour),
      expiredMinutes: closing ? unused : period.expiredMinutes,
      remainingMinutes: closed ? 0 : unused,
      feeCents: contract.feeCentsPerMonth,
      termStart: null,
      termEnd: null,
    };
  }
  if (!ledger.pool) throw new Error(`Pool of contract ${contract.id} is missing`);
  const pool = ledger.pool;
  const drawn = pool.months[month] ?? { usedMinutes: 0, overageMinutes: 0 };
  const usedThroughMonth = Object.entries(pool.months)
    .filter(([m]) => m <= month)
    .reduce((sum, [, usage]) => sum + usage.usedMinutes, 0);
  const expiring = closing !== null && termEndsBy(contract.endDate, month);
  const expiredNow = expiring ? Math.max(0, poolRemaining(pool)) : 0;
  return {
    ...common,
    quotaMinutes: pool.totalMinutes,
    usedMinutes: drawn.usedMinutes,
    fromPoolMinutes: drawn.usedMinutes,
    overageMinutes: drawn.overageMinutes,
    overageCents: overageCents(drawn.overageMinutes, contract.overage.rateCentsPerHour),
    expiredMinutes: expiredNow,
    remainingMinutes: Math.max(0, pool.totalMinutes - usedThroughMonth - pool.expiredMinutes - expiredNow),
    feeCents: month === monthOf(contract.startDate) ? contract.priceCents : 0,
    termStart: contract.startDate,
    termEnd: contract.endDate,
  };
}

/** The statement of an open month as it stands: a preview from the live ledger and bookings. */
export function previewStatement(source: StatementSource): ContractStatement {
  return statementOf(figuresOf(source, null), source.bookings);
}

/** Everything the close of one contract-month writes, in one transaction. */
export interface MonthClosePlan {
  contractId: string;
  month: Month;
  /** The contract's version as read: the close is refused if anything changed it since. */
  contractVersion: number;
  /** The contract's status after the close. */
  status: ContractStatus;
  /** monthly: the month with its expired minutes, carrying the version read (0: not yet written). */
  period: PeriodUsage | null;
  /** prepaid: the pool, carrying the version read; `poolExpires` when its rest expires now. */
  pool: PoolUsage | null;
  poolExpires: boolean;
  /** What the statement keeps of the month, stored once. */
  figures: ClosedMonthFigures;
  /** `quota.expired`, when minutes expired. */
  alert: Alert | null;
}

/**
 * Plans the close of `ledger.month` from the month's ledger alone: its bookings are not needed (they
 * stay where they are, frozen by the close). Pure: the caller reads the state, this decides, the
 * store writes it all or nothing. The month must be open and be the contract's oldest open month.
 */
export function planMonthClose(
  ledger: MonthLedger,
  closing: { closedAt: string; alertId: string },
): MonthClosePlan {
  const { contract, month } = ledger;
  if (isMonthClosed(contract, month)) {
    throw new Error(`Month ${month} of contract ${contract.id} is already closed`);
  }
  const figures: ClosedMonthFigures = {
    ...figuresOf(ledger, { closedAt: closing.closedAt }),
    status: "closed",
    closedAt: closing.closedAt,
  };
  let status: ContractStatus = contract.status;
  let period: PeriodUsage | null = null;
  let pool: PoolUsage | null = null;
  let poolExpires = false;
  if (contract.kind === "monthly") {
    const read = ledger.period ?? emptyPeriod(contract.id, month);
    period = { ...read, expiredMinutes: figures.expiredMinutes };
    if (contract.endMonth !== null && month >= contract.endMonth) status = "ended";
  } else {
    const read = ledger.pool;
    if (!read) throw new Error(`Pool of contract ${contract.id} is missing`);
    poolExpires = termEndsBy(contract.endDate, month);
    pool = poolExpires ? { ...read, expiredMinutes: read.expiredMinutes + figures.expiredMinutes } : read;
    if (poolExpires) status = "expired";
  }
  const alert: Alert | null =
    figures.expiredMinutes > 0
      ? {
          id: closing.alertId,
          type: "quota.expired",
          customerId: contract.customerId,
          contractId: contract.id,
          month,
          at: closing.closedAt,
          details: {
            kind: contract.kind,
            expiredMinutes: figures.expiredMinutes,
            quotaMinutes: figures.quotaMinutes,
            usedMinutes: figures.usedMinutes,
          },
        }
      : null;
  return {
    contractId: contract.id,
    month,
    contractVersion: contract.version,
    status,
    period,
    pool,
    poolExpires,
    figures,
    alert,
  };
}
