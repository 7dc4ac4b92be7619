import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchWriteCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { periodItem, poolItem } from "../../adapters/dynamodb/item-builders.js";
import { keys } from "../../adapters/dynamodb/keys.js";
import type { Booking } from "../../domain/booking.js";
import { initialPoolMinutes, newContract } from "../../domain/contract.js";
import { randomIds } from "../../domain/ids.js";
import { emptyPeriod, newPool } from "../../domain/ledger.js";
import { FixedClock } from "../../domain/ports.js";
import { mapLimit } from "../../domain/use-cases/notices.js";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { localSqsClient } from "../../infra/local/sqs-local.js";
import { queueDepth } from "../support/queues.js";
import { until } from "../support/wait.js";

/**
 * The close of many contracts on DynamoDB Local, through the real path: the scheduled starter, the
 * local SQS queue, the event-source-mapping poller and the worker. Not a timed test: it prints the
 * rate for the report. 10,000 contracts with KOAD_SCALE=1 (or KOAD_SCALE_CONTRACTS=n), else 1,000.
 */
const CONTRACTS = Number(
  process.env.KOAD_SCALE_CONTRACTS ?? (process.env.KOAD_SCALE === "1" ? 10_000 : 1_000),
);
/** Every tenth contract is a prepaid pool; every fifth has January bookings; all have older history. */
const HISTORY_BOOKINGS = 3;

let system: LocalSystem;
let dataDir: string;
let doc: ReturnType<typeof createDocumentClient>;

async function writeAll(items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await mapLimit(batches, 8, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const result = await doc.send(
        new BatchWriteCommand({ RequestItems: { [system.tableName]: requests } }),
      );
      requests = (result.UnprocessedItems?.[system.tableName] ?? []) as typeof requests;
    }
  });
}

function booking(
  contractId: string,
  customerId: string,
  date: string,
  minutes: number,
): Record<string, unknown> {
  const month = date.slice(0, 7);
  const value: Booking = {
    id: randomIds.newId(`bk-${month}`),
    contractId,
    customerId,
    date,
    month,
    minutes,
    billedMinutes: minutes,
    fromQuotaMinutes: 0,
    fromPoolMinutes: 0,
    poolContractId: null,
    overageMinutes: 0,
    category: "service",
    description: "Seeded work",
    ticketId: null,
    technician: "seed",
    createdAt: `${date}T10:00:00Z`,
    createdBy: "seed",
    status: "booked",
    reversal: null,
  };
  return { ...keys.booking(contractId, value.id), entity: "booking", ...value };
}

/** Counts the table's items by kind in one pass (a test may scan; the product never does). */
async function tally(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await doc.send(
      new ScanCommand({
        TableName: system.tableName,
        ProjectionExpression: "entity, closedThroughMonth",
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) {
      const kind =
        item.entity === "contract" ? `contract closed through ${item.closedThroughMonth}` : item.entity;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return counts;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "koad-close-scale-"));
  system = await startLocalSystem({
    port: 0,
    inMemory: true,
    dataDir,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `koad-scale-${randomUUID()}`,
    given: { clock: new FixedClock(new Date("2026-01-31T23:06:00Z")) }, // 00:06 on 1 February in Berlin
  });
  doc = createDocumentClient({ tableName: system.tableName, endpoint: system.dynamoEndpoint });
}, 300_000);

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`month close of ${CONTRACTS} contracts`, () => {
  it("closes every contract once, with a statement each, through the queue", async () => {
    // Prepare
    const seedStart = Date.now();
    const clock = new FixedClock(new Date("2025-12-01T00:00:00Z"));
    const items: Record<string, unknown>[] = [];
    let withJanuaryBookings = 0;
    for (let i = 0; i < CONTRACTS; i++) {
      const customerId = `cus_scale${String(i % 1000).padStart(4, "0")}`;
      const contract =
        i % 10 === 9
          ? newContract(
              { customerId, kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2025-12-01" },
              { clock, ids: randomIds },
            )
          : newContract(
              { customerId, kind: "monthly", monthlyQuotaMinutes: 600, startMonth: "2025-12" },
              { clock, ids: randomIds },
            );
      // December is closed already: January is the month to close, history lies in December.
      items.push({
        ...keys.contract(contract.id),
        ...keys.contractOfCustomer(customerId, contract.id),
        ...keys.allContracts(contract.id),
        entity: "contract",
        ...contract,
        closedThroughMonth: "2025-12",
      });
      const history = Array.from({ length: HISTORY_BOOKINGS }, (_, d) =>
        booking(contract.id, customerId, `2025-12-${String(10 + d)}`, 30),
      );
      items.push(...history);
      const january = i % 5 === 0 ? [booking(contract.id, customerId, "2026-01-15", 60)] : [];
      items.push(...january);
      if (january.length > 0) withJanuaryBookings++;
      if (contract.kind === "prepaid") {
        const pool = newPool(contract.id, initialPoolMinutes(contract));
        const used = HISTORY_BOOKINGS * 30 + january.length * 60;
        const months: Record<string, { usedMinutes: number; overageMinutes: number }> = {
          "2025-12": { usedMinutes: HISTORY_BOOKINGS * 30, overageMinutes: 0 },
        };
        if (january.length > 0) months["2026-01"] = { usedMinutes: 60, overageMinutes: 0 };
        items.push(poolItem({ ...pool, usedMinutes: used, months }, contract.version));
      } else if (january.length > 0) {
        items.push(
          periodItem(
            { ...emptyPeriod(contract.id, "2026-01"), usedMinutes: 60, version: 1 },
            contract.version,
          ),
        );
      }
    }
    await writeAll(items);
    const seeded = (Date.now() - seedStart) / 1000;

    // Act: the schedule fires at 00:05 on 1 February in Berlin
    const closeStart = Date.now();
    await system.fireSchedule("monthClose", new Date("2026-01-31T23:05:00Z"));
    const enqueued = (Date.now() - closeStart) / 1000;
    const sqs = localSqsClient(system.sqsEndpoint);
    await until(
      "the close queue to drain",
      async () => ((await queueDepth(sqs, system.queues.monthClose.url)) === 0 ? true : null),
      480_000,
    );
    await system.drained();
    const closed = (Date.now() - closeStart) / 1000;

    // Assess
    const counts = await tally();
    expect(counts["contract closed through 2026-01"]).toBe(CONTRACTS);
    expect(counts.statement).toBe(CONTRACTS);
    // Monthly quotas expire what is left; pools run a year and expire nothing in January.
    expect(counts.alert).toBe(CONTRACTS - Math.floor(CONTRACTS / 10));
    expect(await queueDepth(sqs, system.queues.monthClose.deadLetterUrl)).toBe(0);
    console.log(
      `[scale] ${CONTRACTS} contracts (${withJanuaryBookings} with January bookings, ${CONTRACTS * HISTORY_BOOKINGS} history bookings): ` +
        `seeded ${items.length} items in ${seeded.toFixed(1)} s; starter enqueued in ${enqueued.toFixed(1)} s; ` +
        `all closed in ${closed.toFixed(1)} s = ${(CONTRACTS / closed).toFixed(0)} contracts/s ` +
        "(DynamoDB Local, one poller, batches of 10 in parallel)",
    );
  }, 600_000);
});
