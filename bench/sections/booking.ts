import { randomUUID } from "node:crypto";
import { TransactWriteItemsCommand, type TransactWriteItemsCommandInput } from "@aws-sdk/client-dynamodb";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import type { Actor } from "../../domain/access.js";
import { dateIn, monthOf } from "../../domain/calendar.js";
import { randomIds } from "../../domain/ids.js";
import { systemClock } from "../../domain/ports.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import type { HttpEvent, HttpResult } from "../../functions/shared/http.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { ensureTable } from "../../infra/local/provision.js";
import { meterDynamo } from "../lib/dynamo-meter.js";
import { applyEnvironment, functionEnvironment } from "../lib/env.js";
import { httpEvent } from "../lib/events.js";
import { elapsedMs, median, percentile, ratio, round } from "../lib/stats.js";

const BILLING_TIMEZONE = "Europe/Berlin";
const ROUTE = "POST /contracts/{contractId}/bookings";
export const BENCH_ADMIN: Actor = { role: "admin", customerId: null, subject: "bench-admin" };
const TECHNICIAN_CLAIMS = { sub: "bench-technician", "custom:role": "technician" };

type BookingsHandler = (event: HttpEvent, context: ReturnType<typeof lambdaContext>) => Promise<HttpResult>;
type FloorModule = typeof import("../floor/bare-transaction.handler.js");

export interface BookingFigures {
  /** DynamoDB requests a warm new booking made, averaged over the measured series (target 1). */
  requestsPerNewBooking: number;
  requestsPerNewBookingMax: number;
  /** The first booking of a contract-month in a process also reads the booking context. */
  requestsFirstBookingInProcess: number;
  /** A retried request (same Idempotency-Key, same body): the guard item answers. */
  requestsPerReplay: number;
  medianMs: number;
  p99Ms: number;
  /** Time inside DynamoDB's `send` for the booking's transaction, and the rest (the handler's own). */
  dynamoMedianMs: number;
  handlerOverheadMedianMs: number;
  floorMedianMs: number;
  floorP99Ms: number;
  medianRatio: number;
  p99Ratio: number;
  requests: number;
  /**
   * The booking's own transaction (as the handler sent it) re-sent with fresh ids, against the floor's,
   * median ratio: whole, and without its `Idempotency-Key` guard item, to show what each item costs.
   */
  transaction: { items: number; medianRatio: number; withoutGuardMedianRatio: number; rounds: number };
}

export interface FloorThroughput {
  clients: number;
  transactions: number;
  transactionsPerSecond: number;
}

interface Setup {
  deps: UseCaseDeps;
  /** Books once more and keeps the transaction the store sent (outside any timed series). */
  captureTransaction: (book: () => Promise<unknown>) => Promise<TransactWriteItemsCommandInput>;
  meter: ReturnType<typeof meterDynamo>;
  handler: BookingsHandler;
  floor: FloorModule;
  floorMeter: ReturnType<typeof meterDynamo>;
  tableName: string;
}

let setup: Setup | undefined;

/**
 * Loads the real bookings handler and the floor handler into this process, both on one table of the
 * bench's DynamoDB Local. The handler builds its own store, as it does on Lambda (functions/shared/
 * deps.ts), on the table put in place with `useTable`, whose document client is metered. The contract
 * is set up through a store of every repository on the same client.
 */
