import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Month } from "../calendar.js";
import type { PeriodUsage, PoolUsage } from "../ledger.js";
import type { MonthState, UsageReads } from "../repositories.js";
import { parseContract, parsePeriod, parsePool } from "./items.js";
import { keys } from "./keys.js";
import { batchGet, keyString, type StoreTable } from "./table.js";

/**
 * The usage reads alone (a balance, an expiry notice): for functions that read usage but never book,
 * so they do not carry the booking writes. The read functions below are shared by the ledger (booking
 * contexts), the contracts (a pool after a top-up) and the month close.
 */
export class UsageStore implements UsageReads {
  constructor(protected readonly table: StoreTable) {}

  async getPeriod(contractId: string, month: Month): Promise<PeriodUsage | null> {
    return readPeriod(this.table, contractId, month);
  }

  async getPool(contractId: string): Promise<PoolUsage | null> {
    return readPool(this.table, contractId);
  }
}

/**
 * A contract with its month's usage (monthly) or its own pool (prepaid), in one consistent batch read;
 * null when there is no such contract.
 */
export async function readContractMonth(
  table: StoreTable,
  contractId: string,
  month: Month,
): Promise<MonthState | null> {
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
    period: contract.kind === "monthly" && periodRaw ? parsePeriod(periodRaw) : null,
    pool: contract.kind === "prepaid" && poolRaw ? parsePool(poolRaw) : null,
  };
}

/** A month's usage of a monthly contract, read consistently. */
async function readPeriod(table: StoreTable, contractId: string, month: Month): Promise<PeriodUsage | null> {
  const { Item } = await table.doc.send(
    new GetCommand({
      TableName: table.name,
      Key: keys.period(contractId, month),
      ConsistentRead: true,
    }),
  );
  return Item ? parsePeriod(Item) : null;
}

/** The pool of a prepaid contract, read consistently (also after a top-up, by the contract store). */
export async function readPool(table: StoreTable, contractId: string): Promise<PoolUsage | null> {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.name, Key: keys.pool(contractId), ConsistentRead: true }),
  );
  return Item ? parsePool(Item) : null;
}
