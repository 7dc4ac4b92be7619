import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../../domain/alert.js";
import type { Booking, Reversal } from "../../domain/booking.js";
import type { Month } from "../../domain/calendar.js";
import type { Contract, PrepaidContract } from "../../domain/contract.js";
import type { BookingContext, LedgerChange, PeriodUsage, PoolUsage } from "../../domain/ledger.js";
import type {
  IdempotencyClaim,
  LedgerRepository,
  LedgerWriteOutcome,
  Page,
  PageRequest,
} from "../../domain/repositories.js";
import { alertPut } from "./alert-store.js";
import { BookingContexts, type RememberedContext } from "./booking-contexts.js";
import { decodeCursor } from "./cursor.js";
import { idempotencyClaimPut } from "./idempotency-store.js";
import { bookingItem, periodItem, poolItem } from "./item-builders.js";
import { parseBooking, parseContract, parseIdempotency, parsePeriod, parsePool } from "./items.js";
import { keys } from "./keys.js";
import { batchGet, keyString, type StoreTable, type TransactItem, withCursor } from "./table.js";
import {
  type CancellationReason,
  cancellationReasons,
  isConditionFailure,
  writeTransaction,
} from "./transactions.js";
import { readContractMonth, termsVersionOf } from "./usage-store.js";

export interface LedgerStoreOptions {
  /** "now" in epoch seconds, for the lifetime of a booking's idempotency record (a clock port in tests). */
  nowSeconds?: () => number;
}

/**
 * How a booking's transaction proves that the contract's terms it was planned with still hold:
 * - `usage-vouches`: the usage item (a month, a pool) was written under the contract version the plan
 *   read. Every change of the terms a month is booked under (a quota change, an end, a close) rewrites
 *   that month's usage item in its own transaction (ContractStore.updateContract, MonthCloseStore), so
 *   the usage item's revision condition covers the terms: no extra item.
 * - `absence-vouches`: the month had no usage item. A change of its terms creates it, so the
 *   condition that it is still absent covers the terms too.
 * - `check-contract`: the usage item carries older terms (the month was last written before a change
 *   that did not concern it, or by data from before stamping): the transaction also checks the
 *   contract's version, and stamps the usage item with it.
 */
export type TermsProof = "usage-vouches" | "absence-vouches" | "check-contract";

/** A usage item's part of a booking's transaction, and how it proves the terms. */
interface UsageWrite {
  item: TransactItem;
  proof: TermsProof;
}

/**
 * The ledger on the single table (the DynamoDB adapter of `LedgerRepository`). A booking commits only
 * if every usage item it planned on is still at the revision read (and the terms still hold, see
 * `TermsProof`), so the balance it answers is exactly the one stored right after it. The contexts this
 * instance saw after its own writes are kept (`BookingContexts`): a warm booking is one request; a
 * context outdated by another instance costs one failed transaction, whose refusal carries the current
 * items, and the booking is planned again on them.
 */
