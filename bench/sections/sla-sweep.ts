/**
 * Item 6, the SLA watch, on the real handlers: the sweep (`functions/jobs/sla-sweep.handler.ts`), the
 * ticket-queue consumer (`functions/jobs/ticket-queue.handler.ts`) and `POST /tickets`.
 *
 * - The watch keeps each open ticket's next moment on the ticket item (byDueAt index, `DUE#sla#<shard>`,
 *   sort key `<moment>#<ticketId>#<stage>`): a sweep queries each shard up to now, so it should read
 *   the tickets that are due and nothing else, however many are open.
 * - The handlers take their ports from `useCaseDeps()` (a metered store, a clock the bench moves) and
 *   `slaDeps()`: the ticket queue is the real SQS adapter on a local SQS server, alerts go to the
 *   configured publisher (the log, silenced). The bench delivers the queue's messages to the consumer
 *   as an event source mapping would (batches of `QUEUES.tickets.batchSize`) and counts the consumer's
 *   DynamoDB requests per message, by message type.
 * - Each sweep finds 10 tickets due: P1 tickets (60 in-window minutes, 7x24) opened through the API 61
 *   minutes before it, so both their warning and their breach are due.
 * - The open tickets that are NOT due are seeded straight into the table: ticket items built by the
 *   store's `ticketItem` from the domain's `openedTicket` (distinct ids, P4 with a 10-day window,
 *   received during the 24 hours before the first sweep, so their moments lie 8 to 9 days ahead),
 *   BatchWrite 25 at a time. 100,000 tickets through the API would take many minutes and measure the
 *   opening, not the sweep.
 * - Sweep time is the handler's wall time (4 shard queries, one SQS batch, the outbox query), median
 *   of its runs, after one unmeasured warm-up round.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { Context, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import { INDEX, keys } from "../../adapters/dynamodb/keys.js";
import { ticketItem } from "../../adapters/dynamodb/ticket-store.js";
import { dateIn, monthOf } from "../../domain/calendar.js";
import type { Contract } from "../../domain/contract.js";
import { randomIds } from "../../domain/ids.js";
import { FixedClock } from "../../domain/ports.js";
import { openedTicket } from "../../domain/ticket-clock.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { HANDLER_GROUPS, routeSpec } from "../../functions/http/routes.js";
import type { Provided } from "../../functions/shared/composition.js";
import { type Config, readConfig } from "../../functions/shared/config.js";
import type { HttpEvent, HttpResult } from "../../functions/shared/http.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { repoRoot } from "../../infra/local/paths.js";
import { ensureTable } from "../../infra/local/provision.js";
import { ensureQueue, type LocalQueue, localSqsClient, startSqsLocal } from "../../infra/local/sqs-local.js";
import { QUEUES } from "../../infra/resources.js";
import { dropTable, writeItems } from "../lib/batch-write.js";
import { type DynamoMeter, meterDynamo } from "../lib/dynamo-meter.js";
import { applyEnvironment, functionEnvironment } from "../lib/env.js";
import { httpEvent, sqsEventOf } from "../lib/events.js";
import { elapsedMs, median, ratio, round } from "../lib/stats.js";
import { BENCH_ADMIN } from "./booking.js";

export const SLA_SWEEP = "functions/jobs/sla-sweep.handler.ts";
export const TICKET_QUEUE_CONSUMER = "functions/jobs/ticket-queue.handler.ts";
const OPEN_TICKET = "POST /tickets";
const DUE_PER_SWEEP = 10;
const TECHNICIAN_CLAIMS = { sub: "bench-technician", "custom:role": "technician" };
/** BatchWrite calls in flight while seeding the tickets. */
const SEED_LANES = 4;

