import { DynamoAlertStore } from "../../adapters/dynamodb/alert-store.js";
import { DynamoTicketStore } from "../../adapters/dynamodb/ticket-store.js";
import { alertPublisherFor } from "../../adapters/sns/alert-publisher.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { logger } from "../shared/logger.js";
import { ticketQueueOf } from "../shared/queues.js";
import { ticketQueueConsumer } from "./ticket-queue.job.js";

/** Composition root of the SLA watch's ticket-queue function: tickets, alerts, the ticket queue and the publisher. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return ticketQueueConsumer({
    ...portsWith(config, given, {
      tickets: new DynamoTicketStore(table.doc, table.name),
      alerts: new DynamoAlertStore(table.doc, table.name),
    }),
    ticketQueue: ticketQueueOf(config, logger),
    alertPublisher: alertPublisherFor(config, logger),
  });
}

export const handler = compose(readConfig());
