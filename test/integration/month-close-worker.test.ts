import type { Context, SQSEvent } from "aws-lambda";
import { beforeEach, describe, expect, it } from "vitest";
import type { Contract } from "../../domain/contract.js";
import type { Store } from "../../domain/repositories.js";
import { monthCloseWorker } from "../../functions/jobs/month-close-worker.job.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { customerWith } from "../support/customers.js";
import { bookOn, type World, world } from "../support/month-close-world.js";
import { closeQueueEvent } from "../support/sqs-events.js";

const AFTER_JANUARY = "2026-01-31T23:30:00Z";

class WorkerKilled extends Error {}

/**
 * The store as seen by a worker that dies during its `dieAt`-th close transaction: that one is
 * written, the process dies before acknowledging it, and nothing after reaches DynamoDB.
 */
function dyingStore(store: Store, dieAt: number): Store {
  return { ...store, monthClose: dyingMonthClose(store.monthClose, dieAt) };
}

function dyingMonthClose(monthClose: Store["monthClose"], dieAt: number): Store["monthClose"] {
  let commits = 0;
  let dead = false;
  return new Proxy(monthClose, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        if (dead) throw new WorkerKilled("the worker is dead");
        if (property === "commitMonthClose") {
          commits += 1;
          if (commits > dieAt) throw new WorkerKilled("the worker died before this write");
          const written = await value.apply(target, args);
          if (commits === dieAt) {
            dead = true;
            throw new WorkerKilled("the worker died after this write");
          }
          return written;
        }
        return value.apply(target, args);
      };
    },
  });
}

let w: World;
let contracts: Contract[];
/** The worker as its composition root builds it, on the ports `setPorts` gives it. */
let worker: ReturnType<typeof monthCloseWorker>;
const handler = (event: SQSEvent, context: Context) => worker(event, context);
const setPorts = (ports: World["deps"]) => {
  worker = monthCloseWorker(ports);
};
const used = [15, 30, 45, 60, 75, 90, 105, 120, 135, 150];

beforeEach(async () => {
  w = await world("2026-01-20T10:00:00Z");
  const made = await customerWith(
    w.deps,
    used.map(() => ({ kind: "monthly" as const, monthlyQuotaMinutes: 600, startMonth: "2026-01" })),
  );
  contracts = made.contracts;
  for (const [i, contract] of contracts.entries()) await bookOn(w.deps, contract.id, "2026-01-12", used[i]!);
  w.deps.clock.set(AFTER_JANUARY);
});

const jobs = () => contracts.map((c) => JSON.stringify({ contractId: c.id, month: "2026-01" }));

describe("month close worker", () => {
  it("resumes after a worker killed mid-batch: the rerun closes the rest, nothing twice", async () => {
    // Prepare: the first worker dies during its 4th close transaction, after writing it
    setPorts({ ...w.deps, store: dyingStore(w.deps.store, 4) });
    await handler(closeQueueEvent(jobs()), lambdaContext("koad-monthCloseWorker"));
    const closedBefore = [];
    for (const c of contracts) if ((await w.read.statementItems(c.id)).length > 0) closedBefore.push(c.id);
    expect(closedBefore).toHaveLength(4);
    // Act: SQS redelivers the whole batch (nothing was acknowledged) to a healthy worker
    setPorts(w.deps);
    const rerun = await handler(closeQueueEvent(jobs()), lambdaContext("koad-monthCloseWorker"));
    // Assess
    expect(rerun.batchItemFailures).toEqual([]);
    for (const [i, c] of contracts.entries()) {
      const statements = await w.read.statementItems(c.id);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatchObject({ usedMinutes: used[i], expiredMinutes: 600 - used[i]! });
      expect(await w.deps.store.usage.getPeriod(c.id, "2026-01")).toMatchObject({
        expiredMinutes: 600 - used[i]!,
      });
      expect(await w.deps.store.contracts.getContract(c.id)).toMatchObject({
        closedThroughMonth: "2026-01",
        version: 2,
      });
    }
    expect(await w.read.alertItemsOfCustomer(contracts[0]!.customerId)).toHaveLength(10);
  });

  it("fails malformed and impossible jobs alone and closes the rest of the batch", async () => {
    setPorts(w.deps);
    const bodies = [
      ...jobs().slice(0, 3),
      "not json",
      JSON.stringify({ contractId: contracts[3]!.id }),
      JSON.stringify({ contractId: contracts[4]!.id, month: "2026-13" }),
      JSON.stringify({ contractId: "con_unknown", month: "2026-01" }),
      JSON.stringify({ contractId: contracts[5]!.id, month: "2026-02" }), // not ended yet
    ];
    // Act
    const response = await handler(closeQueueEvent(bodies), lambdaContext("koad-monthCloseWorker"));
    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([
      "msg-3",
      "msg-4",
      "msg-5",
      "msg-6",
      "msg-7",
    ]);
    for (const c of contracts.slice(0, 3)) expect(await w.read.statementItems(c.id)).toHaveLength(1);
    for (const c of contracts.slice(3)) expect(await w.read.statementItems(c.id)).toHaveLength(0);
  });
});