export interface SlaSweepFigures {
  status: "measured";
  openSmall: number;
  openLarge: number;
  /** Items the sweep read (median of its runs) with the small and the large number of open tickets. */
  reads1k: number;
  reads100k: number;
  /** Watch entries the sweep found due (median): the 10 tickets, whatever else is open. */
  dueSmall: number;
  dueLarge: number;
  /** Median sweep time, large / small: under 2. */
  timeRatio: number;
  sweepMedianMsSmall: number;
  sweepMedianMsLarge: number;
  sweeps: number;
  /** DynamoDB requests of the consumer per `sla.check` message (the one that writes): at most 2. */
  requestsPerMessage: number;
  /** The same for `ticket.opened` (a ticket not yet due costs nothing), and over all messages. */
  requestsPerOpenedMessage: number;
  requestsPerMessageAll: number;
  checkMessages: number;
  openedMessages: number;
  /** Due tickets found afterwards with both their warning and their breach raised, of all due tickets. */
  alertedTickets: number;
  alertedOf: number;
  /** Entries in the SLA watch index after the large series, counted (all shards): the open tickets. */
  watchedLarge: number;
  /** Tickets written by BatchWrite to reach the large number, and the seconds it took. */
  seededTickets: number;
  seedSeconds: number;
}

type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;
type QueueHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;
type SweepHandler = (event: unknown, context: Context) => Promise<{ due: number; read: number }>;

/** A function as its composition root builds it, given the bench's metered client and clock. */
async function load<T>(entry: string, given: Provided): Promise<T> {
  const module = (await import(pathToFileURL(join(repoRoot, entry)).href)) as {
    compose: (config: Config, given: Provided) => T;
  };
  return module.compose(readConfig(), given);
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

/**
 * Writes `count` open P4 tickets of `contract`, received during the 24 hours before `now`: ticket
 * items as the store writes them (`ticketItem`), each with its own id and its watch entry.
 */
async function seedOpenTickets(
  doc: DynamoDBDocumentClient,
  tableName: string,
  contract: Contract,
  count: number,
  now: Date,
): Promise<number> {
  const spreadMs = 24 * 3_600_000;
  const items = Array.from({ length: count }, (_, i) =>
    ticketItem(
      openedTicket({
        id: randomIds.newId("tkt"),
        contractId: contract.id,
        customerId: contract.customerId,
        priority: "P4",
        subject: `Seeded ${i}`,
        receivedAt: new Date(now.getTime() - Math.floor((i / Math.max(1, count)) * spreadMs)),
        sla: contract.sla,
        openedBy: "bench-technician",
        now,
      }),
    ),
  );
  return writeItems(doc, tableName, items, SEED_LANES);
}

/** Counts the entries of the SLA watch index, every shard (a check of the seeding; never timed). */
async function countWatched(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let total = 0;
  for (const shard of keys.slaWatchShards()) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: INDEX.byDueAt.name,
          KeyConditionExpression: "gsi3pk = :shard",
          ExpressionAttributeValues: { ":shard": shard },
          Select: "COUNT",
          ExclusiveStartKey: startKey,
        }),
      );
      total += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return total;
}

