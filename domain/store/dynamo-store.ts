import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../alert.js";
import type { Booking, Reversal } from "../booking.js";
import type { Month } from "../calendar.js";
import type { Contract } from "../contract.js";
import type { Customer } from "../customer.js";
import { QuotaBelowUsageError, ValidationError } from "../errors.js";
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
  IdempotencyRepository,
  IdempotentResponse,
  LedgerWriteOutcome,
  MonthState,
  Page,
  PageRequest,
  Store,
  TopUp,
} from "../repositories.js";
import type { ClosedMonthFigures, MonthClosePlan } from "../statement.js";
import { alertPut, DynamoAlertStore } from "./alert-store.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import {
  idempotentResponseAttribute,
  parseBooking,
  parseClosedMonthFigures,
  parseContract,
  parseCustomer,
  parseIdempotency,
  parsePeriod,
  parsePool,
} from "./items.js";
import { INDEX, keys } from "./keys.js";
import { DynamoTicketStore } from "./ticket-store.js";
import { cancellationReasons, isConditionalCheckFailed, isConditionFailure } from "./transactions.js";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** How long an `Idempotency-Key` is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** How long an uncompleted claim blocks retries: longer than any HTTP function may run (30 s). */
export const IDEMPOTENCY_CLAIM_SECONDS = 60;

export interface DynamoStoreOptions {
  /** Booking contexts kept in memory; a stale one costs a retry, never a wrong balance. */
  contextCacheSize?: number;
  /** "now" in epoch seconds, for idempotency lifetimes (a clock port in tests). */
  nowSeconds?: () => number;
}

