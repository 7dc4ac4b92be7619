import { ContractStore } from "../../adapters/dynamodb/contract-store.js";
import { CustomerStore } from "../../adapters/dynamodb/customer-store.js";
import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { InvoiceStore } from "../../adapters/dynamodb/invoice-store.js";
import { UsageStore } from "../../adapters/dynamodb/usage-store.js";
import { clockOf, type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { contractRoutes } from "./contracts.routes.js";

/** Composition root of the contracts function: contracts, customers, usage, idempotency records and
 * the invoices a prepaid pool or a top-up issues. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler(
    "contracts",
    contractRoutes,
    portsWith(config, given, {
      customers: new CustomerStore(table),
      contracts: new ContractStore(table, clockOf(given), config.billingTimezone),
      usage: new UsageStore(table),
      idempotency: new IdempotencyStore(table),
      invoices: new InvoiceStore(table),
    }),
  );
}

export const handler = compose(readConfig());
