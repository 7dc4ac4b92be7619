import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
} from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../../domain/alert.js";
import type { Month } from "../../domain/calendar.js";
import type { Page, PageRequest, SlaCheckOutcome, TicketRepository } from "../../domain/repositories.js";
import type { Priority } from "../../domain/sla-terms.js";
import type { SlaWatchEntry, Ticket, TicketStatus } from "../../domain/ticket.js";
import { watchEntryOf } from "../../domain/ticket.js";
import { soonestDueAt } from "../../domain/ticket-life.js";
import { alertPut } from "./alert-store.js";
import { openPeriodCheck, periodClosedBy } from "./closed-period.js";
import { decodeCursor } from "./cursor.js";
import { parseTicket } from "./items.js";
import { INDEX, keys } from "./keys.js";
import { type TransactItem, withCursor } from "./table.js";
import {
  cancellationReasons,
  isConditionalCheckFailed,
  isConditionFailure,
  writeTransaction,
} from "./transactions.js";

/**
 * The ticket item: the ticket, its place in the customer's partition, its place in the queue, and while
 * it has a moment to watch its watch entry. Written whole every time, so keys it no longer has go.
 */
export function ticketItem(ticket: Ticket): Record<string, unknown> {
  const watched = watchEntryOf(ticket) !== null && ticket.watch !== null;
  // A running deadline does not depend on when it is computed: the last event's moment will do.
  const timeline = ticket.timeline;
  const lastAt = timeline?.[timeline.length - 1]?.at ?? ticket.receivedAt;
  return {
    ...keys.ticket(ticket.id),
    ...keys.ticketOfContract(ticket.customerId, ticket.contractId, ticket.receivedAt, ticket.id),
    ...(watched && ticket.watch ? keys.slaWatch(ticket.id, ticket.watch.at, ticket.watch.stage) : {}),
    ...(timeline
      ? keys.ticketInQueue(
          ticket.status === "resolved" ? "resolved" : "open",
          soonestDueAt(ticket, new Date(lastAt)),
          ticket.id,
        )
      : {}),
    entity: "ticket",
    ...ticket,
  };
}

