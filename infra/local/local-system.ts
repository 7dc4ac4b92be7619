import { join } from "node:path";
import { type RunningApi, startApiServer } from "./api-server.js";
import { type RunningDynamoDb, startDynamoDbLocal } from "./dynamodb-local.js";
import { ensureTable } from "./provision.js";
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
}

export interface LocalSystem {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  signingKey: Uint8Array;
  stop(): Promise<void>;
}

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
    const signingKey = localSigningKey(options.dataDir);
    const api: RunningApi = await startApiServer({ port: options.port, signingKey });
    stops.push(() => api.close());
    return {
      url: api.url,
      dynamoEndpoint,
      tableName,
      signingKey,
      stop: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
