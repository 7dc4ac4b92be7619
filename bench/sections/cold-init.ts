import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { functionEnvironment } from "../lib/env.js";
import { median, ratio, round } from "../lib/stats.js";
import { type BuiltBundle, FLOOR, SHIPPED_FLOOR } from "./bundles.js";

const run = promisify(execFile);

/** Imports the bundle in a fresh process and prints how long the import (the Lambda init) took. */
const IMPORT_AND_TIME = `
const start = process.hrtime.bigint();
await import(process.env.BENCH_BUNDLE_URL);
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
`;

export interface ColdInit {
  name: string;
  medianMs: number;
  ratioToFloor: number;
  /** Against the floor built with the shipped options (see bundles.ts). */
  ratioToShippedFloor: number;
  /** Fastest and slowest run, for the spread. */
  minMs: number;
  maxMs: number;
}

async function importOnce(bundle: BuiltBundle): Promise<number> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", IMPORT_AND_TIME], {
    env: {
      ...functionEnvironment(),
      PATH: process.env.PATH ?? "",
      BENCH_BUNDLE_URL: pathToFileURL(bundle.file).href,
    },
  });
  const ms = Number(stdout.trim());
  if (!Number.isFinite(ms)) throw new Error(`Cold init of ${bundle.name} printed ${stdout}`);
  return ms;
}

/**
 * The median import time of each bundle in a fresh Node process. The runs go round-robin over the
 * bundles (floor, a, b, ..., floor, a, b, ...) so that a noisy moment hits all of them alike.
 */
export async function measureColdInit(bundles: readonly BuiltBundle[], runs: number): Promise<ColdInit[]> {
  const samples = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  // One unmeasured round warms the file cache.
  for (const bundle of bundles) await importOnce(bundle);
  for (let round = 0; round < runs; round++) {
    for (const bundle of bundles) samples.get(bundle.name)?.push(await importOnce(bundle));
  }
  const floor = median(samples.get(FLOOR) ?? []);
  const shippedFloor = median(samples.get(SHIPPED_FLOOR) ?? []);
  return bundles.map((bundle) => {
    const ms = samples.get(bundle.name) ?? [];
    return {
      name: bundle.name,
      medianMs: round(median(ms)),
      ratioToFloor: ratio(median(ms), floor),
      ratioToShippedFloor: ratio(median(ms), shippedFloor),
      minMs: round(Math.min(...ms)),
      maxMs: round(Math.max(...ms)),
    };
  });
}
