import type { Booking } from "../../domain/booking.js";
import { monthOf } from "../../domain/calendar.js";
import {
  type Category,
  type MonthlyContract,
  type NewMonthlyContract,
  type NewPrepaidContract,
  newContract,
  type PrepaidContract,
} from "../../domain/contract.js";
import {
  type BookingContext,
  emptyPeriod,
  type PeriodUsage,
  type PoolUsage,
  planBooking,
} from "../../domain/ledger.js";
import { FixedClock, type IdGenerator } from "../../domain/ports.js";
import type { MonthClosePlan } from "../../domain/statement.js";

/** Fixture factories for the month close tests: contracts, and bookings applied through the ledger. */

let counter = 0;
export const sequentialIds: IdGenerator = {
  newId: (prefix) => `${prefix}_${String(++counter).padStart(8, "0")}`,
};

const fixtureDeps = { clock: new FixedClock(new Date("2026-01-01T00:00:00Z")), ids: sequentialIds };

export function monthlyContract(overrides: Partial<NewMonthlyContract> = {}): MonthlyContract {
  return newContract(
    {
      customerId: "cus_1",
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: "2026-01",
      feeCentsPerMonth: 50_000,
      overage: { policy: "bill", rateCentsPerHour: 9_000 },
      ...overrides,
    },
    fixtureDeps,
  ) as MonthlyContract;
}

export function prepaidContract(overrides: Partial<NewPrepaidContract> = {}): PrepaidContract {
  return newContract(
    {
      customerId: "cus_1",
      kind: "prepaid",
      monthlyBasisMinutes: 100,
      termYears: 1,
      startDate: "2026-01-15",
      priceCents: 500_000,
      ...overrides,
    },
    fixtureDeps,
  ) as PrepaidContract;
}

export interface Ledger {
  contract: MonthlyContract | PrepaidContract;
  period: PeriodUsage | null;
  pool: PoolUsage | null;
  bookings: Booking[];
}

/** Books through the real ledger (planBooking); refusals are returned, not thrown. */
export function book(
  ledger: Ledger,
  date: string,
  minutes: number,
  category: Category = "service",
  description = "Work",
): Booking | Error {
  const month = monthOf(date);
  const context: BookingContext = {
    contract: ledger.contract,
    period:
      ledger.contract.kind === "monthly"
        ? ledger.period && ledger.period.month === month
          ? ledger.period
          : emptyPeriod(ledger.contract.id, month)
        : null,
    pool:
      ledger.contract.kind === "prepaid" && ledger.pool
        ? { contract: ledger.contract, usage: ledger.pool }
        : null,
  };
  try {
    const change = planBooking(context, { date, minutes, category });
    if (change.period) ledger.period = { ...change.period, version: change.period.version + 1 };
    if (change.pool) ledger.pool = { ...change.pool, version: change.pool.version + 1 };
    const booking: Booking = {
      id: sequentialIds.newId(`bk-${month}`),
      contractId: ledger.contract.id,
      customerId: ledger.contract.customerId,
      date,
      month,
      minutes,
      ...change.split,
      poolContractId: change.split.fromPoolMinutes > 0 ? ledger.contract.id : null,
      category,
      description,
      ticketId: null,
      technician: "tech-1",
      createdAt: `${date}T10:00:00Z`,
      createdBy: "tech-1",
      status: "booked",
      reversal: null,
    };
    ledger.bookings.push(booking);
    return booking;
  } catch (error) {
    return error as Error;
  }
}

/** The contract as the close transaction leaves it. */
export function applyClose<C extends MonthlyContract | PrepaidContract>(
  contract: C,
  plan: MonthClosePlan,
): C {
  return { ...contract, closedThroughMonth: plan.month, status: plan.status, version: contract.version + 1 };
}
