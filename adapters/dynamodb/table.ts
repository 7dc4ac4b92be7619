import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Page } from "../../domain/repositories.js";
import { encodeCursor } from "./cursor.js";

/** The plumbing every repository of the single table shares: a repository module takes only this. */

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** The one table: the process's document client and the table's name. */
export interface StoreTable {
  doc: DynamoDBDocumentClient;
  name: string;
}

/** Reads items by key, consistently, retrying unprocessed keys; found items by `keyString`. */
export async function batchGet(
  table: StoreTable,
  wanted: { pk: string; sk: string }[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  let requested: Record<string, unknown>[] | undefined = wanted;
  for (let attempt = 0; requested && requested.length > 0 && attempt < 8; attempt++) {
    const result: BatchGetCommandOutput = await table.doc.send(
      new BatchGetCommand({
        RequestItems: { [table.name]: { Keys: requested, ConsistentRead: true } },
      }),
    );
    for (const item of result.Responses?.[table.name] ?? []) found.set(keyString(item), item);
    requested = result.UnprocessedKeys?.[table.name]?.Keys;
  }
  if (requested && requested.length > 0) throw new Error("DynamoDB left keys unprocessed after retries");
  return found;
}

export function keyString(item: { pk?: unknown; sk?: unknown }): string {
  return `${String(item.pk)}|${String(item.sk)}`;
}

export function withCursor<T>(items: T[], lastKey: Record<string, unknown> | undefined): Page<T> {
  const cursor = encodeCursor(lastKey);
  return cursor ? { items, cursor } : { items };
}

/** Replaces a state item read at `version` (0: not yet written) and bumps its version. */
export function versionedPut(
  tableName: string,
  item: Record<string, unknown>,
  version: number,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...item, version: version + 1 },
      ConditionExpression: version === 0 ? "attribute_not_exists(pk)" : "#version = :version",
      ...(version === 0
        ? {}
        : {
            ExpressionAttributeNames: { "#version": "version" },
            ExpressionAttributeValues: { ":version": version },
          }),
    },
  };
}