export async function measureSlaSweep(
  endpoint: string,
  sizes: { small: number; large: number; sweeps: number },
  log: (message: string) => void = () => undefined,
): Promise<SlaSweepFigures> {
  const sqsServer = await startSqsLocal();
  const tableName = `bench-sla-${randomUUID()}`;
  try {
    const sqs = localSqsClient(sqsServer.endpoint);
    const queue = await ensureQueue(sqs, QUEUES.tickets, `bench-${randomUUID().slice(0, 8)}-`);
    await ensureTable(endpoint, tableName);
    const doc = createDocumentClient({ tableName, endpoint });
    const meter: DynamoMeter = meterDynamo(doc);
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const clock = new FixedClock(t0);
    const deps = {
      store: dynamoStore({ doc, name: tableName }, { clock, billingTimezone: "Europe/Berlin" }),
      clock,
      ids: randomIds,
      billingTimezone: "Europe/Berlin",
    };
    // The production adapters, as the roots build them: the SQS ticket queue (on the local server, by
    // configuration) and the configured publisher; the table on the bench's metered client.
    applyEnvironment(
      functionEnvironment({
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: endpoint,
        SQS_ENDPOINT: sqsServer.endpoint,
        TICKET_QUEUE_URL: queue.url,
      }),
    );
    const given: Provided = { dynamo: doc, clock };

    const group = routeSpec(OPEN_TICKET)?.group as string;
    const tickets = await load<HttpHandler>(
      (HANDLER_GROUPS as Record<string, { entry: string }>)[group]?.entry ?? "",
      given,
    );
    const consumer = await load<QueueHandler>(TICKET_QUEUE_CONSUMER, given);
    const sweep = await load<SweepHandler>(SLA_SWEEP, given);

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

    const counted = { opened: { messages: 0, requests: 0 }, check: { messages: 0, requests: 0 } };
    const deliverCounted = async (kind: keyof typeof counted) => {
      meter.reset();
      counted[kind].messages += await deliver(sqs, queue, consumer);
      counted[kind].requests += meter.requests();
    };

    await open("P4");
    await deliverCounted("opened");
    let openTickets = 1;
    let at = t0.getTime();
    let alertedTickets = 0;
    let alertedOf = 0;
    const sweepRuns = async (runs: number) => {
      const reads: number[] = [];
      const due: number[] = [];
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        clock.set(new Date(at));
        const dueIds: string[] = [];
        for (let i = 0; i < DUE_PER_SWEEP; i++) dueIds.push(await open("P1"));
        await deliverCounted("opened");
        at += 61 * 60_000;
        clock.set(new Date(at));
        meter.reset();
        const start = process.hrtime.bigint();
        const result = await sweep(
          { scheduledAt: new Date(at).toISOString() },
          lambdaContext("koad-job-sla-sweep"),
        );
        times.push(elapsedMs(start));
        reads.push(meter.itemsRead());
        due.push(result.due);
        await deliverCounted("check"); // the checks the sweep enqueued
        for (const id of dueIds) {
          const ticket = await deps.store.tickets.getTicket(id);
          if (ticket?.warnedAt && ticket.breachedAt) alertedTickets++;
          alertedOf++;
        }
        at += 60_000;
      }
      return { reads: median(reads), due: median(due), ms: median(times) };
    };

    await seedOpenTickets(doc, tableName, contract, sizes.small - openTickets, t0);
    openTickets = sizes.small;
    await sweepRuns(1); // warm-up
    const small = await sweepRuns(sizes.sweeps);
    log(`  ${sizes.small} open: sweep median ${round(small.ms)} ms, ${small.reads} items read`);
    const seedSeconds = await seedOpenTickets(doc, tableName, contract, sizes.large - openTickets, t0);
    log(`  seeded ${sizes.large - openTickets} open tickets in ${round(seedSeconds, 1)} s`);
    const large = await sweepRuns(sizes.sweeps);
    const watchedLarge = await countWatched(doc, tableName);
    log(
      `  ${sizes.large} open (${watchedLarge} in the watch index): sweep median ${round(large.ms)} ms, ${large.reads} items read`,
    );
    const perMessage = (c: { messages: number; requests: number }) =>
      round(c.requests / Math.max(1, c.messages));
    return {
      status: "measured",
      openSmall: sizes.small,
      openLarge: sizes.large,
      reads1k: small.reads,
      reads100k: large.reads,
      dueSmall: small.due,
      dueLarge: large.due,
      timeRatio: ratio(large.ms, small.ms),
      sweepMedianMsSmall: round(small.ms),
      sweepMedianMsLarge: round(large.ms),
      sweeps: sizes.sweeps,
      requestsPerMessage: perMessage(counted.check),
      requestsPerOpenedMessage: perMessage(counted.opened),
      requestsPerMessageAll: perMessage({
        messages: counted.check.messages + counted.opened.messages,
        requests: counted.check.requests + counted.opened.requests,
      }),
      checkMessages: counted.check.messages,
      openedMessages: counted.opened.messages,
      alertedTickets,
      alertedOf,
      watchedLarge,
      seededTickets: sizes.large - 1,
      seedSeconds: round(seedSeconds, 1),
    };
  } finally {
    await dropTable(endpoint, tableName).catch(() => undefined);
    await sqsServer.stop();
  }
}
