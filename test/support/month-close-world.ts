import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import type { DynamoStoreOptions } from "../../adapters/dynamodb/dynamo-store.js";
import { keys } from "../../adapters/dynamodb/keys.js";
import type { Actor } from "../../domain/access.js";
import type { Alert } from "../../domain/alert.js";
import { alertCause } from "../../domain/alert.js";
import type { Category } from "../../domain/contract.js";
import type { CloseJob, CloseJobQueue, FixedClock } from "../../domain/ports.js";
import type { Store } from "../../domain/repositories.js";
import { bookHours } from "../../domain/use-cases/bookings.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { storeDeps } from "./dynamo.js";

export const admin: Actor = { role: "admin", customerId: null, subject: "admin-1" };
export const technician: Actor = { role: "technician", customerId: null, subject: "tech-1" };

export async function bookOn(
  deps: UseCaseDeps,
  contractId: string,
  date: string,
  minutes: number,
  work: { category?: Category; description?: string } = {},
) {
  const booked = await bookHours(deps, technician, contractId, {
    date,
    minutes,
    category: work.category ?? "service",
    description: work.description ?? `Work on ${date}`,
  });
  if (booked.outcome !== "booked") throw new Error("unexpected replay");
  return booked.result.booking;
}

/** A queue that keeps what it is given (the starter's port, without SQS). */
export class RecordingQueue implements CloseJobQueue {
  readonly jobs: CloseJob[] = [];
  async enqueue(jobs: CloseJob[]): Promise<void> {
    this.jobs.push(...jobs);
  }
}

/** Reads the table directly, to check what was stored (not through the code under test). */
export function tableReader(endpoint: string, tableName: string) {
  const doc = createDocumentClient({ tableName, endpoint });
  return {
    async alert(cause: Pick<Alert, "type" | "contractId" | "month" | "details">) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.alert(alertCause(cause)), ConsistentRead: true }),
      );
      return Item;
    },
    async statementItems(contractId: string) {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
          ExpressionAttributeValues: { ":pk": keys.contract(contractId).pk, ":sk": "STATEMENT#" },
          ConsistentRead: true,
        }),
      );
      return Items ?? [];
    },
    async alertItemsOfCustomer(customerId: string) {
      const partition = keys.alertsOfCustomer(customerId);
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: "byCustomer",
          KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :sk)",
          ExpressionAttributeValues: { ":pk": partition.gsi1pk, ":sk": partition.gsi1skPrefix },
        }),
      );
      return Items ?? [];
    },
  };
}

export interface World {
  deps: UseCaseDeps & { clock: FixedClock; store: Store };
  doc: DynamoDBDocumentClient;
  endpoint: string;
  tableName: string;
  read: ReturnType<typeof tableReader>;
}

/** Ports on a fresh table in the shared DynamoDB Local, with a clock the test moves. */
export async function world(now: string, options: Partial<DynamoStoreOptions> = {}): Promise<World> {
  const { doc, endpoint, tableName, ...deps } = await storeDeps(now, options);
  return { deps, doc, endpoint, tableName, read: tableReader(endpoint, tableName) };
}
