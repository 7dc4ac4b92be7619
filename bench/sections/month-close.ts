/**
 * Item 5, the month close: PLUGGABLE. It runs once the close exists (branch `close`); until then the
 * run records `{"status": "not built yet"}`.
 *
 * Written against the SPEC's semantics, so it should need little change when the close lands:
 * - ASSUMPTION: the worker is `functions/jobs/month-close-worker.handler.ts`, `handler(SQSEvent,
 *   Context)` answering a partial batch response; each record's body is `{"contractId", "month"}`
 *   (what the starter enqueues on the close queue, `QUEUES.monthClose`).
 * - ASSUMPTION: the worker takes its ports from `useCaseDeps()` (functions/shared/deps.ts), so the
 *   bench can put a metered store on the dataset's table with `setUseCaseDeps`.
 * - ASSUMPTION: a closed contract-month shows as `contract.closedThroughMonth >= month`.
 * The starter (listing contracts, enqueuing jobs) is not timed: the rate is the workers' alone, 32 of
 * them at once like 32 Lambda instances, each taking batches of the queue's batch size.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import type { Actor } from "../../domain/access.js";
import { addDays, addMonths, dateIn, firstDayOf, monthOf } from "../../domain/calendar.js";
import { randomIds } from "../../domain/ids.js";
import { FixedClock, systemClock } from "../../domain/ports.js";
import { createDocumentClient } from "../../domain/store/client.js";
import { DynamoStore } from "../../domain/store/dynamo-store.js";
import { bookHours } from "../../domain/use-cases/bookings.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { repoRoot } from "../../infra/local/paths.js";
import { ensureTable } from "../../infra/local/provision.js";
import { QUEUES } from "../../infra/resources.js";
import { meterDynamo } from "../lib/dynamo-meter.js";
import { batches, sqsEvent } from "../lib/events.js";
import { elapsedMs, mapConcurrent, ratio, round } from "../lib/stats.js";
import { BENCH_ADMIN } from "./booking.js";

export const MONTH_CLOSE_WORKER = "functions/jobs/month-close-worker.handler.ts";
const BILLING_TIMEZONE = "Europe/Berlin";
const TECHNICIAN: Actor = { role: "technician", customerId: null, subject: "bench-technician" };
/** Concurrent workers: like the Lambda instances an event source mapping scales the close out to. */
const WORKERS = 32;
const CONTRACTS_PER_CUSTOMER = 100;

export type NotBuilt = { status: "not built yet"; missing: string };

export interface MonthCloseRun {
  contracts: number;
  bookingsPerContract: number;
  seconds: number;
  contractsPerSecond: number;
  dynamoRequestsPerContract: number;
  failedRecords: number;
  /** Contracts (of a sample of 200) found closed afterwards: must equal the sample. */
  verifiedClosed: number;
  verifiedOf: number;
}

export interface MonthCloseFigures {
  status: "measured";
  rate1k: number;
  rate10k: number;
  /** rate10k / rate1k: at least 0.8 (the close does not slow down with more contracts). */
  scalingRatio: number;
  /** The lower of the two rates / the bare transactions per second with 32 clients: at least 0.4. */
  ratioToFloor: number;
  /** Rate with 50 bookings per contract-month / rate with 1: within 0.8 to 1.2 (history costs nothing). */
  historyRatio: number;
  runs: MonthCloseRun[];
}

export function monthCloseBuilt(): NotBuilt | null {
  return existsSync(join(repoRoot, MONTH_CLOSE_WORKER))
    ? null
    : { status: "not built yet", missing: MONTH_CLOSE_WORKER };
}

type Worker = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

