import type { Clock } from "../../domain/ports.js";
import type { Store } from "../../domain/repositories.js";
import { DynamoAlertStore } from "./alert-store.js";
import { ContractStore } from "./contract-store.js";
import { CustomerStore } from "./customer-store.js";
import { IdempotencyStore } from "./idempotency-store.js";
import { InvoiceStore } from "./invoice-store.js";
import { LedgerStore } from "./ledger-store.js";
import { MonthCloseStore } from "./month-close-store.js";
import type { StoreTable } from "./table.js";
import { DynamoTicketStore } from "./ticket-store.js";
import { UsageStore } from "./usage-store.js";

export interface DynamoStoreOptions {
  /** Which months can still be booked, for a contract's terms changes (ContractStore). */
  clock: Clock;
  billingTimezone: string;
  /** "now" in epoch seconds, for idempotency lifetimes (a clock port in tests). */
  nowSeconds?: () => number;
}

/**
 * Every repository on the one table: for tests, the local runtime's seed and the benchmarks. A
 * function's composition root builds only the repositories its use cases name.
 */
export function dynamoStore(table: StoreTable, options: DynamoStoreOptions): Store {
  const seconds = options.nowSeconds ? { nowSeconds: options.nowSeconds } : {};
  return {
    customers: new CustomerStore(table),
    contracts: new ContractStore(table, options.clock, options.billingTimezone),
    usage: new UsageStore(table),
    ledger: new LedgerStore(table, seconds),
    monthClose: new MonthCloseStore(table),
    idempotency: new IdempotencyStore(table, seconds),
    tickets: new DynamoTicketStore(table.doc, table.name),
    alerts: new DynamoAlertStore(table.doc, table.name),
    invoices: new InvoiceStore(table),
  };
}
