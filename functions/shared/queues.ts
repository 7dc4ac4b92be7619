import type { AdapterLog } from "../../adapters/log.js";
import { createSqsClient } from "../../adapters/sqs/client.js";
import { sqsCloseJobQueue } from "../../adapters/sqs/close-job-queue.js";
import { SqsTicketQueue } from "../../adapters/sqs/ticket-queue.js";
import type { CloseJobQueue } from "../../domain/ports.js";
import type { TicketQueue } from "../../domain/ticket.js";
import { requireSetting } from "./composition.js";
import type { Config } from "./config.js";

/**
 * The queue and topic adapters a composition root may build: apart from composition.ts so that a
 * function that sends nowhere carries no SQS or SNS client.
 */

/** The ticket queue (SQS), for the functions that open tickets or queue SLA checks. */
export function ticketQueueOf(config: Config, log: AdapterLog): TicketQueue {
  const sqs = createSqsClient({ region: config.region, endpoint: config.sqsEndpoint });
  return new SqsTicketQueue(sqs, requireSetting(config.ticketQueueUrl, "TICKET_QUEUE_URL"), log);
}

/** The month close queue (SQS), for the functions that start a close. */
export function closeJobQueueOf(config: Config): CloseJobQueue {
  const sqs = createSqsClient({ region: config.region, endpoint: config.sqsEndpoint });
  return sqsCloseJobQueue(sqs, requireSetting(config.monthCloseQueueUrl, "MONTH_CLOSE_QUEUE_URL"));
}
