/**
 * Item 5, the month close, on the real worker (`functions/jobs/month-close-worker.handler.ts`).
 *
 * - The worker is called as the event source mapping calls it: SQS events of `QUEUES.monthClose.batchSize`
 *   records, each body the job the starter enqueues (`{contractId, month}`, `closeJobSchema`), a partial
 *   batch response back. At most `QUEUE_CONSUMER_MAX_CONCURRENCY` (5) workers run at once, as the
 *   deployed mapping allows; each closes its batch's jobs in parallel (Powertools `BatchProcessor`).
 * - It builds its own store as on Lambda, on the dataset's table put in place with `useTable` (a metered
 *   document client), with the real clock (last month has ended).
 * - The starter (listing contracts, enqueuing) and the queue are not timed: the rate is the workers'.
 * - Datasets are seeded straight into the table with the store's own item builders (`contractItem`,
 *   `periodItem`, `poolItem`, `bookingItem`), BatchWrite 25 at a time: hundreds of thousands of
 *   contracts and bookings through the API would take many minutes and measure booking, not the close.
 *   Every tenth contract is a prepaid pool (one year), the rest monthly quotas; each dataset has its
 *   own table, dropped after its run.
 * - Datasets: 1,000 and 10,000 contracts with 1 booking in the month to close; 1,000 with 50 bookings
 *   in that month (the issue's "50 bookings per contract-month": its statement lists all 50, read from
 *   the month's bookings when the statement is read); 1,000 with 1 booking in it and 50 in the month
 *   before, closed already (history the close must not read).
 * - Afterwards a sample of 200 contracts is checked: closed through the month, with a statement that
 *   lists every booking of the month (read as the API reads it: the stored figures with the bookings).
 */
import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import { bookingItem, contractItem, periodItem, poolItem } from "../../adapters/dynamodb/item-builders.js";
import { type Booking, bookingIdPrefix } from "../../domain/booking.js";
import { addDays, addMonths, dateIn, firstDayOf, type Month, monthOf } from "../../domain/calendar.js";
import { type Contract, initialPoolMinutes, newContract } from "../../domain/contract.js";
import { randomIds } from "../../domain/ids.js";
import { emptyPeriod, newPool } from "../../domain/ledger.js";
import { FixedClock, systemClock } from "../../domain/ports.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { closedStatements } from "../../domain/use-cases/month-close.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { ensureTable } from "../../infra/local/provision.js";
import { QUEUES } from "../../infra/resources.js";
import { dropTable, writeItems } from "../lib/batch-write.js";
import { meterDynamo } from "../lib/dynamo-meter.js";
import { batches, sqsEvent } from "../lib/events.js";
import { elapsedMs, mapConcurrent, median, ratio, round } from "../lib/stats.js";
import { BENCH_ADMIN } from "./booking.js";

export const MONTH_CLOSE_WORKER = "functions/jobs/month-close-worker.handler.ts";
const BILLING_TIMEZONE = "Europe/Berlin";
const CONTRACTS_PER_CUSTOMER = 100;
const MINUTES_PER_BOOKING = 30;
/** Contracts checked after each run. */
const SAMPLE = 200;

export interface MonthCloseRun {
  contracts: number;
  /** Bookings per contract in the month closed, and in the month before it (closed already). */
  bookingsInMonth: number;
  bookingsInPreviousMonth: number;
  /** Items written to seed the dataset, and the seconds it took (not part of the rate). */
  seededItems: number;
  seedSeconds: number;
  seconds: number;
  contractsPerSecond: number;
  dynamoRequestsPerContract: number;
  /** Items DynamoDB returned to the close per contract (the contract, the month's usage or the pool). */
  itemsReadPerContract: number;
  /** Median size of a sampled contract's stored statement as JSON (the figures the close froze). */
  statementBytes: number;
  failedRecords: number;
  /** Sampled contracts closed through the month with a statement listing all their bookings. */
  verifiedClosed: number;
  verifiedOf: number;
}

export interface MonthCloseFigures {
  status: "measured";
  /** Workers at once (the deployed event source mapping's maximum concurrency), and their batch size. */
  workers: number;
  batchSize: number;
  /** Contracts closed per second: 1,000 contracts (median of three runs), 10,000 contracts (one run). */
  rate1k: number;
  rate10k: number;
  /** rate10k / rate1k: at least 0.8 (the close does not slow down with more contracts). */
  scalingRatio: number;
  /** The lower of the two rates / the bare transactions per second with 32 clients: at least 0.4. */
  ratioToFloor: number;
  /**
   * Rate with 50 bookings per contract-month / rate with 1 (medians of three runs each): 0.8 to 1.2.
   * The 50 bookings are in the month being closed, so its statement lists 50 bookings when read.
   */
  historyRatio: number;
  /**
   * The same with the 50 bookings in the month before (closed already) and 1 in the month closed:
   * what older history costs the close.
   */
  olderHistoryRatio: number;
  runs: MonthCloseRun[];
}

type Worker = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

interface Dataset {
  tableName: string;
  doc: DynamoDBDocumentClient;
  month: Month;
  contractIds: string[];
  history: History;
  seededItems: number;
  seedSeconds: number;
}

