import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Month } from "../calendar.js";
import type { Contract } from "../contract.js";
import { QuotaBelowUsageError, ValidationError } from "../errors.js";
import type { PoolUsage } from "../ledger.js";
import type { ContractRepository, TopUp } from "../repositories.js";
import { BookingContexts } from "./booking-contexts.js";
import { contractItem, poolItem } from "./item-builders.js";
import { parseContract } from "./items.js";
import { INDEX, keys } from "./keys.js";
import type { StoreTable, TransactItem } from "./table.js";
import { cancellationReasons, isConditionFailure, writeTransaction } from "./transactions.js";
import { readPool } from "./usage-store.js";

/**
 * Contracts on the single table (the DynamoDB adapter of `ContractRepository`). A quota change or a
 * top-up changes what bookings were planned on: it drops the contract's cached booking contexts, in
 * the cache the process's ledger store reads (pass the same `contexts` to both).
 */
export class ContractStore implements ContractRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(
    private readonly table: StoreTable,
    private readonly contexts: BookingContexts = new BookingContexts(),
  ) {
    this.doc = table.doc;
    this.tableName = table.name;
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
          Item: poolItem({ ...pool, termsVersion: contract.version }),
          ConditionExpression: "attribute_not_exists(pk)",
        },
      });
    try {
      await writeTransaction(this.doc, items);
      return true;
    } catch (error) {
      if (isConditionFailure(cancellationReasons(error)?.[0])) return false;
      throw error;
    }
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

  async replaceContract(
    contract: Contract,
    expectedVersion: number,
    usageLimits: { month: Month; maxUsedMinutes: number }[],
  ): Promise<"written" | "stale"> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: contractItem(contract),
          // Closes the race with any other change of the contract, and with a close of its month.
          ConditionExpression: "#version = :expected",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: { ":expected": expectedVersion },
        },
      },
      ...usageLimits.map(
        (limit): TransactItem => ({
          Update: {
            TableName: this.tableName,
            Key: keys.period(contract.id, limit.month),
            // The month's usage takes the new terms' version (created empty if nobody booked yet), so
            // a booking planned under the old terms fails its usage condition and re-plans.
            UpdateExpression:
              "SET termsVersion = :terms, entity = :entity, contractId = :contractId, #month = :month, " +
              "thresholdsNotified = if_not_exists(thresholdsNotified, :empty) " +
              "ADD usedMinutes :zero, fromPoolMinutes :zero, overageMinutes :zero, expiredMinutes :zero, #version :one",
            // Closes the race with bookings: the new quota must hold what the month already used.
            ConditionExpression: "attribute_not_exists(pk) OR usedMinutes <= :max",
            ExpressionAttributeNames: { "#month": "month", "#version": "version" },
            ExpressionAttributeValues: {
              ":max": limit.maxUsedMinutes,
              ":terms": contract.version,
              ":entity": "period",
              ":contractId": contract.id,
              ":month": limit.month,
              ":empty": [],
              ":zero": 0,
              ":one": 1,
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        }),
      ),
    ];
    try {
      await writeTransaction(this.doc, items);
      this.contexts.forgetContract(contract.id);
      return "written";
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const overUsed = usageLimits.find((_, i) => isConditionFailure(reasons[i + 1]));
      if (overUsed) {
        const used = reasons[usageLimits.indexOf(overUsed) + 1]?.item?.usedMinutes;
        throw new QuotaBelowUsageError(`Month ${overUsed.month} already used more than the new quota`, {
          month: overUsed.month,
          usedMinutes: used,
          monthlyQuotaMinutes: overUsed.maxUsedMinutes,
        });
      }
      return "stale";
    }
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
    this.contexts.forgetContract(topUp.contractId);
    const pool = await readPool(this.table, topUp.contractId);
    if (!pool) throw new Error(`Pool of contract ${topUp.contractId} vanished`);
    return pool;
  }
}
