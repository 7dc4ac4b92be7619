import type { Booking } from "../../domain/booking.js";
import type { Contract } from "../../domain/contract.js";
import type { PeriodUsage, PoolUsage } from "../../domain/ledger.js";
import { keys } from "./keys.js";

/** The items the stores write for contracts and the ledger (also for seeding tests and benchmarks). */

/** The item of a contract (also for seeding benchmarks with real shapes). */
export function contractItem(contract: Contract): Record<string, unknown> {
  return {
    ...keys.contract(contract.id),
    ...keys.contractOfCustomer(contract.customerId, contract.id),
    ...keys.allContracts(contract.id),
    entity: "contract",
    ...contract,
  };
}

/**
 * The item of a month's usage, written under the contract's `termsVersion` (how a booking's
 * transaction proves its terms: ledger-store.ts `TermsProof`). Also for seeding tests and benchmarks.
 */
export function periodItem(period: PeriodUsage, termsVersion: number): Record<string, unknown> {
  return { ...keys.period(period.contractId, period.month), entity: "period", ...period, termsVersion };
}

/** A pool's item, written under its contract's `termsVersion`; its draws per month as two flat maps. */
export function poolItem(pool: PoolUsage, termsVersion: number): Record<string, unknown> {
  const { months, ...rest } = pool;
  const usedByMonth: Record<string, number> = {};
  const overageByMonth: Record<string, number> = {};
  for (const [month, draw] of Object.entries(months)) {
    usedByMonth[month] = draw.usedMinutes;
    overageByMonth[month] = draw.overageMinutes;
  }
  return {
    ...keys.pool(pool.contractId),
    entity: "pool",
    ...rest,
    usedByMonth,
    overageByMonth,
    termsVersion,
  };
}

/** Booking fields the item leaves out when they are zero: the split of its minutes. */
const ZERO_OMITTED = new Set(["fromQuotaMinutes", "fromPoolMinutes", "overageMinutes"]);

/**
 * The item of a booking (also for seeding benchmarks with real shapes), as stored. Every booking goes
 * through the booking transaction, where each attribute costs, so the item leaves out what its key
 * already says (id, contract, month: `keys.bookingOfKey`), its empty fields (no pool, no ticket, not
 * reversed) and the parts of its split that are zero; the parser restores them all.
 */
export function bookingItem(booking: Booking): Record<string, unknown> {
  const { pk, sk } = keys.booking(booking.contractId, booking.id);
  // Built from a plain literal and a loop over the names: a spread-built object taking ~20 more
  // properties, or `Object.entries`, costs ~8x as much, on every booking.
  const item: Record<string, unknown> = { pk, sk, entity: "booking" };
  const fields = booking as unknown as Record<string, unknown>;
  const names = Object.keys(fields);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = fields[name];
    if (value === null || name === "id" || name === "contractId" || name === "month") continue;
    if (value === 0 && ZERO_OMITTED.has(name)) continue;
    item[name] = value;
  }
  return item;
}
