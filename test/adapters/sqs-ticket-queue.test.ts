import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { SqsTicketQueue } from "../../adapters/sqs/ticket-queue.js";
import { watchEntryOf } from "../../domain/ticket.js";
import { ticketMessageSchema } from "../../functions/schemas/ticket-message.schema.js";
import { logger } from "../../functions/shared/logger.js";
import { aTicket } from "../support/tickets.js";

const sqs = mockClient(SQSClient);
const URL = "https://sqs.eu-central-1.amazonaws.com/123456789012/koad-tickets";
const entry = (id: string) => watchEntryOf(aTicket({ id }))!;

describe("SqsTicketQueue", () => {
  afterEach(() => sqs.reset());

  it("sends ticket.opened as a message the consumer's schema accepts", async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: "m" });
    await new SqsTicketQueue(new SQSClient({ region: "eu-central-1" }), URL, logger).ticketOpened(
      entry("tkt_1"),
    );
    const input = sqs.commandCalls(SendMessageCommand)[0]!.args[0].input;
    expect(input.QueueUrl).toBe(URL);
    expect(input.MessageAttributes?.type?.StringValue).toBe("ticket.opened");
    const parsed = ticketMessageSchema.parse(JSON.parse(input.MessageBody ?? ""));
    expect(parsed).toMatchObject({ type: "ticket.opened", entry: { ticketId: "tkt_1", stage: "warning" } });
  });

  it("does not fail the opening of a ticket when the queue is unreachable", async () => {
    sqs.on(SendMessageCommand).rejects(new Error("unreachable"));
    await expect(
      new SqsTicketQueue(new SQSClient({ region: "eu-central-1" }), URL, logger).ticketOpened(entry("tkt_1")),
    ).resolves.toBeUndefined();
  });

  it("queues checks in batches of ten and retries the entries SQS refused", async () => {
    let refused = false;
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => {
      if (!refused) {
        refused = true;
        return { Successful: [], Failed: [{ Id: input.Entries[0]!.Id, SenderFault: false, Code: "x" }] };
      }
      return { Successful: input.Entries.map((e) => ({ Id: e.Id })), Failed: [] };
    });
    const queue = new SqsTicketQueue(new SQSClient({ region: "eu-central-1" }), URL, logger);
    const result = await queue.enqueueChecks(Array.from({ length: 23 }, (_, i) => entry(`tkt_${i}`)));
    expect(result).toEqual({ failed: 0 });
    const batches = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries?.length);
    expect(batches).toEqual([10, 1, 10, 3]);
  });

  it("says how many checks could not be queued", async () => {
    sqs.on(SendMessageBatchCommand).rejects(new Error("unreachable"));
    const queue = new SqsTicketQueue(new SQSClient({ region: "eu-central-1" }), URL, logger);
    expect(await queue.enqueueChecks([entry("tkt_1"), entry("tkt_2")])).toEqual({ failed: 2 });
  });
});
