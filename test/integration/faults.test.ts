import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../domain/access.js";
import type { Contract } from "../../domain/contract.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { customerWith, monthly } from "../support/customers.js";
import { type StoreDeps, storeDeps } from "../support/dynamo.js";
import { inProcessApi } from "../support/handlers.js";
import { startMonthForTests, today } from "../support/route-fixtures.js";

/**
 * Faults injected into the real client talking to DynamoDB Local: a wrapping middleware that sits
 * inside the SDK's retry loop, so throttling and timeouts meet the SDK's retries as they would on AWS.
 */
type Fault = (
  command: string,
  input: Record<string, any>,
) => "throttle" | "timeout" | "conflict" | "lose-response" | "crash-before" | "crash-after" | null;

function injectFaults(doc: DynamoDBDocumentClient) {
  let fault: Fault = () => null;
  let injected = 0;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const kind = fault(String(context.commandName), args.input as Record<string, any>);
      if (kind) injected++;
      if (kind === "throttle") {
        throw Object.assign(new Error("Rate exceeded"), {
          name: "ThrottlingException",
          $fault: "client",
          $metadata: { httpStatusCode: 400 },
        });
      }
      if (kind === "timeout")
        throw Object.assign(new Error("socket timed out"), { name: "TimeoutError", $metadata: {} });
      if (kind === "conflict") {
        const items = (args.input as { TransactItems?: unknown[] }).TransactItems ?? [];
        throw Object.assign(new Error("Transaction cancelled"), {
          name: "TransactionCanceledException",
          $fault: "client",
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: items.map((_, i) => ({ Code: i === 0 ? "TransactionConflict" : "None" })),
        });
      }
      if (kind === "crash-before") throw Object.assign(new Error("process died"), { name: "SimulatedCrash" });
      const result = await next(args);
      if (kind === "lose-response") {
        // The write happened, but its answer never arrived: the SDK retries it as a transient error.
        throw Object.assign(new Error("connection reset"), { name: "TimeoutError", $metadata: {} });
      }
      if (kind === "crash-after")
        throw Object.assign(new Error("process died"), { name: "SimulatedCrash", $retryable: undefined });
      return result;
    },
    { step: "finalizeRequest", priority: "low", name: "injectFaults" },
  );
  return {
    set(next: Fault) {
      fault = next;
      injected = 0;
    },
    injected: () => injected,
  };
}

/** Command names as the client's middleware sees them (the low-level commands under lib-dynamodb's). */
const TRANSACT_WRITE = "TransactWriteItemsCommand";
const UPDATE = "UpdateItemCommand";

const admin: Actor = { role: "admin", customerId: null, subject: "faults-admin" };
const techClaims = { sub: "faults-tech", "custom:role": "technician" };
const adminClaims = { sub: "faults-admin", "custom:role": "admin" };

let deps: StoreDeps;
let faults: ReturnType<typeof injectFaults>;
let api: Awaited<ReturnType<typeof inProcessApi>>;

async function newMonthly(quota = 6000) {
  const { contracts } = await customerWith(deps, [monthly({ monthlyQuotaMinutes: quota })], "Faults GmbH");
  return contracts[0] as Contract;
}

function book(contractId: string, minutes = 30, key?: string) {
  return api.invoke("POST /contracts/{contractId}/bookings", {
    pathParameters: { contractId },
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify({ date: today(), minutes, category: "service", description: "Under faults" }),
    claims: techClaims,
  });
}

async function bookingsOf(contractId: string) {
  return (await deps.store.ledger.listBookings(contractId, today().slice(0, 7), { limit: 200 })).items;
}

/** The process dies once, just before it records a request's answer on its Idempotency-Key. */
function crashOnceBeforeRecordingTheAnswer(): void {
  let crashed = 0;
  faults.set((command, input) =>
    command === UPDATE &&
    String(input.Key?.pk?.S ?? input.Key?.pk).startsWith("IDEMPOTENCY#") &&
    crashed++ === 0
      ? "crash-before"
      : null,
  );
}

beforeAll(async () => {
  deps = await storeDeps(new Date().toISOString());
  faults = injectFaults(deps.doc);
  api = await inProcessApi(deps);
});

