import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  SendMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { SlaWatchEntry, TicketQueue } from "../../domain/ticket.js";
import type { TicketMessage } from "../schemas/ticket-message.schema.js";
import { readConfig } from "./config.js";
import { logger } from "./logger.js";
import { sqsClient } from "./sqs.js";

function messageOf(message: TicketMessage) {
  return {
    MessageBody: JSON.stringify(message),
    MessageAttributes: { type: { DataType: "String", StringValue: message.type } },
  };
}

/** The ticket queue on SQS: `ticket.opened` from the API, `sla.check` from the sweep. */
export class SqsTicketQueue implements TicketQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async ticketOpened(entry: SlaWatchEntry): Promise<void> {
    try {
      await this.sqs.send(
        new SendMessageCommand({ QueueUrl: this.queueUrl, ...messageOf({ type: "ticket.opened", entry }) }),
      );
    } catch (error) {
      // The ticket is in the due index already; the sweep raises its alerts without this message.
      logger.warn("ticket.opened was not sent; the sweep still watches the ticket", {
        ticketId: entry.ticketId,
        error: error as Error,
      });
    }
  }

  async enqueueChecks(entries: SlaWatchEntry[]): Promise<{ failed: number }> {
    let failed = 0;
    for (let i = 0; i < entries.length; i += 10) {
      let batch: SendMessageBatchRequestEntry[] = entries.slice(i, i + 10).map((entry, n) => ({
        Id: String(n),
        ...messageOf({ type: "sla.check", entry }),
      }));
      for (let attempt = 0; attempt < 3 && batch.length > 0; attempt++) {
        try {
          const result = await this.sqs.send(
            new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: batch }),
          );
          const failedIds = new Set((result.Failed ?? []).map((f) => f.Id));
          batch = batch.filter((entry) => failedIds.has(entry.Id));
        } catch (error) {
          if (attempt === 2) logger.warn("SLA checks were not queued", { error: error as Error });
        }
      }
      failed += batch.length;
    }
    return { failed };
  }
}

/** The ticket queue configuration names (`TICKET_QUEUE_URL`). */
export function configuredTicketQueue(): TicketQueue {
  const url = readConfig().ticketQueueUrl;
  if (!url) throw new Error("Missing required environment variable TICKET_QUEUE_URL");
  return new SqsTicketQueue(sqsClient(), url);
}
