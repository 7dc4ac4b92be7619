import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";

/** What happened to each item of a cancelled transaction, in request order. */
export interface CancellationReason {
  code: string;
  /** The item as it was, when the request asked for it (ReturnValuesOnConditionCheckFailure). */
  item: Record<string, unknown> | undefined;
}

/** The reasons of a cancelled transaction, or null when `error` is something else. */
export function cancellationReasons(error: unknown): CancellationReason[] | null {
  if (
    !(error instanceof TransactionCanceledException) &&
    (error as { name?: string })?.name !== "TransactionCanceledException"
  ) {
    return null;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => ({
    code: reason.Code ?? "None",
    item: reason.Item ? unmarshall(reason.Item) : undefined,
  }));
}

/** Whether a single-item write failed its condition (as opposed to a transaction's cancellation). */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === "ConditionalCheckFailedException";
}

export function isConditionFailure(reason: CancellationReason | undefined): boolean {
  return reason?.code === "ConditionalCheckFailed";
}