describe("faults in DynamoDB", () => {
  it("retries throttling: every request throttled once still books exactly once each", async () => {
    const contract = await newMonthly();
    const seen = new WeakSet<object>();
    faults.set((_, input) => {
      if (seen.has(input)) return null;
      seen.add(input);
      return "throttle";
    });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await book(contract.id));
    const throttled = faults.injected();
    faults.set(() => null);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(throttled).toBeGreaterThanOrEqual(3);
    expect(await bookingsOf(contract.id)).toHaveLength(3);
    expect((await deps.store.usage.getPeriod(contract.id, today().slice(0, 7)))?.usedMinutes).toBe(90);
  });

  it("re-plans after a transaction conflict and books once", async () => {
    const contract = await newMonthly();
    let conflicts = 0;
    faults.set((command) => (command === TRANSACT_WRITE && conflicts++ < 3 ? "conflict" : null));
    const response = await book(contract.id);
    faults.set(() => null);
    expect(response.status).toBe(201);
    expect(conflicts).toBeGreaterThanOrEqual(3);
    expect(await bookingsOf(contract.id)).toHaveLength(1);
  });

  it("retries timeouts before the request reached the table", async () => {
    const contract = await newMonthly();
    let timeouts = 0;
    faults.set((command) => (command === TRANSACT_WRITE && timeouts++ < 2 ? "timeout" : null));
    const response = await book(contract.id);
    faults.set(() => null);
    expect(response.status).toBe(201);
    expect(timeouts).toBeGreaterThanOrEqual(2);
    expect(await bookingsOf(contract.id)).toHaveLength(1);
  });

  it.each([
    ["with an Idempotency-Key (the guard replays)", "lost-answer"],
    ["without one (the transaction's ClientRequestToken)", undefined],
  ])(
    "does not book twice when a committed booking's answer is lost and the SDK retries it, %s",
    async (_how, key) => {
      const contract = await newMonthly();
      let lost = 0;
      faults.set((command) => (command === TRANSACT_WRITE && lost++ === 0 ? "lose-response" : null));
      const response = await book(contract.id, 30, key);
      faults.set(() => null);
      expect(lost).toBeGreaterThanOrEqual(2);
      expect(response.status).toBe(201);
      expect(await bookingsOf(contract.id)).toHaveLength(1);
      expect((await deps.store.usage.getPeriod(contract.id, today().slice(0, 7)))?.usedMinutes).toBe(30);
    },
  );

  it("answers a retry with the first response after the process died between the booking and its answer", async () => {
    const contract = await newMonthly();
    let crashed = 0;
    faults.set((command) => (command === TRANSACT_WRITE && crashed++ === 0 ? "crash-after" : null));
    const first = await book(contract.id, 45, "crash-booking");
    faults.set(() => null);
    expect(first.status).toBe(500);
    expect(first.body.error).toEqual({ code: "internal", message: "Internal error" });
    const retry = await book(contract.id, 45, "crash-booking");
    expect(retry.status).toBe(201);
    const booked = await bookingsOf(contract.id);
    expect(booked).toHaveLength(1);
    expect(retry.body.id).toBe(booked[0]?.id);
  });

  it("creates a customer once when the process died between creating it and recording the answer", async () => {
    const before = (await deps.store.customers.listCustomers({ limit: 200 })).items.length;
    crashOnceBeforeRecordingTheAnswer();
    const create = () =>
      api.invoke("POST /customers", {
        headers: { "content-type": "application/json", "idempotency-key": "crash-customer" },
        body: JSON.stringify({ name: "Crash Test KG" }),
        claims: adminClaims,
      });
    const first = await create();
    faults.set(() => null);
    expect(first.status).toBe(500);
    // The dead request's claim blocks retries until it has outlived any function run…
    const early = await create();
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("idempotency_conflict");
    deps.clock.advanceMinutes(2);
    // …then the retry runs again, finds the customer the first attempt made, and answers with it.
    const retry = await create();
    expect(retry.status).toBe(201);
    const after = (await deps.store.customers.listCustomers({ limit: 200 })).items.filter(
      (c) => c.name === "Crash Test KG",
    );
    expect(after).toHaveLength(1);
    expect(retry.body.id).toBe(after[0]?.id);
    expect((await deps.store.customers.listCustomers({ limit: 200 })).items.length).toBe(before + 1);
  });

  it("adds a top-up once when the process died before recording the answer", async () => {
    const customer = await createCustomer(deps, admin, { name: "Pool Crash" });
    const pool = await createContract(deps, admin, {
      customerId: customer.id,
      kind: "prepaid",
      monthlyBasisMinutes: 10,
      termYears: 1,
      startDate: `${startMonthForTests()}-01`,
    });
    crashOnceBeforeRecordingTheAnswer();
    const topUp = () =>
      api.invoke("POST /contracts/{contractId}/topups", {
        pathParameters: { contractId: pool.id },
        headers: { "content-type": "application/json", "idempotency-key": "crash-topup" },
        body: JSON.stringify({ minutes: 60 }),
        claims: adminClaims,
      });
    expect((await topUp()).status).toBe(500);
    faults.set(() => null);
    deps.clock.advanceMinutes(2);
    const retry = await topUp();
    expect(retry.status).toBe(201);
    expect((await deps.store.usage.getPool(pool.id))?.totalMinutes).toBe(120 + 60);
  });
});