/** A booking of `contract` in `month` as the ledger splits it: from the quota, or from the own pool. */
function seededBooking(contract: Contract, month: Month, n: number): Booking {
  const prepaid = contract.kind === "prepaid";
  const date = addDays(firstDayOf(month), n % 20);
  return {
    id: randomIds.newId(bookingIdPrefix(month)),
    contractId: contract.id,
    customerId: contract.customerId,
    date,
    month,
    minutes: MINUTES_PER_BOOKING,
    billedMinutes: MINUTES_PER_BOOKING,
    fromQuotaMinutes: prepaid ? 0 : MINUTES_PER_BOOKING,
    fromPoolMinutes: prepaid ? MINUTES_PER_BOOKING : 0,
    poolContractId: prepaid ? contract.id : null,
    overageMinutes: 0,
    category: "service",
    description: `Seeded work ${n}`,
    ticketId: null,
    technician: "bench-technician",
    createdAt: `${date}T10:00:00Z`,
    createdBy: "bench-technician",
    status: "booked",
    reversal: null,
  };
}

/** What a dataset's contracts have booked: in the month to close, and in the month before (closed). */
interface History {
  inMonth: number;
  inPreviousMonth: number;
}

/**
 * A table with `contracts` contracts to close for last month, each with `history.inMonth` bookings in
 * it. With `history.inPreviousMonth` the contracts started a month earlier, have that many bookings
 * in that month, and have it closed already.
 */
