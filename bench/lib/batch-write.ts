import { DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { localDynamoClient } from "../../infra/local/provision.js";
import { batches } from "./events.js";
import { mapConcurrent } from "./stats.js";

/** BatchWriteItem's limit. */
const BATCH = 25;

function keyOf(item: Record<string, unknown>): string {
  return `${String(item.pk)}|${String(item.sk)}`;
}

/**
 * Seeds items straight into a table: BatchWriteItem, 25 items at a time, `lanes` batches in flight,
 * unprocessed items sent again. Every key must be unique (DynamoDB refuses a batch that names a key
 * twice, and a later batch would silently overwrite an earlier item): checked before anything is sent.
 * Returns the seconds it took.
 */
export async function writeItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  lanes = 4,
): Promise<number> {
  const seen = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) throw new Error(`Seeding would write ${key} twice`);
    seen.add(key);
  }
  const start = Date.now();
  await mapConcurrent(batches(items, BATCH), lanes, async (batch) => {
    let pending: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(500, 10 * 2 ** attempt)));
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  });
  return (Date.now() - start) / 1000;
}

/** Drops a bench table once its figures are taken, so DynamoDB Local does not carry it into the next run. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamoClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } finally {
    client.destroy();
  }
}
