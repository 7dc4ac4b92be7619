import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../alert.js";
import type { Booking, Reversal } from "../booking.js";
import type { Month } from "../calendar.js";
import type { Contract } from "../contract.js";
import type { Customer } from "../customer.js";
import type { BookingContext, LedgerChange, PeriodUsage, PoolUsage } from "../ledger.js";
import type {
  IdempotencyClaim,
  LedgerWriteOutcome,
  MonthState,
  Page,
  PageRequest,
  Store,
  TopUp,
} from "../repositories.js";
import type { ClosedMonthFigures, MonthClosePlan } from "../statement.js";
import { DynamoAlertStore } from "./alert-store.js";
import { BookingContexts } from "./booking-contexts.js";
import { ContractStore } from "./contract-store.js";
import { CustomerStore } from "./customer-store.js";
import { IdempotencyStore } from "./idempotency-store.js";
import { LedgerStore } from "./ledger-store.js";
import { MonthCloseStore } from "./month-close-store.js";
import { DynamoTicketStore } from "./ticket-store.js";

export interface DynamoStoreOptions {
  /** Booking contexts kept in memory; a stale one costs a retry, never a wrong balance. */
  contextCacheSize?: number;
  /** "now" in epoch seconds, for idempotency lifetimes (a clock port in tests). */
  nowSeconds?: () => number;
}

/**
 * Every repository on the one table, as one `Store`: for tests, the local runtime and whatever needs
 * everything. A Lambda function builds only the repository stores its handlers use (functions/shared),
 * so its bundle carries only those. The stores of one `DynamoStore` share one booking-context cache:
 * a quota change, a top-up or a close drops what the ledger cached for the contract.
 */
export class DynamoStore implements Store {
  readonly customers: CustomerStore;
  readonly contracts: ContractStore;
  readonly ledger: LedgerStore;
  readonly monthClose: MonthCloseStore;
  readonly idempotency: IdempotencyStore;
  readonly tickets: DynamoTicketStore;
  readonly alerts: DynamoAlertStore;

  constructor(doc: DynamoDBDocumentClient, tableName: string, options: DynamoStoreOptions = {}) {
    const table = { doc, name: tableName };
    const contexts = new BookingContexts(options.contextCacheSize ?? 1000);
    const clock = options.nowSeconds ? { nowSeconds: options.nowSeconds } : {};
    this.customers = new CustomerStore(table);
    this.contracts = new ContractStore(table, contexts);
    this.ledger = new LedgerStore(table, contexts, clock);
    this.monthClose = new MonthCloseStore(table, contexts);
    this.idempotency = new IdempotencyStore(table, clock);
    this.tickets = new DynamoTicketStore(doc, tableName);
    this.alerts = new DynamoAlertStore(doc, tableName);
  }

  // ---- customers -------------------------------------------------------------------------------

  putCustomer(customer: Customer): Promise<boolean> {
    return this.customers.putCustomer(customer);
  }
  getCustomer(id: string): Promise<Customer | null> {
    return this.customers.getCustomer(id);
  }
  listCustomers(page: PageRequest): Promise<Page<Customer>> {
    return this.customers.listCustomers(page);
  }

  // ---- contracts -------------------------------------------------------------------------------

  createContract(contract: Contract, pool: PoolUsage | null): Promise<boolean> {
    return this.contracts.createContract(contract, pool);
  }
  getContract(id: string): Promise<Contract | null> {
    return this.contracts.getContract(id);
  }
  listContractsOfCustomer(customerId: string): Promise<Contract[]> {
    return this.contracts.listContractsOfCustomer(customerId);
  }
  replaceContract(
    contract: Contract,
    expectedVersion: number,
    usageLimits: { month: Month; maxUsedMinutes: number }[],
  ): Promise<"written" | "stale"> {
    return this.contracts.replaceContract(contract, expectedVersion, usageLimits);
  }
  addTopUp(topUp: TopUp): Promise<PoolUsage> {
    return this.contracts.addTopUp(topUp);
  }

  // ---- ledger ----------------------------------------------------------------------------------

  loadBookingContext(
    contractId: string,
    month: Month,
    options?: { fresh?: boolean },
  ): Promise<BookingContext | null> {
    return this.ledger.loadBookingContext(contractId, month, options);
  }
  commitBooking(write: {
    context: BookingContext;
    booking: Booking;
    change: LedgerChange;
    alerts: Alert[];
    idempotency: IdempotencyClaim | null;
  }): Promise<LedgerWriteOutcome> {
    return this.ledger.commitBooking(write);
  }
  commitReversal(write: {
    context: BookingContext;
    booking: Booking;
    reversal: Reversal;
    change: Pick<LedgerChange, "period" | "pool">;
  }): Promise<LedgerWriteOutcome> {
    return this.ledger.commitReversal(write);
  }
  getBooking(contractId: string, bookingId: string): Promise<Booking | null> {
    return this.ledger.getBooking(contractId, bookingId);
  }
  listBookings(contractId: string, month: Month, page: PageRequest): Promise<Page<Booking>> {
    return this.ledger.listBookings(contractId, month, page);
  }
  getPeriod(contractId: string, month: Month): Promise<PeriodUsage | null> {
    return this.ledger.getPeriod(contractId, month);
  }
  getPool(contractId: string): Promise<PoolUsage | null> {
    return this.ledger.getPool(contractId);
  }

  // ---- month close -----------------------------------------------------------------------------

  saveAlert(alert: Alert): Promise<boolean> {
    return this.alerts.saveAlert(alert);
  }
  listActiveContracts(page: PageRequest): Promise<Page<Contract>> {
    return this.monthClose.listActiveContracts(page);
  }
  loadMonthState(contractId: string, month: Month): Promise<MonthState | null> {
    return this.monthClose.loadMonthState(contractId, month);
  }
  listMonthBookings(contractId: string, month: Month): Promise<Booking[]> {
    return this.monthClose.listMonthBookings(contractId, month);
  }
  commitMonthClose(plan: MonthClosePlan): Promise<"written" | "stale"> {
    return this.monthClose.commitMonthClose(plan);
  }
  getClosedMonthFigures(wanted: { contractId: string; month: Month }[]): Promise<ClosedMonthFigures[]> {
    return this.monthClose.getClosedMonthFigures(wanted);
  }
}