async function seed(endpoint: string, contracts: number, history: History): Promise<Dataset> {
  const tableName = `bench-close-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  const doc = createDocumentClient({ tableName, endpoint });
  const month = addMonths(monthOf(dateIn(BILLING_TIMEZONE, new Date())), -1);
  const previous = addMonths(month, -1);
  const start = history.inPreviousMonth > 0 ? previous : month;
  const clock = new FixedClock(new Date(`${firstDayOf(start)}T08:00:00Z`));
  const deps: UseCaseDeps = {
    store: dynamoStore({ doc, name: tableName }, { clock, billingTimezone: BILLING_TIMEZONE }),
    clock,
    ids: randomIds,
    billingTimezone: BILLING_TIMEZONE,
  };
  const customers = await mapConcurrent(
    Array.from({ length: Math.ceil(contracts / CONTRACTS_PER_CUSTOMER) }, (_, i) => i),
    8,
    (i) => createCustomer(deps, BENCH_ADMIN, { name: `Close ${i}` }),
  );
  const items: Record<string, unknown>[] = [];
  const contractIds: string[] = [];
  for (let i = 0; i < contracts; i++) {
    const customerId = customers[Math.floor(i / CONTRACTS_PER_CUSTOMER)]?.id as string;
    const opened =
      i % 10 === 9
        ? newContract(
            {
              customerId,
              kind: "prepaid",
              monthlyBasisMinutes: 600,
              termYears: 1,
              startDate: firstDayOf(start),
            },
            deps,
          )
        : newContract({ customerId, kind: "monthly", monthlyQuotaMinutes: 6000, startMonth: start }, deps);
    const contract: Contract =
      start === previous ? { ...opened, closedThroughMonth: previous, version: opened.version + 1 } : opened;
    contractIds.push(contract.id);
    items.push(contractItem(contract));
    const draws: Record<Month, number> = {};
    for (const [m, count] of [
      [previous, start === previous ? history.inPreviousMonth : 0],
      [month, history.inMonth],
    ] as const) {
      if (count === 0) continue;
      const bookings = Array.from({ length: count }, (_, n) => seededBooking(contract, m, n));
      items.push(...bookings.map(bookingItem));
      draws[m] = count * MINUTES_PER_BOOKING;
      if (contract.kind === "monthly") {
        items.push(
          periodItem(
            { ...emptyPeriod(contract.id, m), usedMinutes: draws[m], version: count },
            contract.version,
          ),
        );
      }
    }
    if (contract.kind === "prepaid") {
      const pool = newPool(contract.id, initialPoolMinutes(contract));
      const months = Object.fromEntries(
        Object.entries(draws).map(([m, used]) => [m, { usedMinutes: used, overageMinutes: 0 }]),
      );
      const used = Object.values(draws).reduce((a, b) => a + b, 0);
      const count = used / MINUTES_PER_BOOKING;
      items.push(
        poolItem({ ...pool, usedMinutes: used, months, version: pool.version + count }, contract.version),
      );
    }
  }
  const seedSeconds = await writeItems(doc, tableName, items);
  return {
    tableName,
    doc,
    month,
    contractIds,
    history,
    seededItems: items.length + customers.length,
    seedSeconds: round(seedSeconds, 1),
  };
}

async function closeAll(workers: number, dataset: Dataset): Promise<MonthCloseRun> {
  const meter = meterDynamo(dataset.doc);
  // The worker as its composition root builds it, given this dataset's (metered) client, at the real
  // time (last month has ended).
  const { compose } = await import("../../functions/jobs/month-close-worker.handler.js");
  const { readConfig } = await import("../../functions/shared/config.js");
  const worker = compose(
    { ...readConfig(), tableName: dataset.tableName },
    { dynamo: dataset.doc },
  ) as unknown as Worker;
  // For checking the outcome afterwards.
  const store = dynamoStore(
    { doc: dataset.doc, name: dataset.tableName },
    { clock: systemClock, billingTimezone: BILLING_TIMEZONE },
  );
  const events = batches(
    dataset.contractIds.map((contractId) => JSON.stringify({ contractId, month: dataset.month })),
    QUEUES.monthClose.batchSize,
  ).map((bodies) => sqsEvent(bodies));
  let failedRecords = 0;
  meter.reset();
  const start = process.hrtime.bigint();
  await mapConcurrent(events, workers, async (event) => {
    const response = await worker(event, lambdaContext("koad-job-month-close-worker", 60_000));
    failedRecords += response?.batchItemFailures.length ?? 0;
  });
  const seconds = elapsedMs(start) / 1000;
  const requests = meter.requests();
  const itemsRead = meter.itemsRead();
  const step = Math.max(1, Math.floor(dataset.contractIds.length / SAMPLE));
  const sample = dataset.contractIds.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const wanted = sample.map((contractId) => ({ contractId, month: dataset.month }));
  const stored = await store.monthClose.getClosedMonthFigures(wanted);
  const statements = await closedStatements({ store }, wanted);
  const complete = new Set(
    statements.filter((s) => s.bookings.length === dataset.history.inMonth).map((s) => s.contractId),
  );
  let verifiedClosed = 0;
  for (const id of sample) {
    const contract = await store.contracts.getContract(id);
    if (contract?.closedThroughMonth && contract.closedThroughMonth >= dataset.month && complete.has(id))
      verifiedClosed++;
  }
  return {
    contracts: dataset.contractIds.length,
    bookingsInMonth: dataset.history.inMonth,
    bookingsInPreviousMonth: dataset.history.inPreviousMonth,
    seededItems: dataset.seededItems,
    seedSeconds: dataset.seedSeconds,
    seconds: round(seconds),
    contractsPerSecond: round(dataset.contractIds.length / seconds, 0),
    dynamoRequestsPerContract: round(requests / dataset.contractIds.length),
    itemsReadPerContract: round(itemsRead / dataset.contractIds.length),
    statementBytes: median(stored.map((s) => Buffer.byteLength(JSON.stringify(s)))),
    failedRecords,
    verifiedClosed,
    verifiedOf: sample.length,
  };
}

export async function measureMonthClose(
  endpoint: string,
  sizes: { warmUp: number; small: number; large: number; history: number },
  floorTransactionsPerSecond: number,
  log: (message: string) => void = () => undefined,
): Promise<MonthCloseFigures> {
  const { QUEUE_CONSUMER_MAX_CONCURRENCY: workers } = await import("../../infra/stateless-stack.js");
  const run = async (contracts: number, history: History) => {
    const dataset = await seed(endpoint, contracts, history);
    try {
      const result = await closeAll(workers, dataset);
      log(
        `  ${contracts} contracts, ${history.inMonth} bookings in the month, ${history.inPreviousMonth} before: ` +
          `seeded ${dataset.seededItems} items in ${dataset.seedSeconds} s, closed ${result.contractsPerSecond}/s`,
      );
      return result;
    } finally {
      await dropTable(endpoint, dataset.tableName);
    }
  };
  const plain: History = { inMonth: 1, inPreviousMonth: 0 };
  const inMonth: History = { inMonth: sizes.history, inPreviousMonth: 0 };
  const before: History = { inMonth: 1, inPreviousMonth: sizes.history };
  // Warm-up: the worker's code and DynamoDB Local's batch read, query and transaction paths are
  // compiled by their JITs only after some thousand calls; until then the close runs at half speed.
  await run(sizes.warmUp, plain);
  // The 1,000-contract datasets take turns, three runs of each, two rounds before the 10,000 run and
  // one after it: each rate is the median of its runs, so a slow or fast moment of the machine hits
  // all of them alike.
  const small: MonthCloseRun[] = [];
  const history: MonthCloseRun[] = [];
  const older: MonthCloseRun[] = [];
  const takeTurns = async () => {
    small.push(await run(sizes.small, plain));
    history.push(await run(sizes.small, inMonth));
    older.push(await run(sizes.small, before));
  };
  await takeTurns();
  await takeTurns();
  const large = await run(sizes.large, plain);
  await takeTurns();
  const rate1k = median(small.map((r) => r.contractsPerSecond));
  return {
    status: "measured",
    workers,
    batchSize: QUEUES.monthClose.batchSize,
    rate1k,
    rate10k: large.contractsPerSecond,
    scalingRatio: ratio(large.contractsPerSecond, rate1k),
    ratioToFloor: ratio(Math.min(rate1k, large.contractsPerSecond), floorTransactionsPerSecond),
    historyRatio: ratio(median(history.map((r) => r.contractsPerSecond)), rate1k),
    olderHistoryRatio: ratio(median(older.map((r) => r.contractsPerSecond)), rate1k),
    runs: [...small, large, ...history, ...older],
  };
}
