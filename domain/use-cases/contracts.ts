import { type Actor, assertAllowed, assertSees } from "../access.js";
import { currentDateIn, isoInstant, type Month, monthOf } from "../calendar.js";
import {
  type Contract,
  initialPoolMinutes,
  isMonthClosed,
  type NewContract,
  newContract,
  withQuotaFrom,
} from "../contract.js";
import { ContentionError, NotFoundError, PeriodClosedError, ValidationError } from "../errors.js";
import { type Balance, emptyPeriod, monthBalance, newPool, type PoolUsage, poolBalance } from "../ledger.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "./deps.js";

/** Creates a monthly quota or a prepaid pool for an existing customer. */
export async function createContract(
  deps: UseCaseDeps<StoreOf<"customers" | "contracts">>,
  actor: Actor,
  input: NewContract,
): Promise<Contract> {
  assertAllowed(actor, "contracts.create");
  const customer = await deps.store.customers.getCustomer(input.customerId);
  if (!customer) throw new ValidationError("Unknown customer", { customerId: "no such customer" });
  if (input.kind === "monthly" && input.fallbackContractId) {
    const fallback = await deps.store.contracts.getContract(input.fallbackContractId);
    if (fallback?.kind !== "prepaid" || fallback.customerId !== input.customerId) {
      throw new ValidationError("The fallback must be a prepaid pool of the same customer", {
        fallbackContractId: "must be a prepaid contract of the same customer",
      });
    }
  }
  const contract = newContract(input, deps);
  const pool = contract.kind === "prepaid" ? newPool(contract.id, initialPoolMinutes(contract)) : null;
  if (await deps.store.contracts.createContract(contract, pool)) return contract;
  // A retried request (same Idempotency-Key, so the same id): answer with what the first one made.
  const existing = await deps.store.contracts.getContract(contract.id);
  if (!existing) throw new Error(`Contract ${contract.id} exists but cannot be read`);
  return existing;
}

/** Reads a contract the actor may see, or fails with not_found. */
export async function findContract(
  deps: UseCaseDeps<ContractLookups>,
  actor: Actor,
  contractId: string,
): Promise<Contract> {
  const contract = await deps.store.contracts.getContract(contractId);
  if (!contract) throw new NotFoundError("Contract not found");
  assertSees(actor, contract.customerId, "Contract");
  return contract;
}

export function currentMonth(deps: UseCaseDeps<unknown>): Month {
  return monthOf(today(deps));
}

export function today(deps: UseCaseDeps<unknown>): string {
  return currentDateIn(deps.billingTimezone, deps.clock.now());
}

export async function getContract(
  deps: UseCaseDeps<ContractLookups & StoreOf<"usage">>,
  actor: Actor,
  contractId: string,
): Promise<{ contract: Contract; balance: Balance }> {
  assertAllowed(actor, "contracts.read");
  const contract = await findContract(deps, actor, contractId);
  return { contract, balance: await balanceOf(deps, contract, undefined) };
}

export async function listContracts(
  deps: UseCaseDeps<ContractLookups & StoreOf<"customers">>,
  actor: Actor,
  customerId: string,
): Promise<Contract[]> {
  assertAllowed(actor, "contracts.read");
  assertSees(actor, customerId, "Customer");
  const customer = await deps.store.customers.getCustomer(customerId);
  if (!customer) throw new NotFoundError("Customer not found");
  return deps.store.contracts.listContractsOfCustomer(customerId);
}

export async function getBalance(
  deps: UseCaseDeps<ContractLookups & StoreOf<"usage">>,
  actor: Actor,
  contractId: string,
  month: Month | undefined,
): Promise<Balance> {
  assertAllowed(actor, "contracts.read");
  const contract = await findContract(deps, actor, contractId);
  return balanceOf(deps, contract, month);
}

/** The balance of a month (monthly, default the current month) or of the pool (prepaid). */
export async function balanceOf(
  deps: UseCaseDeps<StoreOf<"usage">>,
  contract: Contract,
  month: Month | undefined,
): Promise<Balance> {
  const day = today(deps);
  if (contract.kind === "monthly") {
    const forMonth = month ?? monthOf(day);
    const period =
      (await deps.store.usage.getPeriod(contract.id, forMonth)) ?? emptyPeriod(contract.id, forMonth);
    return monthBalance(contract, period, day);
  }
  const pool = await deps.store.usage.getPool(contract.id);
  if (!pool) throw new Error(`Pool of contract ${contract.id} is missing`);
  return poolBalance(contract, pool, day);
}

/**
 * Sets the monthly quota from `effectiveMonth` on. The month must not be closed, and no month from
 * then to now may already have used more than the new quota.
 */
export async function changeQuota(
  deps: UseCaseDeps<StoreOf<"contracts">>,
  actor: Actor,
  contractId: string,
  input: { monthlyQuotaMinutes: number; effectiveMonth: Month },
): Promise<Contract> {
  assertAllowed(actor, "contracts.changeQuota");
  for (let attempt = 0; attempt < 5; attempt++) {
    const contract = await findContract(deps, actor, contractId);
    if (contract.kind !== "monthly") {
      throw new ValidationError("Only a monthly contract has a quota; top up a prepaid pool instead", {
        kind: "must be monthly",
      });
    }
    if (isMonthClosed(contract, input.effectiveMonth)) {
      throw new PeriodClosedError(`Month ${input.effectiveMonth} is closed`, { month: input.effectiveMonth });
    }
    if (
      input.effectiveMonth < contract.startMonth ||
      (contract.endMonth && input.effectiveMonth > contract.endMonth)
    ) {
      throw new ValidationError("effectiveMonth is outside the contract", {
        effectiveMonth: `must be within ${contract.startMonth}..${contract.endMonth ?? "open end"}`,
      });
    }
    const changed: Contract = {
      ...contract,
      quotaSchedule: withQuotaFrom(contract.quotaSchedule, input.effectiveMonth, input.monthlyQuotaMinutes),
      version: contract.version + 1,
    };
    if ((await deps.store.contracts.updateContract(contract, changed)) === "written") return changed;
  }
  throw new ContentionError("The contract kept changing; try again");
}

/** Adds minutes to a prepaid pool. */
export async function topUpPool(
  deps: UseCaseDeps<StoreOf<"contracts">>,
  actor: Actor,
  contractId: string,
  input: { minutes: number; note?: string | undefined },
): Promise<{
  id: string;
  contractId: string;
  minutes: number;
  note: string | null;
  at: string;
  pool: PoolUsage;
}> {
  assertAllowed(actor, "contracts.topUp");
  const contract = await findContract(deps, actor, contractId);
  if (contract.kind !== "prepaid") {
    throw new ValidationError("Only a prepaid pool can be topped up", { kind: "must be prepaid" });
  }
  if (contract.status === "expired") {
    throw new ValidationError("The pool has expired", { contractId: "expired" });
  }
  const topUp = {
    id: deps.ids.newId("top"),
    contractId,
    minutes: input.minutes,
    note: input.note ?? null,
    at: isoInstant(deps.clock.now()),
    by: actor.subject,
  };
  const pool = await deps.store.contracts.addTopUp(topUp);
  return { ...topUp, pool };
}
