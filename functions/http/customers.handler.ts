import { ContractReader } from "../../adapters/dynamodb/contract-store.js";
import { CustomerStore } from "../../adapters/dynamodb/customer-store.js";
import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { customerRoutes } from "./customers.routes.js";

/** Composition root of the customers function: customers, their contracts, idempotency records. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler(
    "customers",
    customerRoutes,
    portsWith(config, given, {
      customers: new CustomerStore(table),
      contracts: new ContractReader(table),
      idempotency: new IdempotencyStore(table),
    }),
  );
}

export const handler = compose(readConfig());