async function prepare(endpoint: string): Promise<Setup> {
  if (setup) return setup;
  const tableName = `bench-booking-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  applyEnvironment(functionEnvironment({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint }));
  const floor: FloorModule = await import("../floor/bare-transaction.handler.js");
  const doc = createDocumentClient({ tableName, endpoint });
  // The bookings function as its composition root builds it, given the bench's metered client.
  const { compose } = await import("../../functions/http/bookings.handler.js");
  const { readConfig } = await import("../../functions/shared/config.js");
  const handler = compose(readConfig(), { dynamo: doc }) as unknown as BookingsHandler;
  const deps: UseCaseDeps = {
    store: dynamoStore({ doc, name: tableName }, { clock: systemClock, billingTimezone: BILLING_TIMEZONE }),
    clock: systemClock,
    ids: randomIds,
    billingTimezone: BILLING_TIMEZONE,
  };
  let capturing = false;
  let captured: TransactWriteItemsCommandInput | undefined;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (capturing && context.commandName?.startsWith("TransactWrite")) {
        captured = structuredClone(args.input as TransactWriteItemsCommandInput);
      }
      return next(args);
    },
    { step: "initialize", name: "benchCaptureTransaction", priority: "high" },
  );
  const captureTransaction = async (book: () => Promise<unknown>) => {
    capturing = true;
    try {
      await book();
    } finally {
      capturing = false;
    }
    if (!captured) throw new Error("No booking transaction was captured");
    return captured;
  };
  setup = {
    deps,
    captureTransaction,
    meter: meterDynamo(doc),
    handler,
    floor,
    floorMeter: meterDynamo(floor.client),
    tableName,
  };
  return setup;
}

async function bigQuotaContract(deps: UseCaseDeps): Promise<string> {
  const customer = await createCustomer(deps, BENCH_ADMIN, { name: `Bench ${randomUUID()}` });
  const contract = await createContract(deps, BENCH_ADMIN, {
    customerId: customer.id,
    kind: "monthly",
    // Big enough that no booking of the run is refused and no threshold alert joins the transaction.
    monthlyQuotaMinutes: 100_000_000,
    startMonth: monthOf(dateIn(BILLING_TIMEZONE, new Date())),
  });
  return contract.id;
}

function bookingEvent(contractId: string, idempotencyKey: string, index: number): HttpEvent {
  return httpEvent({
    routeKey: ROUTE,
    path: `/contracts/${contractId}/bookings`,
    pathParameters: { contractId },
    claims: TECHNICIAN_CLAIMS,
    idempotencyKey,
    body: {
      date: dateIn(BILLING_TIMEZONE, new Date()),
      minutes: 15,
      category: "service",
      description: `Bench booking ${index}`,
    },
  });
}

async function book(
  s: Setup,
  event: HttpEvent,
  context = lambdaContext("koad-http-bookings"),
): Promise<HttpResult> {
  const result = await s.handler(event, context);
  if (result.statusCode !== 201) throw new Error(`Booking answered ${result.statusCode}: ${result.body}`);
  return result;
}

/**
 * Item 3: a new booking's DynamoDB requests, and the booking handler's latency against the bare
 * transaction, measured alternately in one process (booking, floor, floor, booking, ...) so noise
 * lands on both series alike.
 */
export async function measureBooking(endpoint: string, requests: number): Promise<BookingFigures> {
  const s = await prepare(endpoint);
  const contractId = await bigQuotaContract(s.deps);

  // The first booking of the contract-month in this process reads the booking context.
  s.meter.reset();
  await book(s, bookingEvent(contractId, randomUUID(), -1));
  const requestsFirstBookingInProcess = s.meter.requests();

  // As many unmeasured rounds as measured ones: the engine warmed up on the floor's transaction
  // (warmEngine), and both series should be measured with their code paths (JVM and V8) equally warm.
  for (let i = 0; i < requests; i++) {
    await book(s, bookingEvent(contractId, randomUUID(), i));
    await s.floor.handler({ contractId: "warm-up", bookingId: randomUUID(), minutes: 15 });
  }

  const bookingMs: number[] = [];
  const dynamoMs: number[] = [];
  const floorMs: number[] = [];
  const requestCounts: number[] = [];
  const timeBooking = async (i: number) => {
    const event = bookingEvent(contractId, randomUUID(), i);
    const context = lambdaContext("koad-http-bookings");
    s.meter.reset();
    const start = process.hrtime.bigint();
    await book(s, event, context);
    bookingMs.push(elapsedMs(start));
    requestCounts.push(s.meter.requests());
    dynamoMs.push(s.meter.lastCommandMs());
  };
  const timeFloor = async () => {
    const start = process.hrtime.bigint();
    await s.floor.handler({ contractId: "floor", bookingId: randomUUID(), minutes: 15 });
    floorMs.push(elapsedMs(start));
  };
  for (let i = 0; i < requests; i++) {
    if (i % 2 === 0) {
      await timeBooking(i);
      await timeFloor();
    } else {
      await timeFloor();
      await timeBooking(i);
    }
  }

  const captured = await s.captureTransaction(() =>
    book(s, bookingEvent(contractId, randomUUID(), requests)),
  );
  const transaction = await measureTransactionShapes(s, captured, Math.max(100, Math.round(requests / 2)));

  // A retried request: same key, same body.
  const replayed = bookingEvent(contractId, `replay-${randomUUID()}`, 0);
  const first = await book(s, replayed);
  s.meter.reset();
  const again = await book(s, replayed);
  // The record keeps the response as the JSON it was sent as: the replay answers the same bytes.
  if (again.body !== first.body) {
    throw new Error(`A replayed booking answered differently: ${first.body} then ${again.body}`);
  }
  const requestsPerReplay = s.meter.requests();

  const totalRequests = requestCounts.reduce((a, b) => a + b, 0);
  const overhead = bookingMs.map((ms, i) => ms - (dynamoMs[i] ?? 0));
  return {
    requestsPerNewBooking: round(totalRequests / requestCounts.length, 3),
    requestsPerNewBookingMax: Math.max(...requestCounts),
    requestsFirstBookingInProcess,
    requestsPerReplay,
    medianMs: round(median(bookingMs)),
    p99Ms: round(percentile(bookingMs, 99)),
    dynamoMedianMs: round(median(dynamoMs)),
    handlerOverheadMedianMs: round(median(overhead)),
    floorMedianMs: round(median(floorMs)),
    floorP99Ms: round(percentile(floorMs, 99)),
    medianRatio: ratio(median(bookingMs), median(floorMs)),
    p99Ratio: ratio(percentile(bookingMs, 99), percentile(floorMs, 99)),
    requests,
    transaction,
  };
}

/** The booking's transaction again (as sent: attribute values), with a fresh booking id and key. */
function freshCopy(
  input: TransactWriteItemsCommandInput,
  withGuard: boolean,
): TransactWriteItemsCommandInput {
  const suffix = randomUUID();
  const items = (input.TransactItems ?? []).flatMap((item) => {
    const put = item.Put?.Item;
    if (!item.Put || !put) return [item];
    if (put.pk?.S?.startsWith("IDEMPOTENCY#")) {
      return withGuard
        ? [{ Put: { ...item.Put, Item: { ...put, pk: { S: `IDEMPOTENCY#bench:${suffix}` } } } }]
        : [];
    }
    return [{ Put: { ...item.Put, Item: { ...put, sk: { S: `${put.sk?.S ?? ""}-${suffix}` } } } }];
  });
  return { ...input, TransactItems: items };
}

