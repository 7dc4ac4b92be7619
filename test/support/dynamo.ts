import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { inject } from "vitest";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { type DynamoStoreOptions, dynamoStore } from "../../adapters/dynamodb/dynamo-store.js";
import { randomIds } from "../../domain/ids.js";
import { FixedClock } from "../../domain/ports.js";
import type { Store } from "../../domain/repositories.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { ensureTable } from "../../infra/local/provision.js";

/** A fresh table in the shared DynamoDB Local, so test files never see each other's data. */
export async function freshTable(): Promise<{ endpoint: string; tableName: string }> {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `koad-test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return { endpoint, tableName };
}

/** Use-case ports on a fresh table, with a clock the test moves. */
export interface StoreDeps extends UseCaseDeps {
  clock: FixedClock;
  store: Store;
  /** The document client under the store, for counting or faulting its requests. */
  doc: DynamoDBDocumentClient;
  endpoint: string;
  tableName: string;
}

export async function storeDeps(
  now = "2026-11-27T09:00:00Z",
  options: Partial<DynamoStoreOptions> = {},
): Promise<StoreDeps> {
  const { endpoint, tableName } = await freshTable();
  const clock = new FixedClock(new Date(now));
  const doc = createDocumentClient({ tableName, endpoint });
  const store = dynamoStore(
    { doc, name: tableName },
    {
      clock,
      billingTimezone: "Europe/Berlin",
      nowSeconds: () => Math.floor(clock.now().getTime() / 1000),
      ...options,
    },
  );
  return { store, clock, ids: randomIds, billingTimezone: "Europe/Berlin", doc, endpoint, tableName };
}

/**
 * Watches the requests a document client sends, as an SDK middleware sees them: how many (failed ones
 * too), and what an action sent (the commands that answered, and the items they returned).
 */
export function countRequests(doc: DynamoDBDocumentClient) {
  let count = 0;
  const seen = { commands: [] as string[], itemsRead: 0 };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      count++;
      const result = await next(args);
      seen.commands.push(context.commandName ?? "?");
      const output = result.output as { Items?: unknown[]; Responses?: Record<string, unknown[]> };
      seen.itemsRead += (output.Items ?? []).length + Object.values(output.Responses ?? {}).flat().length;
      return result;
    },
    { step: "initialize", name: "countRequests" },
  );
  return {
    count: () => count,
    /** What `act` sent. */
    async during(act: () => Promise<unknown>) {
      seen.commands = [];
      seen.itemsRead = 0;
      await act();
      return { commands: seen.commands, itemsRead: seen.itemsRead };
    },
  };
}
