import { addMonths, addYears, type IsoDate, isoInstant, type Month, monthOf } from "./calendar.js";
import { ContractInactiveError, ValidationError } from "./errors.js";
import type { Clock, IdGenerator } from "./ports.js";
import { DEFAULT_SLA, type SlaTerms } from "./sla-terms.js";

export const CATEGORIES = ["service", "project", "consulting", "training"] as const;
export type Category = (typeof CATEGORIES)[number];

export const DEFAULT_CATEGORIES: Record<ContractKind, Category[]> = {
  monthly: ["service"],
  prepaid: ["service", "project", "consulting", "training"],
};

export type ContractKind = "monthly" | "prepaid";
/** `active` until the close ends it: `ended` for a monthly quota past its end month, `expired` for a pool. */
export type ContractStatus = "active" | "ended" | "expired";

export interface OveragePolicy {
  /** `block`: a booking that does not fit is refused; `bill`: the part that does not fit is overage. */
  policy: "block" | "bill";
  rateCentsPerHour: number;
}

/** From `effectiveMonth` on (until the next entry) the monthly quota is `monthlyQuotaMinutes`. */
export interface QuotaScheduleEntry {
  effectiveMonth: Month;
  monthlyQuotaMinutes: number;
}

interface ContractBase {
  id: string;
  customerId: string;
  status: ContractStatus;
  categories: Category[];
  billingIncrementMinutes: number;
  overage: OveragePolicy;
  sla: SlaTerms;
  /** Months up to and including this one are closed; absent before the first close. */
  closedThroughMonth: Month | null;
  createdAt: string;
  /** Bumped by every change a booking depends on; bookings check it in their transaction. */
  version: number;
}

export interface MonthlyContract extends ContractBase {
  kind: "monthly";
  startMonth: Month;
  endMonth: Month | null;
  quotaSchedule: QuotaScheduleEntry[];
  feeCentsPerMonth: number;
  /** A prepaid pool of the same customer that takes what the month's quota cannot. */
  fallbackContractId: string | null;
}

export interface PrepaidContract extends ContractBase {
  kind: "prepaid";
  monthlyBasisMinutes: number;
  termYears: 1 | 3;
  startDate: IsoDate;
  /** First day after the term (exclusive end). */
  endDate: IsoDate;
  priceCents: number;
}

export type Contract = MonthlyContract | PrepaidContract;

interface NewContractBase {
  customerId: string;
  categories?: Category[] | undefined;
  billingIncrementMinutes?: number | undefined;
  overage?: { policy: "block" | "bill"; rateCentsPerHour?: number | undefined } | undefined;
  sla?: Partial<SlaTerms> | undefined;
}

export interface NewMonthlyContract extends NewContractBase {
  kind: "monthly";
  monthlyQuotaMinutes: number;
  startMonth: Month;
  endMonth?: Month | null | undefined;
  feeCentsPerMonth?: number | undefined;
  fallbackContractId?: string | null | undefined;
}

export interface NewPrepaidContract extends NewContractBase {
  kind: "prepaid";
  monthlyBasisMinutes: number;
  termYears: 1 | 3;
  startDate: IsoDate;
  priceCents?: number | undefined;
}

export type NewContract = NewMonthlyContract | NewPrepaidContract;

export function newContract(input: NewContract, deps: { clock: Clock; ids: IdGenerator }): Contract {
  const base = {
    id: deps.ids.newId("con"),
    customerId: input.customerId,
    status: "active" as const,
    categories: [...new Set(input.categories ?? DEFAULT_CATEGORIES[input.kind])],
    billingIncrementMinutes: input.billingIncrementMinutes ?? 15,
    overage: {
      policy: input.overage?.policy ?? "block",
      rateCentsPerHour: input.overage?.rateCentsPerHour ?? 0,
    },
    sla: { ...DEFAULT_SLA, ...input.sla },
    closedThroughMonth: null,
    createdAt: isoInstant(deps.clock.now()),
    version: 1,
  };
  if (input.kind === "monthly") {
    if (input.endMonth && input.endMonth < input.startMonth) {
      throw new ValidationError("endMonth is before startMonth", {
        endMonth: "must not be before startMonth",
      });
    }
    return {
      ...base,
      kind: "monthly",
      startMonth: input.startMonth,
      endMonth: input.endMonth ?? null,
      quotaSchedule: [{ effectiveMonth: input.startMonth, monthlyQuotaMinutes: input.monthlyQuotaMinutes }],
      feeCentsPerMonth: input.feeCentsPerMonth ?? 0,
      fallbackContractId: input.fallbackContractId ?? null,
    };
  }
  return {
    ...base,
    kind: "prepaid",
    monthlyBasisMinutes: input.monthlyBasisMinutes,
    termYears: input.termYears,
    startDate: input.startDate,
    endDate: addYears(input.startDate, input.termYears),
    priceCents: input.priceCents ?? 0,
  };
}

