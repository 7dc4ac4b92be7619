import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import { ticketItem } from "../../adapters/dynamodb/ticket-store.js";
import { randomIds } from "../../domain/ids.js";
import { FixedClock } from "../../domain/ports.js";
import type { Ticket } from "../../domain/ticket.js";
import { sweepSla } from "../../domain/use-cases/sla-watch.js";
import { freshTable } from "../support/dynamo.js";
import { aTicket, HeldTicketQueue, RecordingPublisher } from "../support/tickets.js";

/** 10,000 watched tickets in the suite; `KOAD_SCALE=1` watches 100,000. */
const WATCHED = process.env.KOAD_SCALE === "1" ? 100_000 : 10_000;
const DUE = 10;

describe("SLA sweep at scale (DynamoDB Local)", () => {
  it(`reads about the ${DUE} due entries among ${WATCHED.toLocaleString("en")} watched tickets`, async () => {
    // Prepare
    const { endpoint, tableName } = await freshTable();
    const doc = createDocumentClient({ tableName, endpoint });
    let itemsRead = 0;
    doc.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const output = result.output as { ScannedCount?: number; Responses?: Record<string, unknown[]> };
        itemsRead += output.ScannedCount ?? 0;
        for (const items of Object.values(output.Responses ?? {})) itemsRead += items.length;
        return result;
      },
      { step: "initialize", name: "countItemsRead" },
    );
    const clock = new FixedClock(new Date("2026-11-23T10:00:00Z"));
    const store = dynamoStore({ doc, name: tableName }, { clock, billingTimezone: "Europe/Berlin" });
    // Open tickets whose warning lies ahead, and a few whose warning is due now.
    const later = aTicket({ receivedAt: "2026-11-23T09:30:00Z", priority: "P4" });
    const due = aTicket({ receivedAt: "2026-11-23T08:00:00Z", priority: "P1" });
    const tickets: Ticket[] = [];
    for (let i = 0; i < WATCHED; i++) {
      const template = i < DUE ? due : later;
      tickets.push({ ...template, id: `tkt_${String(i).padStart(7, "0")}` });
    }
    await writeAll(doc, tableName, tickets);
    itemsRead = 0;
    const queue = new HeldTicketQueue();

    // Act
    const result = await sweepSla({
      store,
      clock,
      ids: randomIds,
      billingTimezone: "Europe/Berlin",
      ticketQueue: queue,
      alertPublisher: new RecordingPublisher(),
    });

    // Assess
    expect(result.due).toBe(DUE);
    expect(queue.checks.map((c) => c.ticketId).sort()).toEqual(tickets.slice(0, DUE).map((t) => t.id));
    expect(result.read).toBe(DUE);
    expect(itemsRead).toBe(DUE);
    console.log(`SLA sweep: ${WATCHED} watched, ${result.due} due, ${itemsRead} items read`);
  }, 600_000);
});

async function writeAll(doc: ReturnType<typeof createDocumentClient>, tableName: string, tickets: Ticket[]) {
  const batches: Ticket[][] = [];
  for (let i = 0; i < tickets.length; i += 25) batches.push(tickets.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      let requests = batch.map((t) => ({ PutRequest: { Item: ticketItem(t) } }));
      while (requests.length > 0) {
        const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