/**
 * What the booking's transaction costs by itself, item by item: a transaction the handler sent
 * (its usage update, booking and guard, as they are), re-sent with fresh ids, alternating with the
 * floor's, and once more without the guard item.
 */
async function measureTransactionShapes(
  s: Setup,
  captured: TransactWriteItemsCommandInput,
  rounds: number,
): Promise<BookingFigures["transaction"]> {
  const times = { floor: [] as number[], whole: [] as number[], withoutGuard: [] as number[] };
  const timed = async (series: number[], send: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await send();
    series.push(elapsedMs(start));
  };
  for (let i = 0; i < rounds; i++) {
    await timed(times.floor, () =>
      s.floor.handler({ contractId: "shapes", bookingId: randomUUID(), minutes: 15 }),
    );
    await timed(times.whole, () =>
      s.floor.client.send(new TransactWriteItemsCommand(freshCopy(captured, true))),
    );
    await timed(times.withoutGuard, () =>
      s.floor.client.send(new TransactWriteItemsCommand(freshCopy(captured, false))),
    );
  }
  return {
    items: captured.TransactItems?.length ?? 0,
    medianRatio: ratio(median(times.whole), median(times.floor)),
    withoutGuardMedianRatio: ratio(median(times.withoutGuard), median(times.floor)),
    rounds,
  };
}

/** Runs bare transactions until DynamoDB Local's JIT has warmed up, so the first series is not penalised. */
export async function warmEngine(endpoint: string, transactions: number): Promise<void> {
  const s = await prepare(endpoint);
  const lanes = 4;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; i < transactions / lanes; i++) {
        await s.floor.handler({ contractId: `warm-${lane}`, bookingId: randomUUID(), minutes: 15 });
      }
    }),
  );
}

/**
 * The bare transaction's throughput with `clients` concurrent callers in this process, each on its own
 * counter: the ceiling the month close's rate is compared with.
 */
export async function measureFloorThroughput(
  endpoint: string,
  clients: number,
  perClient: number,
): Promise<FloorThroughput> {
  const s = await prepare(endpoint);
  const lane = async (client: number) => {
    for (let i = 0; i < perClient; i++) {
      await s.floor.handler({ contractId: `tps-${client}`, bookingId: randomUUID(), minutes: 15 });
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => lane(c))); // warm-up round
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, (_, c) => lane(c)));
  const seconds = elapsedMs(start) / 1000;
  return {
    clients,
    transactions: clients * perClient,
    transactionsPerSecond: round((clients * perClient) / seconds, 0),
  };
}
