import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../alert.js";
import type { Booking } from "../booking.js";
import type { Month } from "../calendar.js";
import type { Contract } from "../contract.js";
import type { MonthCloseRepository, MonthState, Page, PageRequest } from "../repositories.js";
import type { ClosedMonthFigures, MonthClosePlan } from "../statement.js";
import { alertPut, saveAlert } from "./alert-store.js";
import { BookingContexts } from "./booking-contexts.js";
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
import { cancellationReasons, writeTransaction } from "./transactions.js";
import { readContractMonth } from "./usage-store.js";

/**
 * The month close on the single table (the DynamoDB adapter of `MonthCloseRepository`). A close
 * changes the contract's terms for the month: it drops the contract's cached booking contexts, in the
 * cache the process's ledger store reads (pass the same `contexts` to both).
 */
export class MonthCloseStore implements MonthCloseRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(
    private readonly table: StoreTable,
    private readonly contexts: BookingContexts = new BookingContexts(),
  ) {
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
        ExclusiveStartKey: decodeCursor(page.cursor, { gsi2pk: partition.gsi2pk }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseContract), result.LastEvaluatedKey);
  }

  async loadMonthState(contractId: string, month: Month): Promise<MonthState | null> {
    return readContractMonth(this.table, contractId, month);
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
    // writes take the contract's new version, so bookings planned before it re-plan (see ledgerWrites).
    const termsVersion = plan.contractVersion + 1;
    if (plan.period) {
      items.push(
        versionedPut(this.tableName, periodItem({ ...plan.period, termsVersion }), plan.period.version),
      );
    }
    if (plan.pool) {
      items.push(
        plan.poolExpires
          ? versionedPut(this.tableName, poolItem({ ...plan.pool, termsVersion }), plan.pool.version)
          : {
              // The pool as read, its terms stamped: no draw of the closed month can land after.
              Update: {
                TableName: this.tableName,
                Key: keys.pool(plan.contractId),
                UpdateExpression: "SET termsVersion = :terms",
                ConditionExpression: "#version = :version",
                ExpressionAttributeNames: { "#version": "version" },
                ExpressionAttributeValues: { ":terms": termsVersion, ":version": plan.pool.version },
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
      this.contexts.forgetContract(plan.contractId);
      return "stale";
    }
    this.contexts.forgetContract(plan.contractId);
    return "written";
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

  async saveAlert(alert: Alert): Promise<boolean> {
    return saveAlert(this.doc, this.tableName, alert);
  }
}
