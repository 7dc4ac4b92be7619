import type { TransactWriteItemsCommandInput } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import type { TransactItem } from "../../adapters/dynamodb/table.js";
import { writeTransaction } from "../../adapters/dynamodb/transactions.js";

/**
 * A document client that never reaches the network: its last middleware keeps what would go on the
 * wire (the low-level command's input, after any marshalling) and answers with nothing.
 */
function capturingClient() {
  const doc = createDocumentClient({ tableName: "t", endpoint: "http://127.0.0.1:9" });
  const sent: TransactWriteItemsCommandInput[] = [];
  doc.middlewareStack.add(
    () => async (args) => {
      sent.push(structuredClone(args.input as TransactWriteItemsCommandInput));
      return { output: { $metadata: {} }, response: {} };
    },
    { step: "build", name: "captureWire", priority: "low" },
  );
  return { doc, sent };
}

const items: TransactItem[] = [
  {
    Put: {
      TableName: "t",
      Item: {
        pk: "CONTRACT#c",
        sk: "BOOKING#b",
        minutes: 15,
        description: "Printer, 2nd floor",
        reversal: null,
        ticketId: undefined,
        sla: { window: "5x8", responseMinutes: { P1: 60 }, dedicatedContacts: [] },
        thresholdsNotified: [80, 100],
        active: true,
      },
      ConditionExpression: "attribute_not_exists(pk) OR expiresAt < :now",
      ExpressionAttributeValues: { ":now": 1_795_000_000 },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    },
  },
  {
    Update: {
      TableName: "t",
      Key: { pk: "CONTRACT#c", sk: "PERIOD#2026-11" },
      UpdateExpression:
        "SET thresholdsNotified = list_append(thresholdsNotified, :raised) ADD usedMinutes :used",
      ConditionExpression: "usedMinutes BETWEEN :min AND :max",
      ExpressionAttributeValues: { ":raised": [], ":used": 15, ":min": 0, ":max": 585 },
    },
  },
  { Delete: { TableName: "t", Key: { pk: "TICKET#t", sk: "TICKET" } } },
  {
    ConditionCheck: {
      TableName: "t",
      Key: { pk: "CONTRACT#c", sk: "CONTRACT" },
      ConditionExpression: "#version = :version",
      ExpressionAttributeNames: { "#version": "version" },
      ExpressionAttributeValues: { ":version": 3 },
    },
  },
];

describe("writeTransaction", () => {
  it("sends each kind of item exactly as lib-dynamodb's TransactWriteCommand would", async () => {
    const { doc, sent } = capturingClient();
    await doc.send(new TransactWriteCommand({ TransactItems: items }));
    await writeTransaction(doc, items);
    expect(sent).toHaveLength(2);
    const [byDocumentCommand, byWriteTransaction] = sent;
    expect(byWriteTransaction?.TransactItems).toEqual(byDocumentCommand?.TransactItems);
    // Attribute maps, not one map attribute; numbers as DynamoDB numbers; undefined left out.
    const put = byWriteTransaction?.TransactItems?.[0]?.Put?.Item;
    expect(put?.pk).toEqual({ S: "CONTRACT#c" });
    expect(put?.minutes).toEqual({ N: "15" });
    expect(put && "ticketId" in put).toBe(false);
  });

  it("refuses an item that is none of the four kinds", async () => {
    const { doc } = capturingClient();
    await expect(writeTransaction(doc, [{} as TransactItem])).rejects.toThrow(/Put, an Update/);
  });
});