/** The DynamoDB adapter of the domain's storage ports, on one table. */
export class DynamoStore implements Store {
  readonly idempotency: IdempotencyRepository;
  readonly tickets: DynamoTicketStore;
  readonly alerts: DynamoAlertStore;
  private readonly contexts = new Map<string, BookingContext>();
  private readonly contextCacheSize: number;
  private readonly nowSeconds: () => number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoStoreOptions = {},
  ) {
    this.contextCacheSize = options.contextCacheSize ?? 1000;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
    this.idempotency = new DynamoIdempotency(doc, tableName, this.nowSeconds);
    this.tickets = new DynamoTicketStore(doc, tableName);
    this.alerts = new DynamoAlertStore(doc, tableName);
  }

  // ---- customers -------------------------------------------------------------------------------

  async putCustomer(customer: Customer): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.customer(customer.id),
            ...keys.customersByName(customer.name, customer.id),
            entity: "customer",
            ...customer,
          },
          // Closes the race of a retried creation: the same id is written once.
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getCustomer(id: string): Promise<Customer | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.customer(id) }),
    );
    return Item ? parseCustomer(Item) : null;
  }

  async listCustomers(page: PageRequest): Promise<Page<Customer>> {
    const partition = keys.allCustomers();
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.byType.name,
        KeyConditionExpression: "gsi2pk = :pk",
        ExpressionAttributeValues: { ":pk": partition.gsi2pk },
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, { gsi2pk: partition.gsi2pk }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseCustomer), result.LastEvaluatedKey);
  }

  // ---- contracts -------------------------------------------------------------------------------

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
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
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
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      this.forgetContexts(contract.id);
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
    const write = this.doc.send(
      new TransactWriteCommand({
        TransactItems: [
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
        ],
      }),
    );
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
    this.forgetContexts(topUp.contractId);
    const pool = await this.getPool(topUp.contractId);
    if (!pool) throw new Error(`Pool of contract ${topUp.contractId} vanished`);
    return pool;
  }

  // ---- ledger ----------------------------------------------------------------------------------

  async loadBookingContext(
    contractId: string,
    month: Month,
    options: { fresh?: boolean } = {},
  ): Promise<BookingContext | null> {
    const cacheKey = `${contractId}#${month}`;
    if (!options.fresh) {
      const cached = this.contexts.get(cacheKey);
      if (cached) return cached;
    }
    const first = await this.batchGet([
      keys.contract(contractId),
      keys.period(contractId, month),
      keys.pool(contractId),
    ]);
    const contractRaw = first.get(keyString(keys.contract(contractId)));
    if (!contractRaw) return null;
    const contract = parseContract(contractRaw);
    const periodRaw = first.get(keyString(keys.period(contractId, month)));
    const poolRaw = first.get(keyString(keys.pool(contractId)));
    let pool: BookingContext["pool"] = null;
    if (contract.kind === "prepaid" && poolRaw) {
      pool = { contract, usage: parsePool(poolRaw) };
    } else if (contract.kind === "monthly" && contract.fallbackContractId) {
      const fallbackId = contract.fallbackContractId;
      const second = await this.batchGet([keys.contract(fallbackId), keys.pool(fallbackId)]);
      const fallbackRaw = second.get(keyString(keys.contract(fallbackId)));
      const fallbackPoolRaw = second.get(keyString(keys.pool(fallbackId)));
      if (fallbackRaw && fallbackPoolRaw) {
        const fallback = parseContract(fallbackRaw);
        if (fallback.kind === "prepaid") pool = { contract: fallback, usage: parsePool(fallbackPoolRaw) };
      }
    }
    const context: BookingContext = {
      contract,
      period: contract.kind === "monthly" ? (periodRaw ? parsePeriod(periodRaw) : null) : null,
      pool,
    };
    this.remember(cacheKey, context);
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
    if (write.idempotency) items.push(this.idempotencyPut(write.idempotency));
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
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
      this.contexts.delete(`${booking.contractId}#${booking.month}`);
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
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!cancellationReasons(error)) throw error;
      this.contexts.delete(`${booking.contractId}#${booking.month}`);
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
      if (!termsRead) items.push(this.versionCheck(keys.contract(contract.id), contract.version));
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
      if (!termsRead) items.push(this.versionCheck(keys.contract(owner.id), owner.version));
      if (owner.id === contract.id) termsCovered = true;
    }
    if (!termsCovered) items.unshift(this.versionCheck(keys.contract(contract.id), contract.version));
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
    // Only what changes: a booking that checked the terms leaves them as they are.
    const sets: string[] = terms.checked ? [] : ["termsVersion = :terms"];
    const adds = [
      "usedMinutes :used",
      "fromPoolMinutes :fromPool",
      "overageMinutes :overage",
      "#version :one",
    ];
    const values: Record<string, unknown> = {
      ":terms": terms.version,
      ":used": delta.used,
      ":fromPool": delta.fromPool,
      ":overage": delta.overage,
      ":one": 1,
    };
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
      // A month nobody booked yet has used nothing: the guard admits it when it admits 0.
      conditions.push(
        guard.minUsed <= 0
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

  /** Replaces a state item read at `version` (0: not yet written) and bumps its version. */
  private versionedPut(item: Record<string, unknown>, version: number): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...item, version: version + 1 },
        ConditionExpression: version === 0 ? "attribute_not_exists(pk)" : "#version = :version",
        ...(version === 0
          ? {}
          : {
              ExpressionAttributeNames: { "#version": "version" },
              ExpressionAttributeValues: { ":version": version },
            }),
      },
    };
  }

  private versionCheck(key: { pk: string; sk: string }, version: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: key,
        ConditionExpression: "#version = :version",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: { ":version": version },
      },
    };
  }

  private idempotencyPut(claim: IdempotencyClaim): TransactItem {
    const now = this.nowSeconds();
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.idempotency(claim.key),
          entity: "idempotency",
          fingerprint: claim.fingerprint,
          response: idempotentResponseAttribute(claim.response),
          expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
        },
        // Closes the race of two requests with one key: only one booking can claim it. TTL deletes
        // lazily, so an expired record counts as absent.
        ConditionExpression: "attribute_not_exists(pk) OR expiresAt < :now",
        ExpressionAttributeValues: { ":now": now },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
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

  async getPeriod(contractId: string, month: Month): Promise<PeriodUsage | null> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.period(contractId, month),
        ConsistentRead: true,
      }),
    );
    return Item ? parsePeriod(Item) : null;
  }

  async getPool(contractId: string): Promise<PoolUsage | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.pool(contractId), ConsistentRead: true }),
    );
    return Item ? parsePool(Item) : null;
  }

  async saveAlert(alert: Alert): Promise<boolean> {
    return this.alerts.saveAlert(alert);
  }

  // ---- month close -----------------------------------------------------------------------------

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
    const found = await this.batchGet([
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
      items.push(this.versionedPut(periodItem({ ...plan.period, termsVersion }), plan.period.version));
    }
    if (plan.pool) {
      items.push(
        plan.poolExpires
          ? this.versionedPut(poolItem({ ...plan.pool, termsVersion }), plan.pool.version)
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
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!cancellationReasons(error)) throw error;
      this.forgetContexts(plan.contractId);
      return "stale";
    }
    this.forgetContexts(plan.contractId);
    return "written";
  }

  async getClosedMonthFigures(wanted: { contractId: string; month: Month }[]): Promise<ClosedMonthFigures[]> {
    const figures: ClosedMonthFigures[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      const chunk = wanted.slice(i, i + 100);
      const found = await this.batchGet(chunk.map((w) => keys.statement(w.contractId, w.month)));
      for (const w of chunk) {
        const raw = found.get(keyString(keys.statement(w.contractId, w.month)));
        if (raw) figures.push(parseClosedMonthFigures(raw));
      }
    }
    return figures;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private async batchGet(
    wanted: { pk: string; sk: string }[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>();
    let requested: Record<string, unknown>[] | undefined = wanted;
    for (let attempt = 0; requested && requested.length > 0 && attempt < 8; attempt++) {
      const result: BatchGetCommandOutput = await this.doc.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: requested, ConsistentRead: true } },
        }),
      );
      for (const item of result.Responses?.[this.tableName] ?? []) found.set(keyString(item), item);
      requested = result.UnprocessedKeys?.[this.tableName]?.Keys;
    }
    if (requested && requested.length > 0) throw new Error("DynamoDB left keys unprocessed after retries");
    return found;
  }

  private remember(cacheKey: string, context: BookingContext): void {
    this.contexts.delete(cacheKey);
    this.contexts.set(cacheKey, context);
    if (this.contexts.size > this.contextCacheSize) {
      const oldest = this.contexts.keys().next().value;
      if (oldest !== undefined) this.contexts.delete(oldest);
    }
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
    this.remember(`${context.contract.id}#${month}`, {
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

  private forgetContexts(contractId: string): void {
    for (const key of this.contexts.keys()) if (key.startsWith(`${contractId}#`)) this.contexts.delete(key);
  }
}

class DynamoIdempotency implements IdempotencyRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly nowSeconds: () => number,
  ) {}

  async find(key: string): Promise<{ fingerprint: string; response: IdempotentResponse | null } | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.idempotency(key), ConsistentRead: true }),
    );
    if (!Item) return null;
    const record = parseIdempotency(Item);
    if (record.expiresAt < this.nowSeconds()) return null;
    return { fingerprint: record.fingerprint, response: record.response };
  }

  async begin(key: string, fingerprint: string): Promise<boolean> {
    const now = this.nowSeconds();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(key),
            entity: "idempotency",
            fingerprint,
            response: null,
            claimExpiresAt: now + IDEMPOTENCY_CLAIM_SECONDS,
            expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
          },
          // Closes the race of two requests with one key: one claims it, the other sees the claim.
          // A claim that was never completed and outlived any function run belongs to a request that
          // died half-way; its retry (same fingerprint) may take it over.
          ConditionExpression:
            "attribute_not_exists(pk) OR expiresAt < :now OR (fingerprint = :fingerprint AND #response = :null AND claimExpiresAt < :now)",
          ExpressionAttributeNames: { "#response": "response" },
          ExpressionAttributeValues: { ":now": now, ":fingerprint": fingerprint, ":null": null },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async complete(key: string, fingerprint: string, response: IdempotentResponse): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.idempotency(key),
        UpdateExpression: "SET #response = :response",
        ConditionExpression: "fingerprint = :fingerprint",
        ExpressionAttributeNames: { "#response": "response" },
        ExpressionAttributeValues: {
          ":response": idempotentResponseAttribute(response),
          ":fingerprint": fingerprint,
        },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.doc
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.idempotency(key),
          ConditionExpression: "attribute_not_exists(#response) OR #response = :null",
          ExpressionAttributeNames: { "#response": "response" },
          ExpressionAttributeValues: { ":null": null },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionalCheckFailed(error)) throw error;
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

