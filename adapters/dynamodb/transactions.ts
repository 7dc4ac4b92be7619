import {
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { DOCUMENT_MARSHALL_OPTIONS } from "./client.js";
import type { TransactItem } from "./table.js";

/**
 * Sends one TransactWriteItems. The stores write its items as the document client takes them; they
 * are marshalled here (the same util-dynamodb, the same options) and sent as the low-level command
 * through the same client. lib-dynamodb's TransactWriteCommand would wrap that command in a second
 * one and resolve a second middleware stack on every send: ~25 µs on the booking's one round trip.
 */
export async function writeTransaction(doc: DynamoDBDocumentClient, items: TransactItem[]): Promise<void> {
  await doc.send(new TransactWriteItemsCommand({ TransactItems: items.map(marshallTransactItem) }));
}

type Attributes = Record<string, unknown>;

/** The document client's options; a key or an item is a map of attributes, not one map attribute. */
const MARSHALL_OPTIONS = { ...DOCUMENT_MARSHALL_OPTIONS, convertTopLevelContainer: false } as const;

/** A key or an item, and the expression's values when there are any. */
function marshalledParts(
  keyName: "Key" | "Item",
  key: Attributes | undefined,
  values: Attributes | undefined,
) {
  return {
    // A missing key or item is DynamoDB's to refuse, as it would refuse the document command's.
    [keyName]: marshall(key ?? {}, MARSHALL_OPTIONS),
    ...(values === undefined ? {} : { ExpressionAttributeValues: marshall(values, MARSHALL_OPTIONS) }),
  };
}

/** The attribute maps of each kind of transaction item, the ones lib-dynamodb would marshal. */
function marshallTransactItem(item: TransactItem): TransactWriteItem {
  const { Put, Update, Delete, ConditionCheck } = item;
  if (Put) return { Put: { ...Put, ...marshalledParts("Item", Put.Item, Put.ExpressionAttributeValues) } };
  if (Update) {
    return { Update: { ...Update, ...marshalledParts("Key", Update.Key, Update.ExpressionAttributeValues) } };
  }
  if (Delete) {
    return { Delete: { ...Delete, ...marshalledParts("Key", Delete.Key, Delete.ExpressionAttributeValues) } };
  }
  if (ConditionCheck) {
    const parts = marshalledParts("Key", ConditionCheck.Key, ConditionCheck.ExpressionAttributeValues);
    return { ConditionCheck: { ...ConditionCheck, ...parts } };
  }
  throw new Error("A transaction item must be a Put, an Update, a Delete or a ConditionCheck");
}

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
