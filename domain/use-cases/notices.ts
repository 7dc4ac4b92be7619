import type { Alert } from "../alert.js";
import {
  addMonths,
  dateIn,
  daysBetween,
  firstDayOf,
  type IsoDate,
  isoInstant,
  lastDayOf,
  monthOf,
} from "../calendar.js";
import {
  type Contract,
  isActiveOn,
  type MonthlyContract,
  type PrepaidContract,
  quotaFor,
} from "../contract.js";
import { poolRemaining } from "../ledger.js";
import type { AlertWrites } from "../repositories.js";
import type { StoreOf, UseCaseDeps } from "./deps.js";

/** What the expiry notices read and write: the active contracts, their usage, the alerts. */
export type NoticeStore = StoreOf<"monthClose" | "usage"> & { alerts: AlertWrites };

/** `quota.expiring`: this many days before a month ends… */
export const QUOTA_EXPIRING_DAYS = 5;
/** …when more than this share of the month's quota is unused. */
export const QUOTA_EXPIRING_UNUSED_PERCENT = 20;
/** `pool.expiring`: this many days before a pool's term ends, with time left. */
export const POOL_EXPIRING_DAYS = 30;

/** Contracts read per page, and notices checked at once. */
const PAGE_SIZE = 500;
const CONCURRENCY = 8;

export interface NoticeRun {
  day: IsoDate;
  checkedContracts: number;
  /** Alerts stored by this run; a notice already given for its cause is not given again. */
  raised: Alert[];
}

/**
 * Gives the notices before loss (SPEC §1): `quota.expiring` in the last days of a month when much of
 * the quota is unused, `pool.expiring` in the last 30 days of a term with time left. Each is stored
 * once per cause (contract-month, or pool), so the daily run may repeat, and a missed day is caught up.
 */
export async function raiseExpiryNotices(deps: UseCaseDeps<NoticeStore>, at: Date): Promise<NoticeRun> {
  const day = dateIn(deps.billingTimezone, at);
  const run: NoticeRun = { day, checkedContracts: 0, raised: [] };
  let cursor: string | undefined;
  do {
    const page = await deps.store.monthClose.listActiveContracts({ limit: PAGE_SIZE, cursor });
    run.checkedContracts += page.items.length;
    const raised = await mapLimit(page.items, CONCURRENCY, async (contract) => {
      const alert = await noticeFor(deps, contract, day, at);
      return alert && (await deps.store.alerts.saveAlert(alert)) ? alert : null;
    });
    for (const alert of raised) if (alert) run.raised.push(alert);
    cursor = page.cursor;
  } while (cursor);
  return run;
}

async function noticeFor(
  deps: UseCaseDeps<StoreOf<"usage">>,
  contract: Contract,
  day: IsoDate,
  at: Date,
): Promise<Alert | null> {
  return contract.kind === "monthly"
    ? quotaExpiring(deps, contract, day, at)
    : poolExpiring(deps, contract, day, at);
}

async function quotaExpiring(
  deps: UseCaseDeps<StoreOf<"usage">>,
  contract: MonthlyContract,
  day: IsoDate,
  at: Date,
): Promise<Alert | null> {
  const month = monthOf(day);
  const daysLeft = daysBetween(day, firstDayOf(addMonths(month, 1)));
  if (daysLeft > QUOTA_EXPIRING_DAYS || !isActiveOn(contract, day)) return null;
  const quota = quotaFor(contract, month);
  if (quota <= 0) return null;
  const used = (await deps.store.usage.getPeriod(contract.id, month))?.usedMinutes ?? 0;
  const unused = Math.max(0, quota - used);
  if (unused * 100 <= QUOTA_EXPIRING_UNUSED_PERCENT * quota) return null;
  return {
    id: deps.ids.newId("alr"),
    type: "quota.expiring",
    customerId: contract.customerId,
    contractId: contract.id,
    month,
    at: isoInstant(at),
    details: {
      quotaMinutes: quota,
      usedMinutes: used,
      unusedMinutes: unused,
      unusedPercent: Math.floor((unused * 100) / quota),
      monthEndsOn: lastDayOf(month),
    },
  };
}

async function poolExpiring(
  deps: UseCaseDeps<StoreOf<"usage">>,
  contract: PrepaidContract,
  day: IsoDate,
  at: Date,
): Promise<Alert | null> {
  const daysLeft = daysBetween(day, contract.endDate);
  if (daysLeft <= 0 || daysLeft > POOL_EXPIRING_DAYS || !isActiveOn(contract, day)) return null;
  const pool = await deps.store.usage.getPool(contract.id);
  const remaining = pool ? Math.max(0, poolRemaining(pool)) : 0;
  if (remaining <= 0) return null;
  return {
    id: deps.ids.newId("alr"),
    type: "pool.expiring",
    customerId: contract.customerId,
    contractId: contract.id,
    at: isoInstant(at),
    details: { remainingMinutes: remaining, termEnd: contract.endDate, daysLeft },
  };
}

/** Maps with at most `limit` calls in flight, keeping the order. */
export async function mapLimit<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
