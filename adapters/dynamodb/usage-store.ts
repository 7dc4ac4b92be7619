import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Month } from "../../domain/calendar.js";
import type { Contract } from "../../domain/contract.js";
import type { PeriodUsage, PoolUsage } from "../../domain/ledger.js";
import type { UsageRepository } from "../../domain/repositories.js";
import { parseContract, parsePeriod, parsePool } from "./items.js";
import { keys } from "./keys.js";
import { batchGet, keyString, type StoreTable } from "./table.js";

/** The usage reads (a balance, an expiry notice): the DynamoDB adapter of `UsageRepository`. */
export class UsageStore implements UsageRepository {
  constructor(private readonly table: StoreTable) {}

  async getPeriod(contractId: string, month: Month): Promise<PeriodUsage | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.name,
        Key: keys.period(contractId, month),
        ConsistentRead: true,
      }),
    );
    return Item ? parsePeriod(Item) : null;
  }

  async getPool(contractId: string): Promise<PoolUsage | null> {
    return readPool(this.table, contractId);
  }
}

/**
 * The contract version a usage item was last written under (0: written before items carried it).
 * Only the adapter knows it: it is how a booking's transaction proves the terms (ledger-store.ts).
 */
export function termsVersionOf(item: Record<string, unknown>): number {
  return typeof item.termsVersion === "number" ? item.termsVersion : 0;
}

/** A contract with its month's usage (monthly) or its own pool (prepaid), as stored, with their terms. */
export interface StoredContractMonth {
  contract: Contract;
  period: { usage: PeriodUsage; termsVersion: number } | null;
  pool: { usage: PoolUsage; termsVersion: number } | null;
}

/**
 * A contract with its month's usage (monthly) or its own pool (prepaid), in one consistent batch read;
 * null when there is no such contract.
 */
export async function readContractMonth(
  table: StoreTable,
  contractId: string,
  month: Month,
): Promise<StoredContractMonth | null> {
  const found = await batchGet(table, [
    keys.contract(contractId),
    keys.period(contractId, month),
    keys.pool(contractId),
  ]);
  const contractRaw = found.get(keyString(keys.contract(contractId)));
  if (!contractRaw) return null;
  const contract = parseContract(contractRaw);
  const periodRaw = found.get(keyString(keys.period(contractId, month)));
  const poolRaw = found.get(keyString(keys.pool(contractId)));
  return {
    contract,
    period:
      contract.kind === "monthly" && periodRaw
        ? { usage: parsePeriod(periodRaw), termsVersion: termsVersionOf(periodRaw) }
        : null,
    pool:
      contract.kind === "prepaid" && poolRaw
        ? { usage: parsePool(poolRaw), termsVersion: termsVersionOf(poolRaw) }
        : null,
  };
}

/** The pool of a prepaid contract, read consistently (also after a top-up, by the contract store). */
export async function readPool(table: StoreTable, contractId: string): Promise<PoolUsage | null> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.name, Key: keys.pool(contractId), ConsistentRead: true }),
  );
  return Item ? parsePool(Item) : null;
}