function keyString(item: { pk?: unknown; sk?: unknown }): string {
  return `${String(item.pk)}|${String(item.sk)}`;
}

function withCursor<T>(items: T[], lastKey: Record<string, unknown> | undefined): Page<T> {
  const cursor = encodeCursor(lastKey);
  return cursor ? { items, cursor } : { items };
}

/** The item of a contract (also for seeding benchmarks with real shapes). */
export function contractItem(contract: Contract): Record<string, unknown> {
  return {
    ...keys.contract(contract.id),
    ...keys.contractOfCustomer(contract.customerId, contract.id),
    ...keys.allContracts(contract.id),
    entity: "contract",
    ...contract,
  };
}

/** The item of a month's usage (also for seeding tests and benchmarks with real shapes). */
export function periodItem(period: PeriodUsage): Record<string, unknown> {
  return { ...keys.period(period.contractId, period.month), entity: "period", ...period };
}

/** A pool's draws per month are two flat maps on the item, so a booking can add to one month in place. */
export function poolItem(pool: PoolUsage): Record<string, unknown> {
  const { months, ...rest } = pool;
  const usedByMonth: Record<string, number> = {};
  const overageByMonth: Record<string, number> = {};
  for (const [month, draw] of Object.entries(months)) {
    usedByMonth[month] = draw.usedMinutes;
    overageByMonth[month] = draw.overageMinutes;
  }
  return { ...keys.pool(pool.contractId), entity: "pool", ...rest, usedByMonth, overageByMonth };
}

/** The item of a booking (also for seeding benchmarks with real shapes). */
/**
 * A booking as stored. Its empty fields (no pool, no ticket, not reversed) are left out: every booking
 * goes through the booking transaction, and each attribute costs there; the parser reads them as null.
 */
export function bookingItem(booking: Booking): Record<string, unknown> {
  const item: Record<string, unknown> = {
    ...keys.booking(booking.contractId, booking.id),
    entity: "booking",
  };
  for (const [name, value] of Object.entries(booking)) if (value !== null) item[name] = value;
  return item;
}
