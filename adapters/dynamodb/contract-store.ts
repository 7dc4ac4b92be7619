import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { addMonths, currentDateIn, type Month, monthOf, monthsBetween } from "../../domain/calendar.js";
import { allowedUsageMinutes, type Contract, firstMonthWithChangedTerms } from "../../domain/contract.js";
import { QuotaBelowUsageError, ValidationError } from "../../domain/errors.js";
import type { PoolUsage } from "../../domain/ledger.js";
import type { Clock } from "../../domain/ports.js";
import type { ContractReads, ContractRepository, TopUp } from "../../domain/repositories.js";
import { openPeriodCheck, periodClosedBy } from "./closed-period.js";
import { contractItem, poolItem } from "./item-builders.js";
import { parseContract } from "./items.js";
import { INDEX, keys } from "./keys.js";
import type { StoreTable, TransactItem } from "./table.js";
import { cancellationReasons, isConditionFailure, writeTransaction } from "./transactions.js";
import { readPool } from "./usage-store.js";

/**
 * Contracts on the single table (the DynamoDB adapter of `ContractRepository`). It owns the guarantee
 * that no booking planned under a contract's old terms commits after a change (`updateContract`); the
 * clock and the billing time zone tell it which months can still be booked.
 */

/** A transaction holds at most 100 items: the contract and up to this many months. */
const MAX_STAMPED_MONTHS = 60;
/**
 * Looking contracts up (the DynamoDB adapter of `ContractReads`): what the functions that never write
 * a contract build, so their bundles carry none of the writes below.
 */
export class ContractReader implements ContractReads {
  protected readonly doc: DynamoDBDocumentClient;
  protected readonly tableName: string;

  constructor(protected readonly table: StoreTable) {
    this.doc = table.doc;
    this.tableName = table.name;
  }

  async getContract(id: string): Promise<Contract | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.contract(id), ConsistentRead: true }),
    );
    return Item ? parseContract(Item) : null;
  }

  async listContractsOfCustomer(customerId: string): Promise<Contract[]> {
    const partition = keys.contractsOfCustomer(customerId);
    const contracts: Contract[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX.byCustomer.name,
          KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :prefix)",
          ExpressionAttributeValues: { ":pk": partition.gsi1pk, ":prefix": partition.gsi1skPrefix },
          ExclusiveStartKey: startKey,
        }),
      );
      contracts.push(...(result.Items ?? []).map(parseContract));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return contracts;
  }
}

export class ContractStore extends ContractReader implements ContractRepository {
  constructor(
    table: StoreTable,
    private readonly clock: Clock,
    private readonly billingTimezone: string,
  ) {
    super(table);
  }

