import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll } from "vitest";
import type { HandlerGroupSpec } from "../../functions/http/routes.js";
import { HANDLER_GROUPS, ROUTES } from "../../functions/http/routes.js";
import type { JobDefinition } from "../../infra/jobs.js";
import { createKoadApp, type KoadApp, type KoadAppOptions } from "../../infra/koad-app.js";
import type { StackRoute } from "../../infra/stateless-stack.js";

/** An existing module; with bundling skipped the stack only checks that an entry exists. */
const SOME_ENTRY = "functions/http/health.handler.ts";

/**
 * Jobs like the ones the close and SLA work add (JOBS is empty on this branch), so the generic job
 * wiring is proven: a scheduled starter that sends to a queue, a queue worker that publishes alerts,
 * a read-only queue consumer.
 */
export const FAKE_JOBS: Record<string, JobDefinition> = {
  closeStarter: {
    entry: SOME_ENTRY,
    trigger: { schedule: "monthClose" },
    sendsTo: ["monthClose"],
    publishesAlerts: false,
    timeoutSeconds: 60,
  },
  closeWorker: {
    entry: SOME_ENTRY,
    trigger: { queue: "monthClose" },
    sendsTo: [],
    publishesAlerts: true,
    timeoutSeconds: 60,
  },
  ticketWatch: {
    entry: SOME_ENTRY,
    trigger: { queue: "tickets" },
    sendsTo: [],
    publishesAlerts: true,
    timeoutSeconds: 30,
    table: "read",
  },
};

/** Handler groups beyond today's: one that sends to a queue and publishes, one that only reads. */
export const FAKE_HANDLER_GROUPS: Record<string, HandlerGroupSpec> = {
  ...(HANDLER_GROUPS as Record<string, HandlerGroupSpec>),
  tickets: { entry: SOME_ENTRY, sendsTo: ["tickets"], publishesAlerts: true },
  alerts: { entry: SOME_ENTRY },
};

export const FAKE_ROUTES: Record<string, StackRoute> = {
  ...(ROUTES as Record<string, StackRoute>),
  "POST /tickets": { group: "tickets", auth: "token" },
  "GET /tickets/{ticketId}": { group: "tickets", auth: "token" },
  "GET /alerts": { group: "alerts", auth: "token" },
};

/**
 * Cloud assemblies of this test file (one with a BucketDeployment is 20 MB), removed after it: the
 * hook is registered when a test file imports this module.
 */
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface SynthesizedKoad extends KoadApp {
  statefulTemplate: Template;
  statelessTemplate: Template;
}

/**
 * The KoAd app, synthesized without esbuild (test/infra/bundling.test.ts bundles for real once):
 * templates are what CloudFormation gets, only the code assets are placeholders. Its cloud assembly
 * goes to a temporary folder removed after the test file.
 */
export function synthKoad(
  options: KoadAppOptions & { context?: Record<string, unknown>; beforeSynth?: (app: KoadApp) => void } = {},
): SynthesizedKoad {
  const outdir = mkdtempSync(join(tmpdir(), "koad-synth-"));
  outdirs.push(outdir);
  const koad = createKoadApp({
    ...options,
    appProps: { outdir, context: { "aws:cdk:bundling-stacks": [], ...options.context } },
  });
  options.beforeSynth?.(koad);
  return {
    ...koad,
    statefulTemplate: Template.fromStack(koad.stateful),
    statelessTemplate: Template.fromStack(koad.stateless),
  };
}

/** The app with the fake jobs and groups above: everything the generic wiring can produce. */
export function synthKoadWithFakes(
  options: KoadAppOptions & { context?: Record<string, unknown>; beforeSynth?: (app: KoadApp) => void } = {},
): SynthesizedKoad {
  return synthKoad({ jobs: FAKE_JOBS, handlerGroups: FAKE_HANDLER_GROUPS, routes: FAKE_ROUTES, ...options });
}

/** A built dashboard stand-in: a folder with an index.html (one fixed folder, rewritten by each file). */
export function fakeDashboardDir(): string {
  const dir = join(tmpdir(), "koad-fake-dashboard");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>KoAd</title>");
  return dir;
}

/** A folder that does not exist: the dashboard is not built yet. */
export const NO_DASHBOARD = join(tmpdir(), "koad-no-dashboard-here");