/** The pool a prepaid contract starts with: `monthlyBasisMinutes × 12 × termYears`. */
export function initialPoolMinutes(contract: PrepaidContract): number {
  return contract.monthlyBasisMinutes * 12 * contract.termYears;
}

/** The monthly quota in force for `month`. */
export function quotaFor(contract: MonthlyContract, month: Month): number {
  let quota = 0;
  for (const entry of contract.quotaSchedule) {
    if (entry.effectiveMonth <= month) quota = entry.monthlyQuotaMinutes;
  }
  return quota;
}

/** The schedule after a change from `effectiveMonth` on: later entries are replaced. */
export function withQuotaFrom(
  schedule: QuotaScheduleEntry[],
  effectiveMonth: Month,
  monthlyQuotaMinutes: number,
): QuotaScheduleEntry[] {
  return [
    ...schedule.filter((e) => e.effectiveMonth < effectiveMonth),
    { effectiveMonth, monthlyQuotaMinutes },
  ];
}

/**
 * The first month whose bookings a change from `previous` to `next` treats differently (another
 * quota, or no longer within the contract), or null when bookings are unaffected (a name, an SLA).
 * A prepaid pool's terms change only through its pool (top-ups, the close).
 */
export function firstMonthWithChangedTerms(previous: Contract, next: Contract): Month | null {
  if (previous.kind !== "monthly" || next.kind !== "monthly") return null;
  const candidates: Month[] = [];
  const starts = new Set([...previous.quotaSchedule, ...next.quotaSchedule].map((e) => e.effectiveMonth));
  for (const month of [...starts].sort()) {
    if (quotaFor(previous, month) !== quotaFor(next, month)) {
      candidates.push(month);
      break;
    }
  }
  if (previous.endMonth !== next.endMonth) {
    const earlier =
      previous.endMonth === null
        ? next.endMonth
        : next.endMonth === null
          ? previous.endMonth
          : [previous.endMonth, next.endMonth].sort()[0];
    if (earlier) candidates.push(addMonths(earlier, 1));
  }
  return candidates.sort()[0] ?? null;
}

/**
 * What a month may hold under `contract` once its terms changed: the quota's minutes, or nothing when
 * the month is no longer within the contract.
 */
export function allowedUsageMinutes(contract: MonthlyContract, month: Month): number {
  if (month < contract.startMonth || (contract.endMonth !== null && month > contract.endMonth)) return 0;
  return quotaFor(contract, month);
}

export function isMonthClosed(contract: Contract, month: Month): boolean {
  return contract.closedThroughMonth !== null && month <= contract.closedThroughMonth;
}

/** Whether work on `date` can be booked against the contract (ignoring whether the month is open). */
export function isActiveOn(contract: Contract, date: IsoDate): boolean {
  if (contract.status === "expired") return false;
  if (contract.kind === "monthly") {
    const month = monthOf(date);
    return month >= contract.startMonth && (contract.endMonth === null || month <= contract.endMonth);
  }
  return date >= contract.startDate && date < contract.endDate;
}

export function assertActiveOn(contract: Contract, date: IsoDate): void {
  if (!isActiveOn(contract, date)) {
    throw new ContractInactiveError(`Contract ${contract.id} is not active on ${date}`, {
      reason: "contract_inactive",
      date,
      ...(contract.kind === "monthly"
        ? { startMonth: contract.startMonth, endMonth: contract.endMonth }
        : { termStart: contract.startDate, termEnd: contract.endDate }),
      status: contract.status,
    });
  }
}

/** Billed minutes: the booked minutes rounded up to the billing increment. */
export function billedMinutes(minutes: number, incrementMinutes: number): number {
  return Math.ceil(minutes / incrementMinutes) * incrementMinutes;
}

/** Overage charge in cents for `minutes` at `rateCentsPerHour`, rounded to the nearest cent. */
export function overageCents(minutes: number, rateCentsPerHour: number): number {
  return Math.round((minutes * rateCentsPerHour) / 60);
}
