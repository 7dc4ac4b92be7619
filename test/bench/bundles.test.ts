import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltBundle, buildBundles, FLOOR, SHIPPED_FLOOR } from "../../bench/sections/bundles.js";
import { HANDLER_GROUPS } from "../../functions/http/routes.js";
import { JOBS } from "../../infra/jobs.js";

let outDir: string;
let bundles: BuiltBundle[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "koad-bundles-"));
  bundles = await buildBundles(outDir);
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe("benchmark bundles (npm run bench, item 1)", () => {
  it("builds one bundle per HTTP handler group and per job, plus the floor twice", () => {
    const expected = [
      FLOOR,
      SHIPPED_FLOOR,
      ...Object.keys(HANDLER_GROUPS).map((group) => `http-${group}`),
      ...Object.keys(JOBS).map((job) => `job-${job}`),
    ];
    expect(bundles.map((b) => b.name).sort()).toEqual(expected.sort());
  });

  it("reports bytes, gzip bytes and the ratio to the floor for each", () => {
    const floor = bundles.find((b) => b.name === FLOOR);
    const shipped = bundles.find((b) => b.name === SHIPPED_FLOOR);
    for (const bundle of bundles) {
      expect(bundle.bytes).toBeGreaterThan(0);
      expect(bundle.gzipBytes).toBeGreaterThan(0);
      expect(bundle.gzipBytes).toBeLessThan(bundle.bytes);
      expect(bundle.ratioToFloor).toBeCloseTo(bundle.bytes / (floor?.bytes ?? Number.NaN), 3);
      expect(bundle.ratioToShippedFloor).toBeCloseTo(bundle.bytes / (shipped?.bytes ?? Number.NaN), 3);
      expect(bundle.largestInputs.length).toBeGreaterThan(0);
    }
  });

  it("bundles the AWS SDK's ESM build into every function that uses the table, never its CommonJS one", () => {
    for (const bundle of bundles) {
      expect(bundle.commonJsBytes, bundle.name).toBe(0);
      // health touches no table: it builds no store, so it has no DynamoDB client (see test/infra).
      if (bundle.name === "http-health") continue;
      const sdk = bundle.largestInputs.find((input) => input.input === "@aws-sdk/client-dynamodb");
      expect(sdk?.bytes, bundle.name).toBeGreaterThan(0);
    }
  });

  it("keeps zod tree-shaken: no function carries more than 100 KB of it (all of zod is 417 KB)", () => {
    for (const bundle of bundles) {
      const zod = bundle.largestInputs.find((input) => input.input === "zod")?.bytes ?? 0;
      expect(zod, bundle.name).toBeLessThan(100_000);
    }
  });

  it("builds the issue's floor with the SDK's default credential chain and the shipped one without it", () => {
    const floor = bundles.find((b) => b.name === FLOOR);
    const shipped = bundles.find((b) => b.name === SHIPPED_FLOOR);
    const nestedClients = (b: BuiltBundle | undefined) =>
      b?.largestInputs.find((input) => input.input === "@aws-sdk/nested-clients")?.bytes ?? 0;
    expect(nestedClients(floor)).toBeGreaterThan(0);
    expect(nestedClients(shipped)).toBe(0);
    expect(shipped?.bytes).toBeLessThan(floor?.bytes ?? 0);
  });
});
