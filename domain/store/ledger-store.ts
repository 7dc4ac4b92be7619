import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../alert.js";
import type { Booking, Reversal } from "../booking.js";
import type { Month } from "../calendar.js";
import type {
  BookingContext,
  LedgerChange,
  PeriodUsage,
  PoolGuard,
  PoolUsage,
  UsageGuard,
} from "../ledger.js";
import type {
  IdempotencyClaim,
  LedgerRepository,
  LedgerWriteOutcome,
  Page,
  PageRequest,
} from "../repositories.js";
import { alertPut } from "./alert-store.js";
import { BookingContexts } from "./booking-contexts.js";
import { decodeCursor } from "./cursor.js";
import { idempotencyClaimPut } from "./idempotency-store.js";
import { bookingItem } from "./item-builders.js";
import { parseBooking, parseContract, parseIdempotency, parsePool } from "./items.js";
import { keys } from "./keys.js";
import {
  batchGet,
  keyString,
  type StoreTable,
  type TransactItem,
  versionCheck,
  withCursor,
} from "./table.js";
import { cancellationReasons, isConditionFailure, writeTransaction } from "./transactions.js";
import { readContractMonth, UsageStore } from "./usage-store.js";

export interface LedgerStoreOptions {
  /** "now" in epoch seconds, for the lifetime of a booking's idempotency record (a clock port in tests). */
  nowSeconds?: () => number;
}

/**
 * The ledger on the single table (the DynamoDB adapter of `LedgerRepository`): booking contexts and
 * their cache, bookings and reversals with their usage counters; the usage reads come from `UsageStore`.
 */
