import { ContractReader } from "../../adapters/dynamodb/contract-store.js";
import { CustomerStore } from "../../adapters/dynamodb/customer-store.js";
import { DynamoTicketStore } from "../../adapters/dynamodb/ticket-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { reportRoutes } from "./reports.routes.js";

/** Composition root of the reports function: customers, contracts and tickets. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler(
    "reports",
    reportRoutes,
    portsWith(config, given, {
      customers: new CustomerStore(table),
      contracts: new ContractReader(table),
      tickets: new DynamoTicketStore(table.doc, table.name),
    }),
  );
}

export const handler = compose(readConfig());
