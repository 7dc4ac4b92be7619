import { ContractReader } from "../../adapters/dynamodb/contract-store.js";
import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { LedgerStore } from "../../adapters/dynamodb/ledger-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { bookingRoutes } from "./bookings.routes.js";

/** Composition root of the bookings function: the ledger, its contracts and the idempotency records. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler(
    "bookings",
    bookingRoutes,
    portsWith(config, given, {
      ledger: new LedgerStore(table),
      contracts: new ContractReader(table),
      idempotency: new IdempotencyStore(table),
    }),
  );
}

export const handler = compose(readConfig());