  async createContract(contract: Contract, pool: PoolUsage | null): Promise<boolean> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: contractItem(contract),
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
    ];
    if (pool)
      items.push({
        Put: {
          TableName: this.tableName,
          // Created under the contract's first terms: its bookings need no separate contract check.
          Item: poolItem(pool, contract.version),
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    // A contract starting in a closed month would reopen that month's closed statement.
    const firstMonth = contract.kind === "monthly" ? contract.startMonth : contract.startDate.slice(0, 7);
    items.push(openPeriodCheck(this.tableName, firstMonth));
    try {
      await writeTransaction(this.doc, items);
      return true;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (isConditionFailure(reasons?.[0])) return false;
      const closed = periodClosedBy(reasons?.at(-1), firstMonth);
      if (closed) throw closed;
      throw error;
    }
  }

  /**
   * Writes the change, and (when it alters what bookings may draw) rewrites the usage item of every
   * month from the first one affected up to the next month — bookings are never dated in the future,
   * one month more covers a clock a little ahead at a month's turn — with the new terms' version,
   * creating it when nobody booked yet: a booking planned under the old terms then fails its usage
   * condition (`TermsProof`, ledger-store.ts) and is planned again. Each rewritten month must hold what
   * it already used under the new terms, in the same transaction.
   */
  async updateContract(previous: Contract, next: Contract): Promise<"written" | "stale"> {
    const months = this.monthsToStamp(previous, next);
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: contractItem(next),
          // Closes the race with any other change of the contract, and with a close of its month.
          ConditionExpression: "#version = :expected",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: { ":expected": previous.version },
        },
      },
      ...months.map(({ month, allowedMinutes, within }) =>
        this.stampMonth(next, month, allowedMinutes, within),
      ),
    ];
    try {
      await writeTransaction(this.doc, items);
      return "written";
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const failed = months.findIndex((_, i) => isConditionFailure(reasons[i + 1]));
      const month = months[failed];
      if (month) {
        const item = reasons[failed + 1]?.item;
        if (!month.within) {
          throw new ValidationError(`Month ${month.month} already has bookings`, {
            endMonth: `bookings exist in ${month.month}; the contract cannot end before it`,
          });
        }
        throw new QuotaBelowUsageError(`Month ${month.month} already used more than the new quota`, {
          month: month.month,
          usedMinutes: item?.usedMinutes,
          monthlyQuotaMinutes: month.allowedMinutes,
        });
      }
      return "stale";
    }
  }

  /** The months whose usage a change must rewrite, with what each may hold under the new terms. */
  private monthsToStamp(previous: Contract, next: Contract) {
    const first = firstMonthWithChangedTerms(previous, next);
    if (first === null || next.kind !== "monthly") return [];
    const lastBookable = addMonths(monthOf(currentDateIn(this.billingTimezone, this.clock.now())), 1);
    const firstOpen = next.closedThroughMonth ? addMonths(next.closedThroughMonth, 1) : next.startMonth;
    const from = [first, firstOpen, next.startMonth].sort().at(-1) as Month;
    return monthsBetween(from, lastBookable)
      .slice(-MAX_STAMPED_MONTHS)
      .map((month) => ({
        month,
        allowedMinutes: allowedUsageMinutes(next, month),
        within: month <= (next.endMonth ?? lastBookable),
      }));
  }

  private stampMonth(
    contract: Contract,
    month: Month,
    allowedMinutes: number,
    within: boolean,
  ): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.period(contract.id, month),
        // The month takes the new terms' version and a new revision (created empty if nobody booked).
        UpdateExpression:
          "SET termsVersion = :terms, entity = :entity, contractId = :contractId, #month = :month, " +
          "thresholdsNotified = if_not_exists(thresholdsNotified, :empty) " +
          "ADD usedMinutes :zero, fromPoolMinutes :zero, overageMinutes :zero, expiredMinutes :zero, #version :one",
        // Closes the race with bookings: the new terms must hold what the month already used.
        ConditionExpression: within
          ? "attribute_not_exists(pk) OR usedMinutes <= :max"
          : "attribute_not_exists(pk) OR (usedMinutes = :zero AND fromPoolMinutes = :zero AND overageMinutes = :zero)",
        ExpressionAttributeNames: { "#month": "month", "#version": "version" },
        ExpressionAttributeValues: {
          ...(within ? { ":max": allowedMinutes } : {}),
          ":terms": contract.version,
          ":entity": "period",
          ":contractId": contract.id,
          ":month": month,
          ":empty": [],
          ":zero": 0,
          ":one": 1,
        },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    };
  }

  async addTopUp(topUp: TopUp): Promise<PoolUsage> {
    const write = writeTransaction(this.doc, [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.pool(topUp.contractId),
          UpdateExpression: "SET totalMinutes = totalMinutes + :minutes, #version = #version + :one",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: { ":minutes": topUp.minutes, ":one": 1 },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.topUp(topUp.contractId, topUp.id), entity: "topUp", ...topUp },
          // Closes the race of a retried top-up: the record and the minutes are added once.
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: keys.contract(topUp.contractId),
          // Closes the race with the close that expires the pool: an expired pool takes no top-up.
          ConditionExpression: "#status = :active",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":active": "active" },
        },
      },
    ]);
    try {
      await write;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (isConditionFailure(reasons?.[2])) {
        throw new ValidationError("The pool has expired", { contractId: "expired" });
      }
      // A retried top-up (same id) finds its record: it was applied once already.
      if (!isConditionFailure(reasons?.[1])) throw error;
    }
    const pool = await readPool(this.table, topUp.contractId);
    if (!pool) throw new Error(`Pool of contract ${topUp.contractId} vanished`);
    return pool;
  }
}
