import type { Alert } from "./alert.js";
import type { Booking, Reversal } from "./booking.js";
import type { Month } from "./calendar.js";
import type { Contract } from "./contract.js";
import type { Customer } from "./customer.js";
import type { BookingContext, PeriodUsage, PoolUsage } from "./ledger.js";
import type { ContractStatement, MonthClosePlan } from "./statement.js";

/**
 * The ports the use cases need from storage. The DynamoDB adapter in domain/store implements them;
 * the core never imports it.
 */

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** A stored response to replay for a retried request with the same `Idempotency-Key`. */
export interface IdempotentResponse {
  statusCode: number;
  body: unknown;
}

/** Claims an `Idempotency-Key` in the same write as the effect it protects. */
export interface IdempotencyClaim {
  /** The key, already scoped to the caller. */
  key: string;
  /** Hash of what was asked (method, path, body); the same key with another fingerprint is a conflict. */
  fingerprint: string;
  response: IdempotentResponse;
}

export interface CustomerRepository {
  putCustomer(customer: Customer): Promise<void>;
  getCustomer(id: string): Promise<Customer | null>;
  listCustomers(page: PageRequest): Promise<Page<Customer>>;
}

export interface ContractRepository {
  /** Writes a contract, and for a prepaid contract its pool, together. */
  createContract(contract: Contract, pool: PoolUsage | null): Promise<void>;
  getContract(id: string): Promise<Contract | null>;
  listContractsOfCustomer(customerId: string): Promise<Contract[]>;
  /**
   * Replaces the contract if it still has `expectedVersion`, and only if each listed period's used
   * minutes are at most `maxUsedMinutes` (else `QuotaBelowUsageError`). `stale` when the version moved.
   */
  replaceContract(
    contract: Contract,
    expectedVersion: number,
    usageLimits: { month: Month; maxUsedMinutes: number }[],
  ): Promise<"written" | "stale">;
  /** Adds minutes to a pool and records the top-up. */
  addTopUp(topUp: TopUp): Promise<PoolUsage>;
}

export interface TopUp {
  id: string;
  contractId: string;
  minutes: number;
  note: string | null;
  at: string;
  by: string;
}

/** Why a ledger write did not happen. */
export type LedgerWriteOutcome =
  | { outcome: "written" }
  /** Something the plan was based on changed; reload the context and plan again. */
  | { outcome: "stale" }
  /** The idempotency key was already used; this is what it stored. */
  | { outcome: "replayed"; fingerprint: string; response: IdempotentResponse };

export interface LedgerRepository {
  /**
   * What a booking on `contractId` in `month` depends on. `fresh` bypasses any cache; a stale cache
   * is otherwise safe, since every write checks the versions it was planned on.
   */
  loadBookingContext(
    contractId: string,
    month: Month,
    options?: { fresh?: boolean },
  ): Promise<BookingContext | null>;
  /** Writes a booking with its ledger change (and alerts) atomically, if `context` is still current. */
  commitBooking(write: {
    context: BookingContext;
    booking: Booking;
    period: PeriodUsage | null;
    pool: PoolUsage | null;
    alerts: Alert[];
    idempotency: IdempotencyClaim | null;
  }): Promise<LedgerWriteOutcome>;
  commitReversal(write: {
    context: BookingContext;
    booking: Booking;
    reversal: Reversal;
    period: PeriodUsage | null;
    pool: PoolUsage | null;
  }): Promise<LedgerWriteOutcome>;
  getBooking(contractId: string, bookingId: string): Promise<Booking | null>;
  /** Bookings of a month, newest first. */
  listBookings(contractId: string, month: Month, page: PageRequest): Promise<Page<Booking>>;
  getPeriod(contractId: string, month: Month): Promise<PeriodUsage | null>;
  getPool(contractId: string): Promise<PoolUsage | null>;
}

export interface IdempotencyRepository {
  /** The stored record for `key`, if one is still within its lifetime. */
  find(key: string): Promise<{ fingerprint: string; response: IdempotentResponse | null } | null>;
  /** Claims `key` before a multi-step effect; false when someone already holds it. */
  begin(key: string, fingerprint: string): Promise<boolean>;
  complete(key: string, fingerprint: string, response: IdempotentResponse): Promise<void>;
  /** Releases a claim whose request failed, so a retry can run. */
  release(key: string): Promise<void>;
}

export interface AlertRepository {
  /** Stores an alert once per cause; false when that cause already has its alert. */
  saveAlert(alert: Alert): Promise<boolean>;
  listAlerts(query: {
    customerId?: string | undefined;
    type?: string | undefined;
    since?: string | undefined;
    limit: number;
  }): Promise<Alert[]>;
}

/** What a contract-month's close (and its statement preview) reads. */
export interface MonthState {
  contract: Contract;
  /** monthly: the month's usage, null when nothing was booked. */
  period: PeriodUsage | null;
  /** prepaid: the contract's pool. */
  pool: PoolUsage | null;
}

export interface MonthCloseRepository extends Pick<AlertRepository, "saveAlert"> {
  /** Contracts whose status is `active` (the ones a close or a notice may concern), a page at a time. */
  listActiveContracts(page: PageRequest): Promise<Page<Contract>>;
  /** The contract with the month's usage (monthly) or its pool (prepaid), read consistently. */
  loadMonthState(contractId: string, month: Month): Promise<MonthState | null>;
  /** Every booking of the contract dated in `month` (any status), read consistently. */
  listMonthBookings(contractId: string, month: Month): Promise<Booking[]>;
  /**
   * Closes a contract-month: the contract (closed through the month, version bumped), the period or
   * pool, the statement and the alert, all or nothing. `stale` when the contract, the month's usage
   * or the pool changed since they were read (or a concurrent close won): read again and re-plan.
   */
  commitMonthClose(plan: MonthClosePlan): Promise<"written" | "stale">;
  /** Stored statements (closed months only); absent ones are left out. */
  getStatements(wanted: { contractId: string; month: Month }[]): Promise<ContractStatement[]>;
}

export interface Store
  extends CustomerRepository,
    ContractRepository,
    LedgerRepository,
    MonthCloseRepository {
  idempotency: IdempotencyRepository;
}
