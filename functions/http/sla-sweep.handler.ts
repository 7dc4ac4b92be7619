import { DynamoAlertStore } from "../../adapters/dynamodb/alert-store.js";
import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { DynamoTicketStore } from "../../adapters/dynamodb/ticket-store.js";
import { alertPublisherFor } from "../../adapters/sns/alert-publisher.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { logger } from "../shared/logger.js";
import { ticketQueueOf } from "../shared/queues.js";
import { slaSweepRoutes } from "./sla-sweep.routes.js";

/** Composition root of the SLA sweep route: the SLA watch's ports and idempotency records. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler("slaSweep", slaSweepRoutes, {
    ...portsWith(config, given, {
      tickets: new DynamoTicketStore(table.doc, table.name),
      alerts: new DynamoAlertStore(table.doc, table.name),
      idempotency: new IdempotencyStore(table),
    }),
    ticketQueue: ticketQueueOf(config, logger),
    alertPublisher: alertPublisherFor(config, logger),
  });
}

export const handler = compose(readConfig());
