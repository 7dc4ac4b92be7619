import type { Context, SQSEvent, SQSRecord } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../domain/access.js";
import { watchEntryOf } from "../../domain/ticket.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { addTicketEvent, openTicket } from "../../domain/use-cases/tickets.js";
import { ticketQueueConsumer } from "../../functions/jobs/ticket-queue.job.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { storeDeps } from "../support/dynamo.js";
import { aTicket, HeldTicketQueue, RecordingPublisher } from "../support/tickets.js";

const admin: Actor = { role: "admin", customerId: null, subject: "admin" };
const tech: Actor = { role: "technician", customerId: null, subject: "tech" };

function record(id: string, body: string): SQSRecord {
  return {
    messageId: id,
    receiptHandle: id,
    body,
    attributes: {
      ApproximateReceiveCount: "1",
      SentTimestamp: "0",
      SenderId: "x",
      ApproximateFirstReceiveTimestamp: "0",
    },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:eu-central-1:000000000000:koad-tickets",
    awsRegion: "eu-central-1",
  };
}

describe("ticket-queue handler", () => {
  let handler: (
    event: SQSEvent,
    context: Context,
  ) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  const publisher = new RecordingPublisher();
  let deps: Awaited<ReturnType<typeof storeDeps>>;

  beforeAll(async () => {
    deps = await storeDeps("2026-11-23T10:00:00Z");
    handler = ticketQueueConsumer({ ...deps, ticketQueue: new HeldTicketQueue(), alertPublisher: publisher });
  });

  it("fails only the malformed record of a batch and raises the alert of the good one", async () => {
    // Prepare
    const customer = await createCustomer(deps, admin, { name: "Acme" });
    const contract = await createContract(deps, admin, {
      customerId: customer.id,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: "2026-01",
    });
    const ticket = aTicket({
      customerId: customer.id,
      contractId: contract.id,
      receivedAt: "2026-11-23T08:00:00Z",
    });
    await deps.store.tickets.createTicket(ticket);
    const check = JSON.stringify({ type: "sla.check", entry: watchEntryOf(ticket) });

    // Act
    const response = await handler(
      {
        Records: [
          record("good", check),
          record("not-json", "{"),
          record("unknown-type", JSON.stringify({ type: "ticket.closed", entry: {} })),
          record("again", check),
        ],
      },
      lambdaContext("koad-ticketQueue"),
    );

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([
      "not-json",
      "unknown-type",
    ]);
    expect(publisher.published.map((a) => [a.type, a.ticketId])).toEqual([
      ["sla.warning", ticket.id],
      ["sla.breached", ticket.id],
    ]);
  });

  it("raises a resolution target's alerts from a check that names the target, once however often it comes", async () => {
    // Prepare: a P1 answered in time whose resolution target (100 in-window minutes, warning at 80)
    // ran out at 09:40; the watch entry names the resolution target.
    const customer = await createCustomer(deps, admin, { name: "Beta" });
    const contract = await createContract(deps, admin, {
      customerId: customer.id,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: "2026-01",
      sla: { resolutionMinutes: { P1: 100, P2: 300, P3: 600, P4: 1200 } },
    });
    const ports = { ...deps, ticketQueue: new HeldTicketQueue() };
    const opened = await openTicket(ports, tech, {
      contractId: contract.id,
      priority: "P1",
      subject: "Down",
      receivedAt: "2026-11-23T08:00:00Z",
    });
    const ticket = await addTicketEvent(deps, tech, opened.id, {
      type: "responded",
      at: "2026-11-23T08:20:00Z",
    });
    const entry = watchEntryOf(ticket);
    expect(entry).toMatchObject({ target: "resolution", stage: "warning", dueAt: "2026-11-23T09:20:00Z" });
    const check = JSON.stringify({ type: "sla.check", entry });
    const before = publisher.published.length;

    // Act
    const response = await handler(
      { Records: [record("first", check), record("second", check)] },
      lambdaContext("koad-ticketQueue"),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(publisher.published.slice(before).map((a) => [a.type, a.ticketId, a.details.target])).toEqual([
      ["sla.warning", ticket.id, "resolution"],
      ["sla.breached", ticket.id, "resolution"],
    ]);
  });
});
