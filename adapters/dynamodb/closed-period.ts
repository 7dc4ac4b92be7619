import * as z from "zod/mini";
import type { Month } from "../../domain/calendar.js";
import { PeriodClosedError } from "../../domain/errors.js";
import type { MonthCloseRun, MonthCloseStatus } from "../../domain/repositories.js";
import { keys } from "./keys.js";
import type { TransactItem } from "./table.js";
import { type CancellationReason, isConditionFailure } from "./transactions.js";

/**
 * A transaction item that holds only while `month` is after the system-wide `closedThrough`. Closes
 * the race of a write into a month against the start of that month's close: the close moves
 * `closedThrough` first, so the write either commits before (and the close counts it) or fails here.
 */
export function openPeriodCheck(tableName: string, month: Month): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.monthCloseStatus(),
      ConditionExpression: "attribute_not_exists(closedThrough) OR closedThrough < :month",
      ExpressionAttributeValues: { ":month": month },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    },
  };
}

/** The domain error for a write refused by `openPeriodCheck`, or null when that check held. */
export function periodClosedBy(
  reason: CancellationReason | undefined,
  month: Month,
): PeriodClosedError | null {
  if (!isConditionFailure(reason)) return null;
  const closedThrough = typeof reason?.item?.closedThrough === "string" ? reason.item.closedThrough : null;
  return new PeriodClosedError(`Month ${month} is closed`, {
    month,
    ...(closedThrough ? { closedThrough } : {}),
  });
}

const statusItemSchema = z.object({
  closedThrough: z.optional(z.string()),
  runs: z.optional(z.array(z.object({ month: z.string(), startedAt: z.string(), enqueuedJobs: z.number() }))),
});

/** The status item, parsed; no item yet is nothing closed and no runs. */
export function parseMonthCloseStatus(item: Record<string, unknown> | undefined): MonthCloseStatus {
  if (!item) return { closedThrough: null, runs: [] };
  const parsed = statusItemSchema.parse(item);
  return {
    closedThrough: parsed.closedThrough ?? null,
    runs: (parsed.runs ?? []).map((run): MonthCloseRun => ({ ...run })),
  };
}
