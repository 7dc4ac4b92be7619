import { join } from "node:path";
import { dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import type { TicketQueue } from "../../domain/ticket.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { clockOf, type Provided, portsWith, tableOf } from "../../functions/shared/composition.js";
import { readConfig } from "../../functions/shared/config.js";
import { logger } from "../../functions/shared/logger.js";
import { ticketQueueOf } from "../../functions/shared/queues.js";
import { JOBS } from "../jobs.js";
import { QUEUES, type QueueName } from "../resources.js";
import { SCHEDULES, type ScheduleName } from "../schedules.js";
import { type RunningApi, startApiServer } from "./api-server.js";
import { dashboardFiles } from "./dashboard-files.js";
import { type RunningDynamoDb, startDynamoDbLocal } from "./dynamodb-local.js";
import { composedHandler } from "./functions.js";
import { lambdaContext } from "./lambda-context.js";
import { repoRoot } from "./paths.js";
import { ensureTable } from "./provision.js";
import { type Poller, type SqsHandler, startPoller } from "./queue-poller.js";
import { type LocalSchedule, startScheduler } from "./scheduler.js";
import { ensureQueue, type LocalQueue, localSqsClient, startSqsLocal } from "./sqs-local.js";
import { localSigningKey } from "./token.js";

export interface LocalSystemOptions {
  /** 0 picks a free port. */
  port: number;
  /** Keep nothing on disk (tests, `--in-memory`). */
  inMemory: boolean;
  dataDir: string;
  /** Reuse a running DynamoDB Local instead of starting one (tests share one engine). */
  dynamoEndpoint?: string | undefined;
  tableName?: string | undefined;
  billingTimezone?: string | undefined;
  /** Start the schedules (npm start); tests fire them by hand. */
  schedules?: boolean | undefined;
  /**
   * What every function of this system is given instead of building its own: a test's clock that
   * walks through months, a benchmark's metered document client.
   */
  given?: Provided | undefined;
  /** Shorter visibility timeouts make redelivery testable in seconds. */
  visibilityTimeoutSeconds?: number | undefined;
}

export type LocalPorts = UseCaseDeps & { ticketQueue: TicketQueue };

export interface LocalSystem {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  signingKey: Uint8Array;
  sqsEndpoint: string;
  queues: Record<QueueName, LocalQueue>;
  /** Runs a scheduled job now, as its schedule would at `at`. */
  fireSchedule(name: ScheduleName, at?: Date): Promise<void>;
  /** Every repository on the system's table, with the ticket queue: for seeding and for tests. */
  ports: LocalPorts;
  /** Resolves when every queue consumer has seen its queue empty. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

type ScheduledHandler = (event: { scheduledAt: string }, context: unknown) => Promise<unknown>;

/**
 * The whole system on this machine: DynamoDB Local with the table from the shared definition, and
 * the HTTP API calling the real handlers. The handlers get their configuration the way Lambda gives
 * it, through environment variables.
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const stops: (() => Promise<void>)[] = [];
  try {
    let dynamo: RunningDynamoDb | null = null;
    let dynamoEndpoint = options.dynamoEndpoint;
    if (!dynamoEndpoint) {
      dynamo = await startDynamoDbLocal({
        dataDir: options.inMemory ? undefined : join(options.dataDir, "dynamodb"),
      });
      stops.push(() => dynamo!.stop());
      dynamoEndpoint = dynamo.endpoint;
    }
    const tableName = options.tableName ?? "koad";
    await ensureTable(dynamoEndpoint, tableName);
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      BILLING_TIMEZONE: options.billingTimezone ?? process.env.BILLING_TIMEZONE ?? "Europe/Berlin",
      AWS_REGION: process.env.AWS_REGION ?? "eu-central-1",
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "local",
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
      POWERTOOLS_SERVICE_NAME: "koad",
    });
    const given: Provided = options.given ?? {};
    const sqsServer = await startSqsLocal();
    stops.push(() => sqsServer.stop());
    const sqs = localSqsClient(sqsServer.endpoint);
    const queues = {} as Record<QueueName, LocalQueue>;
    for (const [name, definition] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
      queues[name] = await ensureQueue(sqs, definition);
      process.env[definition.urlEnvironmentVariable] = queues[name].url;
    }
    process.env.SQS_ENDPOINT = sqsServer.endpoint;
    const billingTimezone = process.env.BILLING_TIMEZONE ?? "Europe/Berlin";

    const pollers: Poller[] = [];
    const scheduled = new Map<ScheduleName, ScheduledHandler>();
    for (const [name, job] of Object.entries(JOBS)) {
      if ("queue" in job.trigger) {
        pollers.push(
          startPoller({
            sqs,
            queue: queues[job.trigger.queue],
            functionName: `koad-${name}`,
            handler: () => composedHandler<SqsHandler>(job.entry, given),
            visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
          }),
        );
      } else {
        scheduled.set(job.trigger.schedule, await composedHandler<ScheduledHandler>(job.entry, given));
      }
    }
    stops.push(async () => {
      await Promise.all(pollers.map((p) => p.stop()));
    });
    const fireSchedule = async (name: ScheduleName, at: Date = new Date()) => {
      const handler = scheduled.get(name);
      if (!handler) throw new Error(`No job runs on schedule ${name}`);
      await handler({ scheduledAt: at.toISOString() }, lambdaContext(`koad-schedule-${name}`));
    };
    if (options.schedules) {
      const localSchedules: LocalSchedule[] = [...scheduled.keys()].map((name) => ({
        name,
        expression: SCHEDULES[name].expression,
        timeZone: SCHEDULES[name].timezone === "billing" ? billingTimezone : "UTC",
        fire: (at) => fireSchedule(name, at),
      }));
      const scheduler = startScheduler(localSchedules);
      stops.push(async () => scheduler.stop());
    }

    const config = readConfig();
    const ports: LocalPorts = {
      ...portsWith(
        config,
        given,
        dynamoStore(tableOf(config), { clock: clockOf(given), billingTimezone: config.billingTimezone }),
      ),
      ticketQueue: ticketQueueOf(config, logger),
    };
    const signingKey = localSigningKey(options.dataDir);
    const api: RunningApi = await startApiServer({
      given,
      port: options.port,
      signingKey,
      staticHandler: dashboardFiles(join(repoRoot, "dashboard")),
    });
    stops.push(() => api.close());
    return {
      url: api.url,
      dynamoEndpoint,
      tableName,
      signingKey,
      sqsEndpoint: sqsServer.endpoint,
      queues,
      fireSchedule,
      ports,
      drained: async () => {
        await Promise.all(pollers.map((p) => p.drained()));
      },
      stop: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
