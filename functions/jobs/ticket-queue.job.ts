import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { checkSla, type SlaDeps, ticketOpened } from "../../domain/use-cases/sla-watch.js";
import { ticketMessageSchema } from "../schemas/ticket-message.schema.js";
import { logger } from "../shared/logger.js";

function parseMessage(record: SQSRecord) {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new Error(`Message ${record.messageId} is not JSON`);
  }
  const parsed = ticketMessageSchema.safeParse(body);
  // A malformed message never succeeds: failing it sends it to the dead-letter queue (and its alarm).
  if (!parsed.success) throw new Error(`Message ${record.messageId} is not a ticket-queue message`);
  return parsed.data;
}

/** One message: at most two DynamoDB requests (the conditional alert write, the outbox update). */
async function processRecord(deps: SlaDeps, record: SQSRecord): Promise<void> {
  const message = parseMessage(record);
  const { entry } = message;
  const result =
    message.type === "ticket.opened" ? await ticketOpened(deps, entry) : await checkSla(deps, entry);
  for (const failure of result.delivery.failed) {
    logger.warn("Alert not published; it stays in the outbox", {
      alertId: failure.alert.id,
      error: failure.error as Error,
    });
  }
  logger.info("Ticket message", {
    messageType: message.type,
    ticketId: entry.ticketId,
    stage: entry.stage,
    outcome: result.outcome,
    published: result.delivery.published.map((a) => a.type),
  });
}

/**
 * The ticket queue's consumer: `ticket.opened` (a ticket due at once is checked now) and `sla.check`
 * (raise the warning or breach exactly once). Records are processed one by one; a record that throws
 * fails alone (partial batch response) and comes back, then goes to the dead-letter queue.
 */
export function ticketQueueConsumer(ports: SlaDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event: SQSEvent, context: Context) =>
      processPartialResponse(event, (record: SQSRecord) => processRecord(ports, record), processor, {
        context,
      }),
    );
}
