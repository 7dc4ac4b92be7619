import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Booking } from "../../domain/booking.js";
import type { Month } from "../../domain/calendar.js";
import type { Contract } from "../../domain/contract.js";
import type {
  MonthCloseRepository,
  MonthCloseRun,
  MonthCloseStatus,
  MonthState,
  Page,
  PageRequest,
} from "../../domain/repositories.js";
import type { ClosedMonthFigures, MonthClosePlan } from "../../domain/statement.js";
import { alertPut } from "./alert-store.js";
import { parseMonthCloseStatus } from "./closed-period.js";
import { decodeCursor } from "./cursor.js";
import { periodItem, poolItem } from "./item-builders.js";
import { parseBooking, parseClosedMonthFigures, parseContract } from "./items.js";
import { INDEX, keys } from "./keys.js";
import {
  batchGet,
  keyString,
  type StoreTable,
  type TransactItem,
  versionedPut,
  withCursor,
} from "./table.js";
import { cancellationReasons, isConditionalCheckFailed, writeTransaction } from "./transactions.js";
import { readContractMonth } from "./usage-store.js";

/**
 * The month close on the single table (the DynamoDB adapter of `MonthCloseRepository`). A close
 * changes the contract's terms for the month: it rewrites the month's usage (or the pool) with a new
 * revision, so no booking planned before it commits after it.
 */
export class MonthCloseStore implements MonthCloseRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(private readonly table: StoreTable) {
    this.doc = table.doc;
    this.tableName = table.name;
  }

  async listActiveContracts(page: PageRequest): Promise<Page<Contract>> {
    const partition = keys.allContractsPartition();
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.byType.name,
        KeyConditionExpression: "gsi2pk = :pk",
        FilterExpression: "#status = :active",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":pk": partition.gsi2pk, ":active": "active" },
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, {
          pk: { prefix: "CONTRACT#" },
          sk: "CONTRACT",
          gsi2pk: partition.gsi2pk,
          gsi2sk: { prefix: "" },
        }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseContract), result.LastEvaluatedKey);
  }

  async loadMonthState(contractId: string, month: Month): Promise<MonthState | null> {
    const state = await readContractMonth(this.table, contractId, month);
    return (
      state && {
        contract: state.contract,
        period: state.period?.usage ?? null,
        pool: state.pool?.usage ?? null,
      }
    );
  }

  async listMonthBookings(contractId: string, month: Month): Promise<Booking[]> {
    const partition = keys.bookingsOfMonth(contractId, month);
    const bookings: Booking[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": partition.pk, ":prefix": partition.skPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      bookings.push(...(result.Items ?? []).map(parseBooking));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return bookings;
  }

  async commitMonthClose(plan: MonthClosePlan): Promise<"written" | "stale"> {
    const { figures } = plan;
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.contract(plan.contractId),
          UpdateExpression: "SET closedThroughMonth = :month, #status = :status, #version = #version + :one",
          // Closes the race with a concurrent close (both read one version, one wins), with quota
          // changes and top-ups' expiry, and makes every booking planned before the close re-plan and
          // meet the closed month. The month check names the invariant: closed months only grow.
          ConditionExpression:
            "#version = :version AND (attribute_not_exists(closedThroughMonth) OR attribute_type(closedThroughMonth, :nullType) OR closedThroughMonth < :month)",
          ExpressionAttributeNames: { "#version": "version", "#status": "status" },
          ExpressionAttributeValues: {
            ":month": plan.month,
            ":status": plan.status,
            ":one": 1,
            ":version": plan.contractVersion,
            ":nullType": "NULL",
          },
        },
      },
    ];
    // Closes the race with bookings and reversals of the month (and cascade draws and top-ups of a
    // pool): the statement counts exactly the state it was built from.
    // The close changes the contract's terms for the month (it is closed now): the usage items it
    // writes take the contract's new version and a new revision, so a booking planned before it fails
    // its usage condition and is planned again (TermsProof, ledger-store.ts).
    const termsVersion = plan.contractVersion + 1;
    if (plan.period) {
      items.push(versionedPut(this.tableName, periodItem(plan.period, termsVersion), plan.period.version));
    }
    if (plan.pool) {
      items.push(
        plan.poolExpires
          ? versionedPut(this.tableName, poolItem(plan.pool, termsVersion), plan.pool.version)
          : {
              // The pool as read, its terms stamped and its revision bumped: no draw of the closed month
              // planned before the close can land after it.
              Update: {
                TableName: this.tableName,
                Key: keys.pool(plan.contractId),
                UpdateExpression: "SET termsVersion = :terms, #version = #version + :one",
                ConditionExpression: "#version = :version",
                ExpressionAttributeNames: { "#version": "version" },
                ExpressionAttributeValues: {
                  ":terms": termsVersion,
                  ":version": plan.pool.version,
                  ":one": 1,
                },
              },
            },
      );
    }
    items.push({
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.statement(plan.contractId, plan.month),
          ...keys.statementOfCustomer(figures.customerId, plan.month, plan.contractId),
          entity: "statement",
          // Only the frozen figures: the statement's bookings stay with the month's bookings.
          ...figures,
        },
        // A statement is written once; it never changes after.
        ConditionExpression: "attribute_not_exists(pk)",
      },
    });
    if (plan.alert) items.push({ Put: alertPut(this.tableName, plan.alert) });
    try {
      await writeTransaction(this.doc, items);
    } catch (error) {
      if (!cancellationReasons(error)) throw error;
      return "stale";
    }
    return "written";
  }

  async getMonthCloseStatus(): Promise<MonthCloseStatus> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.monthCloseStatus(), ConsistentRead: true }),
    );
    return parseMonthCloseStatus(Item);
  }

  async advanceClosedThrough(month: Month): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.monthCloseStatus(),
          UpdateExpression: "SET closedThrough = :month",
          // Never backwards: a rerun of an earlier month leaves a later closedThrough as it is.
          ConditionExpression: "attribute_not_exists(closedThrough) OR closedThrough < :month",
          ExpressionAttributeValues: { ":month": month },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async recordMonthCloseRun(run: MonthCloseRun): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.monthCloseStatus(),
        UpdateExpression: "SET runs = list_append(if_not_exists(runs, :none), :run)",
        ExpressionAttributeValues: { ":none": [], ":run": [run] },
      }),
    );
  }

  async getClosedMonthFigures(wanted: { contractId: string; month: Month }[]): Promise<ClosedMonthFigures[]> {
    const figures: ClosedMonthFigures[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      const chunk = wanted.slice(i, i + 100);
      const found = await batchGet(
        this.table,
        chunk.map((w) => keys.statement(w.contractId, w.month)),
      );
      for (const w of chunk) {
        const raw = found.get(keyString(keys.statement(w.contractId, w.month)));
        if (raw) figures.push(parseClosedMonthFigures(raw));
      }
    }
    return figures;
  }
}