/** The condition of a replacing write: closes the race of two writers that read the same version. */
function versionCondition(expectedVersion: number) {
  return expectedVersion === 0
    ? { ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(#version)", values: {} }
    : { ConditionExpression: "#version = :expected", values: { ":expected": expectedVersion } };
}

/** Tickets and the SLA watch on the single table (the DynamoDB adapter of `TicketRepository`). */
export class DynamoTicketStore implements TicketRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createTicket(ticket: Ticket, guard?: { receivedMonth: Month }): Promise<boolean> {
    const put = {
      TableName: this.tableName,
      Item: ticketItem(ticket),
      // Closes the race of a retried request: the same ticket id is written once.
      ConditionExpression: "attribute_not_exists(pk)",
    };
    if (guard) {
      try {
        await writeTransaction(this.doc, [
          { Put: put },
          openPeriodCheck(this.tableName, guard.receivedMonth),
        ]);
        return true;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (isConditionFailure(reasons?.[0])) return false;
        const closed = periodClosedBy(reasons?.[1], guard.receivedMonth);
        if (closed) throw closed;
        throw error;
      }
    }
    try {
      await this.doc.send(new PutCommand(put));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.ticket(id), ConsistentRead: true }),
    );
    return Item ? parseTicket(Item) : null;
  }

  async listTicketsOfContract(
    customerId: string,
    contractId: string,
    query: { status?: TicketStatus | undefined } & PageRequest,
  ): Promise<Page<Ticket>> {
    const partition = keys.ticketsOfContract(customerId, contractId);
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.byCustomer.name,
        KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :prefix)",
        ...(query.status ? { FilterExpression: "#status = :status" } : {}),
        ExpressionAttributeNames: query.status ? { "#status": "status" } : undefined,
        ExpressionAttributeValues: {
          ":pk": partition.gsi1pk,
          ":prefix": partition.gsi1skPrefix,
          ...(query.status ? { ":status": query.status } : {}),
        },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: { prefix: "TICKET#" },
          sk: "TICKET",
          gsi1pk: partition.gsi1pk,
          gsi1sk: { prefix: partition.gsi1skPrefix },
        }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseTicket), result.LastEvaluatedKey);
  }

  async ticketsReceivedBetween(
    customerId: string,
    contractId: string,
    from: string,
    to: string,
  ): Promise<Ticket[]> {
    const partition = keys.ticketsOfContract(customerId, contractId);
    const tickets: Ticket[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result: QueryCommandOutput = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX.byCustomer.name,
          // Sort keys continue with `#<ticketId>` after the instant: `from` is included, `to` is not.
          KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
          ExpressionAttributeValues: {
            ":pk": partition.gsi1pk,
            ":from": `${partition.gsi1skPrefix}${from}`,
            ":to": `${partition.gsi1skPrefix}${to}`,
          },
          ExclusiveStartKey: startKey,
        }),
      );
      tickets.push(...(result.Items ?? []).map(parseTicket));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return tickets;
  }

  async saveTicket(ticket: Ticket, expectedVersion: number): Promise<boolean> {
    const condition = versionCondition(expectedVersion);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: ticketItem(ticket),
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: { "#version": "version" },
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: condition.values }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async listTicketQueue(query: {
    status?: TicketStatus | undefined;
    customerId?: string | undefined;
    priority?: Priority | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<Ticket>> {
    const partition = keys.ticketQueue(query.status === "resolved" ? "resolved" : "open");
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":pk": partition.gsi2pk };
    if (query.status && query.status !== "resolved") {
      filters.push("#status = :status");
      names["#status"] = "status";
      values[":status"] = query.status;
    }
    if (query.customerId !== undefined) {
      filters.push("customerId = :customerId");
      values[":customerId"] = query.customerId;
    }
    if (query.priority) {
      filters.push("priority = :priority");
      values[":priority"] = query.priority;
    }
    const items: Ticket[] = [];
    let startKey: Record<string, unknown> | undefined = decodeCursor(query.cursor, {
      pk: { prefix: "TICKET#" },
      sk: "TICKET",
      gsi2pk: partition.gsi2pk,
      gsi2sk: { prefix: "" },
    });
    // A filtered page can come back short: read on until the page is full or the queue ends.
    do {
      const result: QueryCommandOutput = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX.byType.name,
          KeyConditionExpression: "gsi2pk = :pk",
          ...(filters.length > 0 ? { FilterExpression: filters.join(" AND ") } : {}),
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          Limit: query.limit - items.length,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(result.Items ?? []).map(parseTicket));
      startKey = result.LastEvaluatedKey;
    } while (startKey && items.length < query.limit);
    return withCursor(items, startKey);
  }

  async dueWatchEntries(now: string, limit: number): Promise<{ entries: SlaWatchEntry[]; read: number }> {
    // Sort keys start with the moment: everything strictly before the next second is due now.
    const upper = `${new Date(new Date(now).getTime() + 1000).toISOString().slice(0, 19)}Z`;
    const perShard = await Promise.all(
      keys.slaWatchShards().map(async (shard) => {
        const entries: SlaWatchEntry[] = [];
        let read = 0;
        let startKey: Record<string, unknown> | undefined;
        do {
          const result: QueryCommandOutput = await this.doc.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: INDEX.byDueAt.name,
              KeyConditionExpression: "gsi3pk = :shard AND gsi3sk < :upper",
              ExpressionAttributeValues: { ":shard": shard, ":upper": upper },
              Limit: Math.max(1, limit - entries.length),
              ExclusiveStartKey: startKey,
            }),
          );
          read += result.ScannedCount ?? 0;
          for (const item of result.Items ?? []) {
            const entry = watchEntryOf(parseTicket(item));
            if (entry) entries.push(entry);
          }
          startKey = result.LastEvaluatedKey;
        } while (startKey && entries.length < limit);
        return { entries, read };
      }),
    );
    return {
      entries: perShard.flatMap((s) => s.entries),
      read: perShard.reduce((sum, s) => sum + s.read, 0),
    };
  }

  async commitSlaAlerts(write: {
    ticket: Ticket;
    expectedVersion: number;
    alerts: Alert[];
    publishAfter: string;
  }): Promise<SlaCheckOutcome> {
    const condition = versionCondition(write.expectedVersion);
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: ticketItem(write.ticket),
          // Closes the race with an event (a response, a pause) and with another check of the same
          // moment: whoever wrote the ticket first wins, the other reads it again.
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: { "#version": "version" },
          ...(write.expectedVersion === 0 ? {} : { ExpressionAttributeValues: condition.values }),
        },
      },
      ...write.alerts.map(
        (alert): TransactItem => ({
          Put: alertPut(this.tableName, alert, { publishAfter: write.publishAfter }),
        }),
      ),
    ];
    try {
      await writeTransaction(this.doc, items);
      return "raised";
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (isConditionFailure(reasons[0])) return "not_watched";
      if (reasons.slice(1).some(isConditionFailure)) return "already_raised";
      // A conflict with a concurrent write of the same items: the caller retries.
      throw error;
    }
  }
}
