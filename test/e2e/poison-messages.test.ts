import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchEntryOf } from "../../domain/ticket.js";
import { localSqsClient } from "../../infra/local/sqs-local.js";
import { customerOverHttp, monthly } from "../support/customers.js";
import { startTestApi, type TestApi } from "../support/local-api.js";
import { queueDepth } from "../support/queues.js";
import { aTicket } from "../support/tickets.js";
import { until } from "../support/wait.js";

/**
 * Poison messages on the ticket queue: malformed records fail alone, come back until
 * `maxReceiveCount`, and end in the dead-letter queue, while the good records of the same batch are
 * handled the first time.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ visibilityTimeoutSeconds: 1 });
});

afterAll(async () => {
  await api?.stop();
});

describe("poison messages on the ticket queue", () => {
  it("move to the dead-letter queue after maxReceiveCount while the good record of the batch raises its alert once", async () => {
    const admin = await api.token("admin");
    const created = await customerOverHttp(api, admin, monthly({ sla: { window: "7x24" } }), "Poison AG");
    const customer = { body: { id: created.customerId } };
    const contract = { body: { id: created.contractId } };
    // A ticket received two days ago, stored without its ticket.opened message (as if that send had
    // failed): its warning is raised by the good record of the batch below (its watch entry), or by
    // nothing.
    const store = api.system.ports.store;
    const ticket = aTicket({
      customerId: customer.body.id,
      contractId: contract.body.id,
      priority: "P1",
      receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z"),
      sla: { window: "7x24", holidays: null },
    });
    await store.tickets.createTicket(ticket);
    const warningsOf = async () =>
      (await api.request("GET", `/alerts?customerId=${customer.body.id}&type=sla.warning`, { token: admin }))
        .body.items as { ticketId: string; details: { target?: string } }[];
    expect(await warningsOf()).toEqual([]);

    const sqs = localSqsClient(api.system.sqsEndpoint);
    const entry = watchEntryOf(ticket);
    expect(entry?.stage).toBe("warning");
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: api.system.queues.tickets.url,
        Entries: [
          { Id: "good", MessageBody: JSON.stringify({ type: "sla.check", entry }) },
          { Id: "not-json", MessageBody: "{ticket" },
          { Id: "wrong-shape", MessageBody: JSON.stringify({ type: "sla.check", entry: { ticketId: 7 } }) },
          { Id: "unknown-type", MessageBody: JSON.stringify({ type: "ticket.deleted", entry }) },
        ],
      }),
    );
    const depth = (url: string) => queueDepth(sqs, url);
    await until("three poison messages in the dead-letter queue", async () =>
      (await depth(api.system.queues.tickets.deadLetterUrl)) === 3 ? true : null,
    );
    expect(await depth(api.system.queues.tickets.url)).toBe(0);
    // The good record was handled once: its warnings raised (the response's and, two days on, the
    // resolution's), and neither twice.
    expect((await warningsOf()).map((alert) => [alert.ticketId, alert.details.target]).sort()).toEqual([
      [ticket.id, "resolution"],
      [ticket.id, "response"],
    ]);
  }, 90_000);
});
