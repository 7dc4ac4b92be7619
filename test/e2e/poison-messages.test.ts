import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSqsClient } from "../../infra/local/sqs-local.js";
import { QUEUES } from "../../infra/resources.js";
import { startTestApi, type TestApi } from "../support/local-api.js";
import { queueDepth } from "../support/queues.js";
import { startMonthForTests } from "../support/route-fixtures.js";

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

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("poison messages on the ticket queue", () => {
  it("move to the dead-letter queue after maxReceiveCount while the good ticket of the batch raises its alert", async () => {
    const admin = await api.token("admin");
    const technician = await api.token("technician");
    const customer = await api.request("POST", "/customers", { token: admin, body: { name: "Poison AG" } });
    const contract = await api.request("POST", "/contracts", {
      token: admin,
      body: {
        customerId: customer.body.id,
        kind: "monthly",
        monthlyQuotaMinutes: 600,
        startMonth: startMonthForTests(),
        sla: { window: "7x24" },
      },
    });
    // A ticket received two days ago: its P1 deadline has long passed.
    const receivedAt = new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    const ticket = await api.request("POST", "/tickets", {
      token: technician,
      body: { contractId: contract.body.id, priority: "P1", subject: "Server down", receivedAt },
    });
    expect(ticket.status).toBe(201);
    // Let the API's own ticket.opened message be handled first, then check the alert appears once.
    const alertsOf = async () =>
      (await api.request("GET", `/alerts?customerId=${customer.body.id}&type=sla.breached`, { token: admin }))
        .body.items as { ticketId: string }[];
    await until("the breach alert", async () => ((await alertsOf()).length === 1 ? true : null));

    const sqs = localSqsClient(api.system.sqsEndpoint);
    const entry = {
      ticketId: ticket.body.id,
      customerId: customer.body.id,
      contractId: contract.body.id,
      priority: "P1",
      receivedAt: ticket.body.receivedAt,
      warnAt: ticket.body.warnAt,
      responseDueAt: ticket.body.responseDueAt,
      stage: "breach",
      dueAt: ticket.body.responseDueAt,
    };
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
    // The good record was handled, and redelivering it raised nothing twice.
    expect(await alertsOf()).toHaveLength(1);
    expect(QUEUES.tickets.maxReceiveCount).toBeGreaterThan(1);
  }, 90_000);
});
