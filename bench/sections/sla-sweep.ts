/**
 * Item 6, the SLA watch: PLUGGABLE. It runs once the SLA watch exists (branch `sla`); until then the
 * run records `{"status": "not built yet"}`.
 *
 * Written against the SPEC's semantics, so it should need little change when the watch lands:
 * - Tickets are opened through the real `POST /tickets` handler (body `{contractId, priority,
 *   subject}`, technician claims), which sends `ticket.opened` to the ticket queue (a local SQS
 *   server here); the bench delivers the queue's messages to the consumer
 *   `functions/jobs/ticket-queue.handler.ts` as an event source mapping would, and counts the
 *   consumer's DynamoDB requests per message.
 * - ASSUMPTION: the sweep is `functions/jobs/sla-sweep.handler.ts`, `handler({scheduledAt}, Context)`,
 *   and it and the consumer take their ports from `useCaseDeps()`, so the bench can put a metered
 *   store and a clock it moves in place with `setUseCaseDeps`.
 * - The many open tickets that are NOT due are copies of one opened ticket's items (every item that
 *   names its id, with a new id), written in batches: 100,000 tickets through the API would take
 *   minutes and measure the opening, not the sweep.
 * - Each sweep finds 10 tickets due: P1 tickets (60 in-window minutes, 7x24) opened 61 minutes before
 *   it; the copies are P4 with a 10-day window, far from due.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { dateIn, monthOf } from "../../domain/calendar.js";
import { randomIds } from "../../domain/ids.js";
import { FixedClock } from "../../domain/ports.js";
import { createDocumentClient } from "../../domain/store/client.js";
import { DynamoStore } from "../../domain/store/dynamo-store.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { HANDLER_GROUPS, routeSpec } from "../../functions/http/routes.js";
import type { HttpEvent, HttpResult } from "../../functions/shared/http.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { repoRoot } from "../../infra/local/paths.js";
import { ensureTable } from "../../infra/local/provision.js";
import { ensureQueue, type LocalQueue, localSqsClient, startSqsLocal } from "../../infra/local/sqs-local.js";
import { QUEUES } from "../../infra/resources.js";
import { type DynamoMeter, meterDynamo } from "../lib/dynamo-meter.js";
import { batches, httpEvent, sqsEventOf } from "../lib/events.js";
import { elapsedMs, mapConcurrent, median, ratio, round } from "../lib/stats.js";
import { BENCH_ADMIN } from "./booking.js";
import type { NotBuilt } from "./month-close.js";

export const SLA_SWEEP = "functions/jobs/sla-sweep.handler.ts";
export const TICKET_QUEUE_CONSUMER = "functions/jobs/ticket-queue.handler.ts";
const OPEN_TICKET = "POST /tickets";
const DUE_PER_SWEEP = 10;
const TECHNICIAN_CLAIMS = { sub: "bench-technician", "custom:role": "technician" };

export interface SlaSweepFigures {
  status: "measured";
  openSmall: number;
  openLarge: number;
  /** Items the sweep read (median of its runs) with the small and the large number of open tickets. */
  reads1k: number;
  reads100k: number;
  /** Median sweep time, large / small: under 2. */
  timeRatio: number;
  sweepMedianMsSmall: number;
  sweepMedianMsLarge: number;
  /** DynamoDB requests of the ticket-queue consumer per message: at most 2. */
  requestsPerMessage: number;
  messages: number;
}

export function slaWatchBuilt(): NotBuilt | null {
  for (const file of [SLA_SWEEP, TICKET_QUEUE_CONSUMER]) {
    if (!existsSync(join(repoRoot, file))) return { status: "not built yet", missing: file };
  }
  if (!routeSpec(OPEN_TICKET)) return { status: "not built yet", missing: `route ${OPEN_TICKET}` };
  return null;
}

type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;
type QueueHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;
type SweepHandler = (event: { scheduledAt: string }, context: Context) => Promise<unknown>;

async function load<T>(entry: string): Promise<T> {
  return ((await import(pathToFileURL(join(repoRoot, entry)).href)) as { handler: T }).handler;
}

/** Hands every message on the ticket queue to the consumer; returns how many there were. */
async function deliver(sqs: SQSClient, queue: LocalQueue, consumer: QueueHandler): Promise<number> {
  let delivered = 0;
  for (;;) {
    const { Messages: messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: queue.definition.batchSize,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ["All"],
        MessageSystemAttributeNames: ["All"],
      }),
    );
    if (messages.length === 0) return delivered;
    const response = await consumer(sqsEventOf(messages, queue.arn), lambdaContext("koad-job-ticket-queue"));
    if (response?.batchItemFailures.length) throw new Error("The ticket-queue consumer failed records");
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
      }),
    );
    delivered += messages.length;
  }
}

function replaceInValues(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaceInValues(v, from, to));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceInValues(v, from, to)]));
  }
  return value;
}

