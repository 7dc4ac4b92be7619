import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  SendMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { SlaWatchEntry, TicketQueue } from "../../domain/ticket.js";
import type { AdapterLog } from "../log.js";

/** A message of the ticket queue (its consumer parses it with functions/schemas/ticket-message.schema.ts). */
interface TicketMessage {
  type: "ticket.opened" | "sla.check";
  entry: SlaWatchEntry;
}

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
    private readonly log: AdapterLog,
  ) {}

  async ticketOpened(entry: SlaWatchEntry): Promise<void> {
    try {
      await this.sqs.send(
        new SendMessageCommand({ QueueUrl: this.queueUrl, ...messageOf({ type: "ticket.opened", entry }) }),
      );
    } catch (error) {
      // The ticket is in the due index already; the sweep raises its alerts without this message.
      this.log.warn("ticket.opened was not sent; the sweep still watches the ticket", {
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
          if (attempt === 2) this.log.warn("SLA checks were not queued", { error: error as Error });
        }
      }
      failed += batch.length;
    }
    return { failed };
  }
}