export class LedgerStore implements LedgerRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly nowSeconds: () => number;
  private readonly contexts = new BookingContexts();

  constructor(
    private readonly table: StoreTable,
    options: LedgerStoreOptions = {},
  ) {
    this.doc = table.doc;
    this.tableName = table.name;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  async bookingContext(contractId: string, month: Month): Promise<BookingContext | null> {
    return this.contexts.get(contractId, month)?.context ?? this.currentBookingContext(contractId, month);
  }

  async currentBookingContext(contractId: string, month: Month): Promise<BookingContext | null> {
    const remembered = await this.readContext(contractId, month);
    if (!remembered) return null;
    this.contexts.remember(contractId, month, remembered);
    return remembered.context;
  }

  private async readContext(contractId: string, month: Month): Promise<RememberedContext | null> {
    const state = await readContractMonth(this.table, contractId, month);
    if (!state) return null;
    const { contract } = state;
    let pool: BookingContext["pool"] = null;
    let poolTerms: number | null = null;
    if (contract.kind === "prepaid" && state.pool) {
      pool = { contract, usage: state.pool.usage };
      poolTerms = state.pool.termsVersion;
    } else if (contract.kind === "monthly" && contract.fallbackContractId) {
      const fallbackId = contract.fallbackContractId;
      const second = await batchGet(this.table, [keys.contract(fallbackId), keys.pool(fallbackId)]);
      const fallbackRaw = second.get(keyString(keys.contract(fallbackId)));
      const fallbackPoolRaw = second.get(keyString(keys.pool(fallbackId)));
      if (fallbackRaw && fallbackPoolRaw) {
        const fallback = parseContract(fallbackRaw);
        if (fallback.kind === "prepaid") {
          pool = { contract: fallback, usage: parsePool(fallbackPoolRaw) };
          poolTerms = termsVersionOf(fallbackPoolRaw);
        }
      }
    }
    return {
      context: { contract, period: state.period?.usage ?? null, pool },
      periodTerms: state.period?.termsVersion ?? null,
      poolTerms,
    };
  }

  async commitBooking(write: {
    context: BookingContext;
    booking: Booking;
    change: LedgerChange;
    alerts: Alert[];
    idempotency: IdempotencyClaim | null;
  }): Promise<LedgerWriteOutcome> {
    const { context, booking, change } = write;
    const terms = this.termsOf(context);
    const period =
      context.contract.kind === "monthly" ? this.periodWrite(context, terms, change.period) : null;
    const pool =
      context.pool && change.consultedPool ? this.poolWrite(context.pool, terms, change.pool) : null;
    const items: TransactItem[] = [];
    const at = (item: TransactItem) => items.push(item) - 1;
    const periodAt = period ? at(period.item) : -1;
    const poolAt = pool ? at(pool.item) : -1;
    const contractAt = this.contractChecks(context, period, pool).map(at);
    at({
      Put: {
        TableName: this.tableName,
        Item: bookingItem(booking),
        ConditionExpression: "attribute_not_exists(pk)",
      },
    });
    for (const alert of write.alerts) at({ Put: alertPut(this.tableName, alert) });
    const ticketAt = booking.ticketId ? at(this.ticketCheck(booking.contractId, booking.ticketId)) : -1;
    const guardAt = write.idempotency
      ? at(idempotencyClaimPut(this.tableName, write.idempotency, this.nowSeconds()))
      : -1;
    try {
      await writeTransaction(this.doc, items);
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const guard = reasons[guardAt];
      if (isConditionFailure(guard) && guard?.item) {
        const stored = parseIdempotency(guard.item);
        return {
          outcome: "replayed",
          fingerprint: stored.fingerprint,
          response: stored.response ?? { statusCode: 409, body: null },
        };
      }
      if (isConditionFailure(reasons[ticketAt])) return { outcome: "unknown_ticket" };
      this.learnFromRefusal(context, booking.month, reasons, { periodAt, poolAt, contractAt });
      return { outcome: "stale" };
    }
    this.rememberWritten(context, booking.month, change.period, change.pool);
    return { outcome: "written" };
  }

  async commitReversal(write: {
    context: BookingContext;
    booking: Booking;
    reversal: Reversal;
    change: Pick<LedgerChange, "period" | "pool">;
  }): Promise<LedgerWriteOutcome> {
    const { context, booking, change } = write;
    const terms = this.termsOf(context);
    const period =
      context.contract.kind === "monthly" ? this.periodWrite(context, terms, change.period) : null;
    const pool = context.pool && change.pool ? this.poolWrite(context.pool, terms, change.pool) : null;
    const items: TransactItem[] = [];
    if (period) items.push(period.item);
    if (pool) items.push(pool.item);
    items.push(...this.contractChecks(context, period, pool));
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
    this.rememberWritten(context, booking.month, change.period, change.pool);
    return { outcome: "written" };
  }

  /** The terms versions the usage items of `context` were read with (unknown context: none vouch). */
  private termsOf(context: BookingContext): { period: number | null; pool: number | null } {
    const remembered = this.contexts.find(context);
    return { period: remembered?.periodTerms ?? null, pool: remembered?.poolTerms ?? null };
  }

  /** The month's usage as planned, written only over the revision read. */
  private periodWrite(
    context: BookingContext,
    terms: { period: number | null },
    next: PeriodUsage | null,
  ): UsageWrite {
    const { contract } = context;
    const read = context.period;
    const proof: TermsProof =
      read === null
        ? "absence-vouches"
        : terms.period === contract.version
          ? "usage-vouches"
          : "check-contract";
    if (!next || !read) {
      if (!read && !next) throw new Error("A monthly booking plans its month");
    }
    const written = next ?? (read as PeriodUsage);
    return {
      item: usagePut(this.tableName, periodItem(written, contract.version), read?.version ?? 0),
      proof,
    };
  }

  /**
   * The pool as planned, written only over the revision read; a plan that asked the pool and found it
   * could not help only checks that it is still so.
   */
  private poolWrite(
    pool: NonNullable<BookingContext["pool"]>,
    terms: { pool: number | null },
    next: PoolUsage | null,
  ): UsageWrite {
    const owner: PrepaidContract = pool.contract;
    const proof: TermsProof = terms.pool === owner.version ? "usage-vouches" : "check-contract";
    if (next) {
      return { item: usagePut(this.tableName, poolItem(next, owner.version), pool.usage.version), proof };
    }
    return {
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: keys.pool(owner.id),
          ConditionExpression: "#version = :version",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: { ":version": pool.usage.version },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      proof,
    };
  }

  /** The contracts whose terms no usage item of the transaction vouches for. */
  private contractChecks(
    context: BookingContext,
    period: UsageWrite | null,
    pool: UsageWrite | null,
  ): TransactItem[] {
    const checks: Contract[] = [];
    const own = context.contract.kind === "monthly" ? period : pool;
    if (!own || own.proof === "check-contract") checks.push(context.contract);
    if (
      pool &&
      pool.proof === "check-contract" &&
      context.pool &&
      context.pool.contract.id !== context.contract.id
    )
      checks.push(context.pool.contract);
    return checks.map((contract) => ({
      ConditionCheck: {
        TableName: this.tableName,
        Key: keys.contract(contract.id),
        ConditionExpression: "#version = :version",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: { ":version": contract.version },
      },
    }));
  }

  /** A booking's ticket must be a ticket of its contract (tickets never move, so this holds once true). */
  private ticketCheck(contractId: string, ticketId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: keys.ticket(ticketId),
        ConditionExpression: "contractId = :contractId",
        ExpressionAttributeValues: { ":contractId": contractId },
      },
    };
  }

  /**
   * A refused booking learns the current items from the refusal: when only the usage moved (another
   * booking), the next context is that usage under the same terms, with no read; anything else (the
   * terms changed, a check failed) forgets the context, so the next one is read.
   */
  private learnFromRefusal(
    context: BookingContext,
    month: Month,
    reasons: CancellationReason[],
    at: { periodAt: number; poolAt: number; contractAt: number[] },
  ): void {
    const periodReason = at.periodAt >= 0 ? reasons[at.periodAt] : undefined;
    const poolReason = at.poolAt >= 0 ? reasons[at.poolAt] : undefined;
    const onlyUsageMoved =
      at.contractAt.every((i) => !isConditionFailure(reasons[i])) &&
      [periodReason, poolReason].some((reason) => isConditionFailure(reason) && reason?.item);
    if (!onlyUsageMoved) {
      this.contexts.forgetMonth(context.contract.id, month);
      return;
    }
    const remembered = this.contexts.find(context);
    let next: RememberedContext = {
      context,
      periodTerms: remembered?.periodTerms ?? null,
      poolTerms: remembered?.poolTerms ?? null,
    };
    if (isConditionFailure(periodReason) && periodReason?.item) {
      next = {
        ...next,
        context: { ...next.context, period: parsePeriod(periodReason.item) },
        periodTerms: termsVersionOf(periodReason.item),
      };
    }
    if (isConditionFailure(poolReason) && poolReason?.item && context.pool) {
      next = {
        ...next,
        context: {
          ...next.context,
          pool: { contract: context.pool.contract, usage: parsePool(poolReason.item) },
        },
        poolTerms: termsVersionOf(poolReason.item),
      };
    }
    this.contexts.remember(context.contract.id, month, next);
  }

  /** After a write, the state as planned is exactly what is stored: the next booking needs no read. */
  private rememberWritten(
    context: BookingContext,
    month: Month,
    period: PeriodUsage | null,
    pool: PoolUsage | null,
  ): void {
    const written = <T extends { version: number }>(usage: T): T => ({
      ...usage,
      version: usage.version + 1,
    });
    const nextPeriod = context.contract.kind === "monthly" && (period ?? context.period);
    this.contexts.remember(context.contract.id, month, {
      context: {
        contract: context.contract,
        period: nextPeriod ? written(nextPeriod) : null,
        pool: context.pool && pool ? { contract: context.pool.contract, usage: written(pool) } : context.pool,
      },
      periodTerms: context.contract.version,
      poolTerms: context.pool ? (pool ? context.pool.contract.version : this.termsOf(context).pool) : null,
    });
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
        ExclusiveStartKey: decodeCursor(page.cursor, {
          pk: partition.pk,
          sk: { prefix: partition.skPrefix },
        }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseBooking), result.LastEvaluatedKey);
  }
}

/**
 * Writes a usage item over the revision read (0: not stored yet), one revision up. A refusal returns
 * the item as it is, so the booking can be planned again without a read.
 */
function usagePut(tableName: string, item: Record<string, unknown>, version: number): TransactItem {
  item.version = version + 1;
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ...(version === 0
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : {
            ConditionExpression: "#version = :version",
            ExpressionAttributeNames: { "#version": "version" },
            ExpressionAttributeValues: { ":version": version },
          }),
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    },
  };
}
