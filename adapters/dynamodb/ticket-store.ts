import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../../domain/alert.js";
import type { Month } from "../../domain/calendar.js";
import type { Page, PageRequest, SlaCheckOutcome, TicketRepository } from "../../domain/repositories.js";
import type { SlaWatchEntry, Ticket, TicketStatus, WatchStage } from "../../domain/ticket.js";
import { watchEntryOf } from "../../domain/ticket.js";
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

/** The ticket item: the ticket, its place in the customer's partition, and while open its watch entry. */
export function ticketItem(ticket: Ticket): Record<string, unknown> {
  return {
    ...keys.ticket(ticket.id),
    ...keys.ticketOfContract(ticket.customerId, ticket.contractId, ticket.receivedAt, ticket.id),
    ...(ticket.watch && ticket.status === "open"
      ? keys.slaWatch(ticket.id, ticket.watch.at, ticket.watch.stage)
      : {}),
    entity: "ticket",
    ...ticket,
  };
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

  async recordFirstResponse(ticket: Ticket): Promise<"recorded" | "already_responded"> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.ticket(ticket.id),
          UpdateExpression:
            "SET #status = :responded, respondedAt = :at, respondedBy = :by, slaMet = :met, " +
            "responseMinutes = :minutes, #watch = :none REMOVE gsi3pk, gsi3sk",
          // Closes the race of two first responses, and of a response with the watch's check: the
          // check raises alerts only while the ticket is open, the response lands only on an open one.
          ConditionExpression: "#status = :open",
          ExpressionAttributeNames: { "#status": "status", "#watch": "watch" },
          ExpressionAttributeValues: {
            ":responded": "responded",
            ":open": "open",
            ":at": ticket.respondedAt,
            ":by": ticket.respondedBy,
            ":met": ticket.slaMet,
            ":minutes": ticket.responseMinutes,
            ":none": null,
          },
        }),
      );
      return "recorded";
    } catch (error) {
      if (isConditionalCheckFailed(error)) return "already_responded";
      throw error;
    }
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
    entry: SlaWatchEntry;
    alerts: Alert[];
    stages: WatchStage[];
    next: { stage: WatchStage; at: string } | null;
    at: string;
    publishAfter: string;
  }): Promise<SlaCheckOutcome> {
    const { entry, next } = write;
    const nextKeys = next ? keys.slaWatch(entry.ticketId, next.at, next.stage) : null;
    const stamps = write.stages.map((stage) => (stage === "warning" ? "warnedAt = :at" : "breachedAt = :at"));
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.ticket(entry.ticketId),
          UpdateExpression: nextKeys
            ? `SET #watch = :next, gsi3pk = :gsi3pk, gsi3sk = :gsi3sk, ${stamps.join(", ")}`
            : `SET #watch = :next, ${stamps.join(", ")} REMOVE gsi3pk, gsi3sk`,
          // Closes the race with the first response (no alert for an answered ticket) and with another
          // check of the same stage (the watch has moved on once this stage was raised).
          ConditionExpression: "#status = :open AND #watch.#stage = :stage AND #watch.#at = :dueAt",
          ExpressionAttributeNames: {
            "#status": "status",
            "#watch": "watch",
            "#stage": "stage",
            "#at": "at",
          },
          ExpressionAttributeValues: {
            ":open": "open",
            ":stage": entry.stage,
            ":dueAt": entry.dueAt,
            ":next": next,
            ":at": write.at,
            ...(nextKeys ? { ":gsi3pk": nextKeys.gsi3pk, ":gsi3sk": nextKeys.gsi3sk } : {}),
          },
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