export class LedgerStore extends UsageStore implements LedgerRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly nowSeconds: () => number;

  constructor(
    table: StoreTable,
    private readonly contexts: BookingContexts = new BookingContexts(),
    options: LedgerStoreOptions = {},
  ) {
    super(table);
    this.doc = table.doc;
    this.tableName = table.name;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  async loadBookingContext(
    contractId: string,
    month: Month,
    options: { fresh?: boolean } = {},
  ): Promise<BookingContext | null> {
    if (!options.fresh) {
      const cached = this.contexts.get(contractId, month);
      if (cached) return cached;
    }
    const state = await readContractMonth(this.table, contractId, month);
    if (!state) return null;
    const { contract } = state;
    let pool: BookingContext["pool"] = null;
    if (contract.kind === "prepaid" && state.pool) {
      pool = { contract, usage: state.pool };
    } else if (contract.kind === "monthly" && contract.fallbackContractId) {
      const fallbackId = contract.fallbackContractId;
      const second = await batchGet(this.table, [keys.contract(fallbackId), keys.pool(fallbackId)]);
      const fallbackRaw = second.get(keyString(keys.contract(fallbackId)));
      const fallbackPoolRaw = second.get(keyString(keys.pool(fallbackId)));
      if (fallbackRaw && fallbackPoolRaw) {
        const fallback = parseContract(fallbackRaw);
        if (fallback.kind === "prepaid") pool = { contract: fallback, usage: parsePool(fallbackPoolRaw) };
      }
    }
    const context: BookingContext = { contract, period: state.period, pool };
    this.contexts.remember(contractId, month, context);
    return context;
  }

  async commitBooking(write: {
    context: BookingContext;
    booking: Booking;
    change: LedgerChange;
    alerts: Alert[];
    idempotency: IdempotencyClaim | null;
  }): Promise<LedgerWriteOutcome> {
    const { context, booking, change } = write;
    const items: TransactItem[] = [...this.ledgerWrites(context, booking, 1, change)];
    items.push({
      Put: {
        TableName: this.tableName,
        Item: bookingItem(booking),
        ConditionExpression: "attribute_not_exists(pk)",
      },
    });
    for (const alert of write.alerts) items.push({ Put: alertPut(this.tableName, alert) });
    const guardIndex = items.length;
    if (write.idempotency)
      items.push(idempotencyClaimPut(this.tableName, write.idempotency, this.nowSeconds()));
    try {
      await writeTransaction(this.doc, items);
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const guard = reasons[guardIndex];
      if (write.idempotency && isConditionFailure(guard) && guard?.item) {
        const stored = parseIdempotency(guard.item);
        return {
          outcome: "replayed",
          fingerprint: stored.fingerprint,
          response: stored.response ?? { statusCode: 409, body: null },
        };
      }
      this.contexts.forgetMonth(booking.contractId, booking.month);
      return { outcome: "stale" };
    }
    this.rememberAfterWrite(context, booking.month, change.period, change.pool);
    return { outcome: "written" };
  }

  async commitReversal(write: {
    context: BookingContext;
    booking: Booking;
    reversal: Reversal;
    change: Pick<LedgerChange, "period" | "pool">;
  }): Promise<LedgerWriteOutcome> {
    const { context, booking } = write;
    const items: TransactItem[] = [...this.ledgerWrites(context, booking, -1, null)];
    items.push({
      Update: {
        TableName: this.tableName,
        Key: keys.booking(booking.contractId, booking.id),
        UpdateExpression: "SET #status = :reversed, reversal = :reversal",
        // Closes the race of two reversals of the same booking.
        ConditionExpression: "#status = :booked",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":reversed": "reversed",
          ":booked": "booked",
          ":reversal": write.reversal,
        },
      },
    });
    try {
      await writeTransaction(this.doc, items);
    } catch (error) {
      if (!cancellationReasons(error)) throw error;
      this.contexts.forgetMonth(booking.contractId, booking.month);
      return { outcome: "stale" };
    }
    this.rememberAfterWrite(context, booking.month, write.change.period, write.change.pool);
    return { outcome: "written" };
  }

  /**
   * The writes of a ledger change (`sign` 1 books, -1 reverses). The usage counters are incremented,
   * guarded by the ranges within which the plan holds (see `UsageGuard`): concurrent bookings far from
   * any limit commit side by side, and none can overdraw.
   *
   * The plan must also still hold the contract's terms it was made with. Each usage item (a month of
   * a monthly quota, a pool) carries the `termsVersion` of the contract it was last written under,
   * and every change of a contract's terms (a quota change, a close) writes its new version onto the
   * usage items it affects in the same transaction. So when the plan read the usage item at the
   * contract's version, the usage item's condition checks the terms too and the booking is three
   * items (usage, booking, idempotency guard). Otherwise (the month's first booking, the first after a
   * change) the contract itself is checked at the version read, and the usage item takes that version.
   */
  private ledgerWrites(
    context: BookingContext,
    booking: Booking,
    sign: 1 | -1,
    change: LedgerChange | null,
  ): TransactItem[] {
    const { contract } = context;
    const raisedFor = (contractId: string, month: Month | null) =>
      (change?.thresholds ?? [])
        .filter((t) => t.contractId === contractId && t.month === month)
        .map((t) => t.percent);
    const items: TransactItem[] = [];
    // Whether some usage item's condition covers the booked contract's terms.
    let termsCovered = false;
    if (contract.kind === "monthly") {
      const termsRead = context.period !== null && context.period.termsVersion === contract.version;
      if (!termsRead) items.push(versionCheck(this.tableName, keys.contract(contract.id), contract.version));
      items.push(
        this.periodIncrement(
          contract.id,
          booking.month,
          {
            used: sign * booking.fromQuotaMinutes,
            fromPool: sign * booking.fromPoolMinutes,
            overage: sign * booking.overageMinutes,
          },
          change?.guards.period ?? null,
          raisedFor(contract.id, booking.month),
          { version: contract.version, checked: termsRead, itemExists: context.period !== null },
        ),
      );
      termsCovered = true;
    }
    const pool = context.pool;
    const poolGuard = change?.guards.pool ?? null;
    const poolOverage = contract.kind === "prepaid" ? booking.overageMinutes : 0;
    const poolTouched =
      pool !== null && (booking.fromPoolMinutes > 0 || poolOverage > 0 || poolGuard !== null);
    if (pool && poolTouched) {
      const owner = pool.contract;
      const termsRead = pool.usage.termsVersion === owner.version;
      const terms = { version: owner.version, checked: termsRead };
      if (booking.fromPoolMinutes > 0 || poolOverage > 0) {
        items.push(
          this.poolIncrement(
            owner.id,
            booking.month,
            { used: sign * booking.fromPoolMinutes, overage: sign * poolOverage },
            poolGuard,
            raisedFor(owner.id, null),
            terms,
          ),
        );
      } else if (poolGuard) {
        // The plan asked the pool and found it could not help: that must still be so.
        const condition = poolCondition(poolGuard, terms);
        items.push({ ConditionCheck: { TableName: this.tableName, Key: keys.pool(owner.id), ...condition } });
      }
      if (!termsRead) items.push(versionCheck(this.tableName, keys.contract(owner.id), owner.version));
      if (owner.id === contract.id) termsCovered = true;
    }
    if (!termsCovered)
      items.unshift(versionCheck(this.tableName, keys.contract(contract.id), contract.version));
    return items;
  }

  private periodIncrement(
    contractId: string,
    month: Month,
    delta: { used: number; fromPool: number; overage: number },
    guard: UsageGuard | null,
    raised: number[],
    terms: { version: number; checked: boolean; itemExists: boolean },
  ): TransactItem {
    // Only what changes: a booking that checked the terms leaves them as they are, and a counter the
    // booking leaves at zero is not named (the month's first write creates them all).
    const sets: string[] = terms.checked ? [] : ["termsVersion = :terms"];
    const adds = ["usedMinutes :used", "#version :one"];
    const values: Record<string, unknown> = { ":terms": terms.version, ":used": delta.used, ":one": 1 };
    if (delta.fromPool !== 0 || !terms.itemExists) {
      adds.push("fromPoolMinutes :fromPool");
      values[":fromPool"] = delta.fromPool;
    }
    if (delta.overage !== 0 || !terms.itemExists) {
      adds.push("overageMinutes :overage");
      values[":overage"] = delta.overage;
    }
    if (!terms.itemExists) {
      // The month's first write creates the item (a racing first booking may have created it already).
      sets.push("entity = :entity", "contractId = :contractId", "#month = :month");
      adds.push("expiredMinutes :zero");
      Object.assign(values, { ":entity": "period", ":contractId": contractId, ":month": month, ":zero": 0 });
    }
    if (raised.length > 0 || !terms.itemExists) {
      sets.push("thresholdsNotified = list_append(if_not_exists(thresholdsNotified, :empty), :raised)");
      Object.assign(values, { ":empty": [], ":raised": raised });
    }
    const conditions: string[] = [];
    if (terms.checked) conditions.push("termsVersion = :terms");
    if (guard) {
      values[":min"] = guard.minUsed;
      values[":max"] = guard.maxUsed;
      // A month nobody booked yet has used nothing: the guard admits it when it admits 0. A month read
      // as existing has its counters (every writer creates them all), so the shorter condition holds.
      conditions.push(
        guard.minUsed <= 0 && !terms.itemExists
          ? "(attribute_not_exists(usedMinutes) OR usedMinutes BETWEEN :min AND :max)"
          : "usedMinutes BETWEEN :min AND :max",
      );
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.period(contractId, month),
        // ADD counts from 0 when the attribute is missing.
        UpdateExpression: `${sets.length > 0 ? `SET ${sets.join(", ")} ` : ""}ADD ${adds.join(", ")}`,
        ExpressionAttributeNames: {
          "#version": "version",
          ...(terms.itemExists ? {} : { "#month": "month" }),
        },
        ExpressionAttributeValues: values,
        ...(conditions.length > 0 ? { ConditionExpression: conditions.join(" AND ") } : {}),
      },
    };
  }

  private poolIncrement(
    poolContractId: string,
    month: Month,
    delta: { used: number; overage: number },
    guard: PoolGuard | null,
    raised: number[],
    terms: { version: number; checked: boolean },
  ): TransactItem {
    const condition = guard
      ? poolCondition(guard, terms)
      : {
          ConditionExpression: terms.checked ? "termsVersion = :terms" : "attribute_exists(pk)",
          ExpressionAttributeValues: terms.checked ? { ":terms": terms.version } : {},
        };
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.pool(poolContractId),
        UpdateExpression:
          "SET usedMinutes = usedMinutes + :used, overageMinutes = overageMinutes + :overage, " +
          "usedByMonth.#m = if_not_exists(usedByMonth.#m, :zero) + :used, " +
          "overageByMonth.#m = if_not_exists(overageByMonth.#m, :zero) + :overage, " +
          "thresholdsNotified = list_append(thresholdsNotified, :raised), #version = #version + :one, " +
          "termsVersion = :terms",
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeNames: { "#m": month, "#version": "version" },
        ExpressionAttributeValues: {
          ...condition.ExpressionAttributeValues,
          ":used": delta.used,
          ":overage": delta.overage,
          ":zero": 0,
          ":one": 1,
          ":raised": raised,
          ":terms": terms.version,
        },
      },
    };
  }

  async getBooking(contractId: string, bookingId: string): Promise<Booking | null> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.booking(contractId, bookingId),
        ConsistentRead: true,
      }),
    );
    return Item ? parseBooking(Item) : null;
  }

  async listBookings(contractId: string, month: Month, page: PageRequest): Promise<Page<Booking>> {
    const partition = keys.bookingsOfMonth(contractId, month);
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": partition.pk, ":prefix": partition.skPrefix },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, { pk: partition.pk }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseBooking), result.LastEvaluatedKey);
  }

  /**
   * After a successful write, the state as planned becomes the cache: the next booking in this
   * process needs no read. Concurrent writers may have moved the counters meanwhile; the guards of
   * the next write catch that (a stale cache costs a retry, never a wrong balance).
   */
  private rememberAfterWrite(
    context: BookingContext,
    month: Month,
    period: PeriodUsage | null,
    pool: PoolUsage | null,
  ): void {
    // The write stamped the usage items it touched with the terms it was planned under.
    const written = period ?? context.period;
    const poolWritten = context.pool && pool ? pool : null;
    this.contexts.remember(context.contract.id, month, {
      contract: context.contract,
      period: written ? { ...written, termsVersion: context.contract.version } : null,
      pool:
        context.pool && poolWritten
          ? {
              contract: context.pool.contract,
              usage: { ...poolWritten, termsVersion: context.pool.contract.version },
            }
          : context.pool,
    });
  }
}

/** The pool's size as planned, and its used counter within the plan's range. */
function poolCondition(guard: PoolGuard, terms: { version: number; checked: boolean }) {
  const pinned = "totalMinutes = :total AND expiredMinutes = :expired AND usedMinutes BETWEEN :min AND :max";
  return {
    ConditionExpression: terms.checked ? `${pinned} AND termsVersion = :terms` : pinned,
    ExpressionAttributeValues: {
      ":total": guard.totalMinutes,
      ":expired": guard.expiredMinutes,
      ":min": guard.minUsed,
      ":max": guard.maxUsed,
      ...(terms.checked ? { ":terms": terms.version } : {}),
    },
  };
}
