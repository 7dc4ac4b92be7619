import { ContractStore } from "../../adapters/dynamodb/contract-store.js";
import { CustomerStore } from "../../adapters/dynamodb/customer-store.js";
import { InvoiceStore } from "../../adapters/dynamodb/invoice-store.js";
import { MonthCloseStore } from "../../adapters/dynamodb/month-close-store.js";
import { clockOf, type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { monthCloseWorker } from "./month-close-worker.job.js";

/** Composition root of the month close worker: the month close's store and the invoice step's. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return monthCloseWorker(
    portsWith(config, given, {
      monthClose: new MonthCloseStore(table),
      contracts: new ContractStore(table, clockOf(given), config.billingTimezone),
      customers: new CustomerStore(table),
      invoices: new InvoiceStore(table),
    }),
  );
}

export const handler = compose(readConfig());
