/**
 * `npm run bench`: KoAd's benchmarks (issue #7). Every figure is measured side by side with a bare
 * floor in the same run and reported as a ratio, because the machines are shared and noisy. Prints a
 * table and writes bench/results.json (`--quick`: smaller samples, written to bench/out/ instead).
 *
 *   npm run bench                 the full run (about 3.5 minutes on 2 cores)
 *   npm run bench -- --quick      a smoke run
 *   npm run bench -- --only=bundles,cold-init,booking,contention,month-close,sla-sweep
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningDynamoDb, startDynamoDbLocal } from "../infra/local/dynamodb-local.js";
import { repoRoot } from "../infra/local/paths.js";
import { applyEnvironment, functionEnvironment } from "./lib/env.js";
import { describeMachine } from "./lib/machine.js";
import { checksOf, markdownTable, type Results } from "./lib/report.js";
import { measureBooking, measureFloorThroughput, warmEngine } from "./sections/booking.js";
import { type BuiltBundle, buildBundles, FLOOR, FLOOR_ENTRY } from "./sections/bundles.js";
import { type ColdInit, measureColdInit } from "./sections/cold-init.js";
import { measureContention } from "./sections/contention.js";
import { measureMonthClose } from "./sections/month-close.js";
import { measureSlaSweep } from "./sections/sla-sweep.js";

const SECTIONS = ["bundles", "cold-init", "booking", "contention", "month-close", "sla-sweep"] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const only = new Set<Section>(onlyArg ? (onlyArg.split(",") as Section[]) : SECTIONS);
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`Unknown section ${name}`);

/** Sample sizes: the issue's for a full run, small ones for a smoke run. */
const SIZES = quick
  ? {
      coldInitRuns: 5,
      bookingRequests: 100,
      engineWarmUp: 200,
      floorPerClient: 5,
      contentionPerClient: 3,
      close: { warmUp: 200, small: 100, large: 1000, history: 10 },
      sla: { small: 100, large: 2000, sweeps: 3 },
    }
  : {
      coldInitRuns: 20,
      bookingRequests: 500,
      engineWarmUp: 1500,
      floorPerClient: 30,
      contentionPerClient: 20,
      close: { warmUp: 5000, small: 1000, large: 10_000, history: 50 },
      sla: { small: 1000, large: 100_000, sweeps: 9 },
    };

const skipped = { status: "skipped" } as const;
const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(): Promise<void> {
  applyEnvironment(functionEnvironment());
  const machine = await describeMachine();
  const outDir = join(repoRoot, "bench/out");
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();

  let bundles: BuiltBundle[] = [];
  let coldInit: ColdInit[] = [];
  if (only.has("bundles") || only.has("cold-init")) {
    log("1 bundles: building every function with infra/bundling.ts");
    // Outside bench/out: `tsc -p .` checks JavaScript under bench/ (checkJs), and would then check the
    // minified bundles; .cache is excluded from tsc, Biome and git.
    bundles = await buildBundles(join(repoRoot, ".cache/bench-bundles"));
  }
  if (only.has("cold-init")) {
    log(`2 cold init: ${SIZES.coldInitRuns} fresh processes per bundle, round-robin`);
    coldInit = await measureColdInit(bundles, SIZES.coldInitRuns);
  }

  let engine: RunningDynamoDb | undefined;
  let booking: Results["booking"] = skipped;
  let floorThroughput: Results["floorThroughput"] = skipped;
  let monthClose: Results["monthClose"] = skipped;
  let slaSweep: Results["slaSweep"] = skipped;
  if (only.has("booking") || only.has("month-close") || only.has("sla-sweep")) {
    engine = await startDynamoDbLocal();
    try {
      log("warming DynamoDB Local");
      await warmEngine(engine.endpoint, SIZES.engineWarmUp);
      if (only.has("booking")) {
        log("3 booking: handler vs bare transaction, alternating");
        booking = await measureBooking(engine.endpoint, SIZES.bookingRequests);
      }
      log("bare transactions with 32 clients");
      floorThroughput = await measureFloorThroughput(engine.endpoint, 32, SIZES.floorPerClient);
      if (only.has("month-close")) {
        log("5 month close");
        monthClose = await measureMonthClose(
          engine.endpoint,
          SIZES.close,
          floorThroughput.transactionsPerSecond,
          log,
        );
      }
      if (only.has("sla-sweep")) {
        log("6 SLA sweep");
        slaSweep = await measureSlaSweep(engine.endpoint, SIZES.sla, log);
      }
    } finally {
      await engine.stop();
    }
  }

  let contention: Results["contention"] = skipped;
  let memory: Results["memory"] = skipped;
  if (only.has("contention")) {
    log("4 + 7 contention over HTTP on the local system, memory sampled");
    const figures = await measureContention(32, SIZES.contentionPerClient);
    const { memory: measuredMemory, ...rest } = figures;
    contention = rest;
    memory = measuredMemory;
  }

  const floorBundle = bundles.find((b) => b.name === FLOOR);
  const partial: Omit<Results, "checks"> = {
    date: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
    quick,
    machine,
    floor: {
      entry: FLOOR_ENTRY,
      bytes: floorBundle?.bytes ?? null,
      coldInitMs: coldInit.find((c) => c.name === FLOOR)?.medianMs ?? null,
      transactionMedianMs: "floorMedianMs" in booking ? booking.floorMedianMs : null,
      transactionP99Ms: "floorP99Ms" in booking ? booking.floorP99Ms : null,
      transactionsPerSecond32:
        "transactionsPerSecond" in floorThroughput ? floorThroughput.transactionsPerSecond : null,
    },
    bundles: bundles.map(
      ({
        name,
        bytes,
        gzipBytes,
        ratioToFloor,
        ratioToShippedFloor,
        commonJsBytes,
        largestInputs,
        overFloor,
      }) => ({
        name,
        bytes,
        gzipBytes,
        ratioToFloor,
        ratioToShippedFloor,
        commonJsBytes,
        overFloor,
        largestInputs,
      }),
    ),
    coldInit,
    booking,
    contention,
    monthClose,
    slaSweep,
    memory,
    floorThroughput,
  };
  const results: Results = { ...partial, checks: checksOf(partial) };
  const file = quick || onlyArg ? join(outDir, "results.json") : join(repoRoot, "bench/results.json");
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(markdownTable(results));
  log(
    `done in ${Math.round((Date.now() - started) / 1000)} s; results in ${file.slice(repoRoot.length + 1)}`,
  );
}

await main();