/** Writes `copies` copies of every item that names `ticketId`, each under a new ticket id. */
async function cloneTicket(doc: DynamoDBDocumentClient, tableName: string, ticketId: string, copies: number) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) if (JSON.stringify(item).includes(ticketId)) items.push(item);
    start = page.LastEvaluatedKey;
  } while (start);
  const prefix = ticketId.slice(0, ticketId.indexOf("_"));
  const clones = Array.from({ length: copies }, () => randomIds.newId(prefix)).flatMap((id) =>
    items.map((item) => replaceInValues(item, ticketId, id) as Record<string, unknown>),
  );
  await mapConcurrent(batches(clones, 25), 8, async (batch) => {
    let pending: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  });
}

export async function measureSlaSweep(
  endpoint: string,
  sizes: { small: number; large: number; sweeps: number },
): Promise<SlaSweepFigures | NotBuilt> {
  const missing = slaWatchBuilt();
  if (missing) return missing;
  const sqsServer = await startSqsLocal();
  try {
    const sqs = localSqsClient(sqsServer.endpoint);
    const queue = await ensureQueue(sqs, QUEUES.tickets, `bench-${randomUUID().slice(0, 8)}-`);
    Object.assign(process.env, {
      SQS_ENDPOINT: sqsServer.endpoint,
      [QUEUES.tickets.urlEnvironmentVariable]: queue.url,
    });
    const tableName = `bench-sla-${randomUUID()}`;
    await ensureTable(endpoint, tableName);
    const doc = createDocumentClient({ tableName, endpoint });
    const meter: DynamoMeter = meterDynamo(doc);
    const t0 = new Date();
    const clock = new FixedClock(t0);
    const { setUseCaseDeps, useCaseDeps } = await import("../../functions/shared/deps.js");
    const deps = { ...useCaseDeps(), store: new DynamoStore(doc, tableName), clock };
    setUseCaseDeps(deps);

    const group = routeSpec(OPEN_TICKET)?.group as string;
    const tickets = await load<HttpHandler>(
      (HANDLER_GROUPS as Record<string, { entry: string }>)[group]?.entry ?? "",
    );
    const consumer = await load<QueueHandler>(TICKET_QUEUE_CONSUMER);
    const sweep = await load<SweepHandler>(SLA_SWEEP);

    const customer = await createCustomer(deps, BENCH_ADMIN, { name: "SLA bench" });
    const contract = await createContract(deps, BENCH_ADMIN, {
      customerId: customer.id,
      kind: "monthly",
      monthlyQuotaMinutes: 6000,
      startMonth: monthOf(dateIn("Europe/Berlin", t0)),
      sla: { window: "7x24", holidays: null, responseMinutes: { P1: 60, P2: 240, P3: 480, P4: 14_400 } },
    });
    const open = async (priority: "P1" | "P4") => {
      const result = await tickets(
        httpEvent({
          routeKey: OPEN_TICKET,
          path: "/tickets",
          claims: TECHNICIAN_CLAIMS,
          idempotencyKey: randomUUID(),
          body: { contractId: contract.id, priority, subject: `Bench ${priority}` },
        }),
        lambdaContext("koad-http-tickets"),
      );
      if (result.statusCode !== 201)
        throw new Error(`Opening a ticket answered ${result.statusCode}: ${result.body}`);
      return JSON.parse(result.body ?? "{}").id as string;
    };

    let messages = 0;
    let consumerRequests = 0;
    const deliverCounted = async () => {
      meter.reset();
      messages += await deliver(sqs, queue, consumer);
      consumerRequests += meter.requests();
    };

    const template = await open("P4");
    await deliverCounted();
    let openTickets = 1;
    let at = t0.getTime();
    const sweepRuns = async () => {
      const reads: number[] = [];
      const times: number[] = [];
      for (let r = 0; r < sizes.sweeps; r++) {
        clock.set(new Date(at));
        for (let i = 0; i < DUE_PER_SWEEP; i++) await open("P1");
        await deliverCounted();
        at += 61 * 60_000;
        clock.set(new Date(at));
        meter.reset();
        const start = process.hrtime.bigint();
        await sweep({ scheduledAt: new Date(at).toISOString() }, lambdaContext("koad-job-sla-sweep"));
        times.push(elapsedMs(start));
        reads.push(meter.itemsRead());
        await deliverCounted(); // whatever the sweep enqueued
        at += 60_000;
      }
      return { reads: median(reads), ms: median(times) };
    };

    await cloneTicket(doc, tableName, template, sizes.small - openTickets);
    openTickets = sizes.small;
    const small = await sweepRuns();
    await cloneTicket(doc, tableName, template, sizes.large - openTickets);
    const large = await sweepRuns();
    return {
      status: "measured",
      openSmall: sizes.small,
      openLarge: sizes.large,
      reads1k: small.reads,
      reads100k: large.reads,
      timeRatio: ratio(large.ms, small.ms),
      sweepMedianMsSmall: round(small.ms),
      sweepMedianMsLarge: round(large.ms),
      requestsPerMessage: round(consumerRequests / Math.max(1, messages)),
      messages,
    };
  } finally {
    await sqsServer.stop();
  }
}