/** A table with `contracts` monthly contracts, each with `bookingsPerContract` bookings last month. */
async function seed(endpoint: string, contracts: number, bookingsPerContract: number) {
  const tableName = `bench-close-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  const lastMonth = addMonths(monthOf(dateIn(BILLING_TIMEZONE, new Date())), -1);
  // Seeding happens "on the 20th of last month", where booking into it is allowed.
  const clock = new FixedClock(new Date(`${addDays(firstDayOf(lastMonth), 19)}T10:00:00Z`));
  const store = new DynamoStore(createDocumentClient({ tableName, endpoint }), tableName);
  const deps: UseCaseDeps = { store, clock, ids: randomIds, billingTimezone: BILLING_TIMEZONE };
  const customers = await mapConcurrent(
    Array.from({ length: Math.ceil(contracts / CONTRACTS_PER_CUSTOMER) }, (_, i) => i),
    WORKERS,
    (i) => createCustomer(deps, BENCH_ADMIN, { name: `Close ${i}` }),
  );
  const ids = await mapConcurrent(
    Array.from({ length: contracts }, (_, i) => i),
    WORKERS,
    async (i) => {
      const customer = customers[Math.floor(i / CONTRACTS_PER_CUSTOMER)];
      if (!customer) throw new Error("seeding lost a customer");
      const contract = await createContract(deps, BENCH_ADMIN, {
        customerId: customer.id,
        kind: "monthly",
        monthlyQuotaMinutes: 100_000,
        startMonth: lastMonth,
      });
      for (let b = 0; b < bookingsPerContract; b++) {
        await bookHours(deps, TECHNICIAN, contract.id, {
          date: addDays(firstDayOf(lastMonth), b % 20),
          minutes: 30,
          category: "service",
          description: `History ${b}`,
        });
      }
      return contract.id;
    },
  );
  return { tableName, month: lastMonth, contractIds: ids };
}

async function closeAll(
  endpoint: string,
  worker: Worker,
  dataset: Awaited<ReturnType<typeof seed>>,
  bookingsPerContract: number,
): Promise<MonthCloseRun> {
  const { setUseCaseDeps, useCaseDeps } = await import("../../functions/shared/deps.js");
  const doc = createDocumentClient({ tableName: dataset.tableName, endpoint });
  const meter = meterDynamo(doc);
  const store = new DynamoStore(doc, dataset.tableName);
  // Production ports (whatever the close adds to them), on this dataset's table, at the real time.
  setUseCaseDeps({ ...useCaseDeps(), store, clock: systemClock });
  const events = batches(
    dataset.contractIds.map((contractId) => JSON.stringify({ contractId, month: dataset.month })),
    QUEUES.monthClose.batchSize,
  ).map((bodies) => sqsEvent(bodies));
  let failedRecords = 0;
  const start = process.hrtime.bigint();
  await mapConcurrent(events, WORKERS, async (event) => {
    const response = await worker(event, lambdaContext("koad-job-month-close-worker", 60_000));
    failedRecords += response?.batchItemFailures.length ?? 0;
  });
  const seconds = elapsedMs(start) / 1000;
  const requests = meter.requests();
  const sample = dataset.contractIds.filter((_, i) => i % Math.ceil(dataset.contractIds.length / 200) === 0);
  let verifiedClosed = 0;
  for (const id of sample) {
    const contract = await store.getContract(id);
    if (contract?.closedThroughMonth && contract.closedThroughMonth >= dataset.month) verifiedClosed++;
  }
  return {
    contracts: dataset.contractIds.length,
    bookingsPerContract,
    seconds: round(seconds),
    contractsPerSecond: round(dataset.contractIds.length / seconds, 0),
    dynamoRequestsPerContract: round(requests / dataset.contractIds.length),
    failedRecords,
    verifiedClosed,
    verifiedOf: sample.length,
  };
}

export async function measureMonthClose(
  endpoint: string,
  sizes: { small: number; large: number; history: number },
  floorTransactionsPerSecond: number,
): Promise<MonthCloseFigures | NotBuilt> {
  const missing = monthCloseBuilt();
  if (missing) return missing;
  const worker = (
    (await import(pathToFileURL(join(repoRoot, MONTH_CLOSE_WORKER)).href)) as { handler: Worker }
  ).handler;
  // Seed everything first, then warm the worker and the engine on a throw-away dataset, then close.
  const smallSet = await seed(endpoint, sizes.small, 1);
  const historySet = await seed(endpoint, sizes.small, sizes.history);
  const largeSet = await seed(endpoint, sizes.large, 1);
  await closeAll(endpoint, worker, await seed(endpoint, Math.min(200, sizes.small), 1), 1);
  const small = await closeAll(endpoint, worker, smallSet, 1);
  const history = await closeAll(endpoint, worker, historySet, sizes.history);
  const large = await closeAll(endpoint, worker, largeSet, 1);
  return {
    status: "measured",
    rate1k: small.contractsPerSecond,
    rate10k: large.contractsPerSecond,
    scalingRatio: ratio(large.contractsPerSecond, small.contractsPerSecond),
    ratioToFloor: ratio(
      Math.min(small.contractsPerSecond, large.contractsPerSecond),
      floorTransactionsPerSecond,
    ),
    historyRatio: ratio(history.contractsPerSecond, small.contractsPerSecond),
    runs: [small, large, history],
  };
}
