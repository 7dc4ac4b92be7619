import { ContractReader } from "../../adapters/dynamodb/contract-store.js";
import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { DynamoTicketStore } from "../../adapters/dynamodb/ticket-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { logger } from "../shared/logger.js";
import { ticketQueueOf } from "../shared/queues.js";
import { ticketRoutes } from "./tickets.routes.js";

/** Composition root of the tickets function: tickets, contracts, idempotency records, the ticket queue. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler("tickets", ticketRoutes, {
    ...portsWith(config, given, {
      contracts: new ContractReader(table),
      tickets: new DynamoTicketStore(table.doc, table.name),
      idempotency: new IdempotencyStore(table),
    }),
    ticketQueue: ticketQueueOf(config, logger),
  });
}

export const handler = compose(readConfig());
