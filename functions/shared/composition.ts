import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import type { StoreTable } from "../../adapters/dynamodb/table.js";
import { randomIds } from "../../domain/ids.js";
import { type Clock, systemClock } from "../../domain/ports.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import type { Config } from "./config.js";

/**
 * The pieces every composition root (a function's `*.handler.ts`) builds its ports from. A root runs
 * once per cold start: it reads the configuration, builds its clients and adapters, and hands them to
 * its handler; the handler never looks a port up. Tests and benchmarks build their own ports (or call
 * a root's `compose` with their own clients) instead of swapping module state.
 */

/**
 * What a root may be given instead of building its own: a benchmark's metered document client, a
 * test's clock that walks through months. On Lambda a root is given nothing.
 */
export interface Provided {
  dynamo?: DynamoDBDocumentClient;
  clock?: Clock;
}

/** The one table, on the given client or a new one pointed where the configuration says. */
export function tableOf(config: Config, given: Provided = {}): StoreTable {
  const doc =
    given.dynamo ??
    createDocumentClient({
      tableName: config.tableName,
      endpoint: config.dynamoEndpoint,
      region: config.region,
    });
  return { doc, name: config.tableName };
}

/** The clock of a function: the system's, unless it was given one. */
export function clockOf(given: Provided): Clock {
  return given.clock ?? systemClock;
}

/** A function's ports around its store: its clock, random ids, the billing time zone. */
export function portsWith<S>(
  config: Pick<Config, "billingTimezone">,
  given: Provided,
  store: S,
): UseCaseDeps<S> {
  return { store, clock: clockOf(given), ids: randomIds, billingTimezone: config.billingTimezone };
}

/** A setting a function cannot run without: missing, it fails the cold start, not a request. */
export function requireSetting(value: string | undefined, name: string): string {
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}
