import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { type Alert, alertCause } from "../../domain/alert.js";
import type { AlertRepository, AlertWrites, Page } from "../../domain/repositories.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { parseAlert } from "./items.js";
import { INDEX, keys } from "./keys.js";
import { isConditionalCheckFailed, writeTransaction } from "./transactions.js";

/**
 * The alert item: stored under its cause (so a cause has one alert), listed per customer and overall,
 * and in the outbox until published. The outbox entry is part of the same item, so whatever write
 * stores an alert (a booking's transaction, the close, the SLA watch) also queues its publication.
 * `publishAfter` lets a writer that publishes at once keep the outbox sweep away for a while.
 */
export function alertItem(alert: Alert, options: { publishAfter?: string } = {}): Record<string, unknown> {
  return {
    ...keys.alert(alertCause(alert)),
    ...keys.alertOfCustomer(alert.customerId, alert.at, alert.id),
    ...keys.allAlerts(alert.at, alert.id),
    ...keys.alertOutbox(options.publishAfter ?? alert.at, alert.id),
    entity: "alert",
    ...alert,
  };
}

/** The write that stores an alert once per cause: a second one for the same cause fails its condition. */
export function alertPut(tableName: string, alert: Alert, options: { publishAfter?: string } = {}) {
  return {
    TableName: tableName,
    Item: alertItem(alert, options),
    ConditionExpression: "attribute_not_exists(pk)",
  };
}

/**
 * Stores an alert once per cause; false when that cause already has its alert. Apart from the class
 * for stores that save alerts but never list them (the month close, the expiry notices).
 */
export async function saveAlert(
  doc: DynamoDBDocumentClient,
  tableName: string,
  alert: Alert,
): Promise<boolean> {
  try {
    await doc.send(new PutCommand(alertPut(tableName, alert)));
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** Alerts on the single table (the DynamoDB adapter of `AlertRepository`). */
/** Storing alerts (the DynamoDB adapter of `AlertWrites`): what a function that only raises them builds. */
export class AlertWriter implements AlertWrites {
  constructor(
    protected readonly doc: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async saveAlert(alert: Alert): Promise<boolean> {
    return saveAlert(this.doc, this.tableName, alert);
  }
}

export class DynamoAlertStore extends AlertWriter implements AlertRepository {
  async listAlerts(query: {
    customerId?: string | undefined;
    type?: string | undefined;
    since?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<Alert>> {
    const since = query.since ?? "";
    let input: QueryCommandInput;
    if (query.customerId) {
      const partition = keys.alertsOfCustomer(query.customerId);
      input = {
        TableName: this.tableName,
        IndexName: INDEX.byCustomer.name,
        KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": partition.gsi1pk,
          ":from": `${partition.gsi1skPrefix}${since}`,
          ":to": `${partition.gsi1skPrefix}\uffff`,
        },
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: { prefix: "ALERT#" },
          sk: "ALERT",
          gsi1pk: partition.gsi1pk,
          gsi1sk: { prefix: partition.gsi1skPrefix },
        }),
      };
    } else {
      const partition = keys.allAlerts("", "").gsi2pk;
      input = {
        TableName: this.tableName,
        IndexName: INDEX.byType.name,
        KeyConditionExpression: since ? "gsi2pk = :pk AND gsi2sk >= :from" : "gsi2pk = :pk",
        ExpressionAttributeValues: since ? { ":pk": partition, ":from": since } : { ":pk": partition },
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: { prefix: "ALERT#" },
          sk: "ALERT",
          gsi2pk: partition,
          gsi2sk: { prefix: "" },
        }),
      };
    }
    if (query.type) {
      input.FilterExpression = "#type = :type";
      input.ExpressionAttributeNames = { "#type": "type" };
      (input.ExpressionAttributeValues as Record<string, unknown>)[":type"] = query.type;
    }
    const result = await this.doc.send(
      new QueryCommand({ ...input, ScanIndexForward: false, Limit: query.limit }),
    );
    const items = (result.Items ?? []).map(parseAlert);
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return cursor ? { items, cursor } : { items };
  }

  async unpublishedAlerts(now: string, limit: number): Promise<Alert[]> {
    const upper = `${new Date(new Date(now).getTime() + 1000).toISOString().slice(0, 19)}Z`;
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.byDueAt.name,
        KeyConditionExpression: "gsi3pk = :pk AND gsi3sk < :upper",
        ExpressionAttributeValues: { ":pk": keys.alertOutboxPartition(), ":upper": upper },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(parseAlert);
  }

  async markAlertsPublished(alerts: Alert[], at: string): Promise<void> {
    const updates = alerts.map((alert) => ({
      TableName: this.tableName,
      Key: keys.alert(alertCause(alert)),
      UpdateExpression: "SET publishedAt = :at REMOVE gsi3pk, gsi3sk",
      // Never recreates an alert as a bare item.
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":at": at },
    }));
    if (updates.length === 0) return;
    if (updates.length === 1) {
      await this.doc.send(new UpdateCommand(updates[0]!));
      return;
    }
    for (let i = 0; i < updates.length; i += 100) {
      await writeTransaction(
        this.doc,
        updates.slice(i, i + 100).map((Update) => ({ Update })),
      );
    }
  }
}
