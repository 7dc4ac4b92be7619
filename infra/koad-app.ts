import { resolve } from "node:path";
import { App, type AppProps } from "aws-cdk-lib";
import { isTimeZone } from "../domain/calendar.js";
import type { HandlerGroupSpec } from "../functions/http/routes.js";
import type { JobDefinition } from "./jobs.js";
import { repoRoot } from "./local/paths.js";
import { KoadStatefulStack } from "./stateful-stack.js";
import { KoadStatelessStack, type StackRoute } from "./stateless-stack.js";

export interface KoadAppOptions {
  /** Context and the like; tests pass `aws:cdk:bundling-stacks: []` to skip esbuild. */
  appProps?: AppProps;
  /** Overrides of the shared tables, for tests that prove the generic wiring. */
  handlerGroups?: Record<string, HandlerGroupSpec>;
  routes?: Record<string, StackRoute>;
  jobs?: Record<string, JobDefinition>;
  dashboardDir?: string;
}

export interface KoadApp {
  app: App;
  stateful: KoadStatefulStack;
  stateless: KoadStatelessStack;
  billingTimezone: string;
}

/**
 * Settings fixed in code so that tests and the CLI synthesize the same thing. Cross-stack references
 * are CloudFormation exports ("strong"): the stateful stack cannot drop a table the stateless one uses.
 */
const DEFAULT_CONTEXT: Record<string, unknown> = {
  "@aws-cdk/core:defaultCrossStackReferences": "strong",
};

/** The context values `cdk deploy -c name=value` accepts (docs/deploy.md). */
export interface KoadContext {
  billingTimezone: string;
  alertEmail: string | undefined;
  reserveConcurrency: boolean;
  authDomainPrefix: string | undefined;
  /** The built dashboard to upload, relative to the repository root; default `dashboard`. */
  dashboardDir: string | undefined;
}

/** Reads and checks the context: a wrong value fails the synth, not the first month close. */
export function readContext(app: App): KoadContext {
  const text = (name: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(name);
    if (value === undefined || value === null || value === "") return undefined;
    return String(value);
  };
  const billingTimezone = text("billingTimezone") ?? "Europe/Berlin";
  if (!isTimeZone(billingTimezone)) {
    throw new Error(`Context billingTimezone "${billingTimezone}" is no IANA time zone`);
  }
  const alertEmail = text("alertEmail");
  if (alertEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alertEmail)) {
    throw new Error(`Context alertEmail "${alertEmail}" is no e-mail address`);
  }
  const authDomainPrefix = text("authDomainPrefix");
  if (authDomainPrefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix)) {
    throw new Error(
      `Context authDomainPrefix "${authDomainPrefix}" must be lower-case letters, digits, hyphens`,
    );
  }
  return {
    billingTimezone,
    alertEmail,
    reserveConcurrency: text("reserveConcurrency") !== "false",
    authDomainPrefix,
    dashboardDir: text("dashboardDir"),
  };
}

/**
 * The KoAd CDK app: the stateful stack and the stateless stack built on it. Environment-agnostic (no
 * account, region or lookups), so it synthesizes offline and deploys to whatever the CLI's credentials
 * point at.
 */
export function createKoadApp(options: KoadAppOptions = {}): KoadApp {
  const app = new App({
    ...options.appProps,
    context: { ...DEFAULT_CONTEXT, ...options.appProps?.context },
  });
  const context = readContext(app);
  const stateful = new KoadStatefulStack(app, "KoadStateful", {
    description: "KoAd data and identity: table, queues, alert topic, user pool (retained on delete)",
    alertEmail: context.alertEmail,
  });
  const stateless = new KoadStatelessStack(app, "KoadStateless", {
    description: "KoAd functions, HTTP API, schedules, alarms and the customer dashboard's hosting",
    stateful: stateful.resources,
    billingTimezone: context.billingTimezone,
    reserveConcurrency: context.reserveConcurrency,
    authDomainPrefix: context.authDomainPrefix,
    handlerGroups: options.handlerGroups,
    routes: options.routes,
    jobs: options.jobs,
    dashboardDir:
      options.dashboardDir ?? (context.dashboardDir ? resolve(repoRoot, context.dashboardDir) : undefined),
  });
  return { app, stateful, stateless, billingTimezone: context.billingTimezone };
}
