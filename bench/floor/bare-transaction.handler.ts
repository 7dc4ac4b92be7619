import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";

/**
 * The floor every function is measured against: a bare Lambda handler that books with ONE
 * TransactWriteItems (add the minutes to a month counter, put the booking once), the SDK bundled,
 * the client at module scope. No middleware, no validation, no auth, no idempotency, no domain.
 */
const tableName = process.env.TABLE_NAME ?? "koad";

export const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined }),
);

export interface BareBooking {
  contractId: string;
  bookingId: string;
  minutes: number;
}

export async function handler(event: BareBooking): Promise<{ statusCode: number }> {
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName,
            Key: { pk: `FLOOR#${event.contractId}`, sk: "PERIOD" },
            UpdateExpression: "ADD usedMinutes :minutes",
            ExpressionAttributeValues: { ":minutes": event.minutes },
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              pk: `FLOOR#${event.contractId}`,
              sk: `BOOKING#${event.bookingId}`,
              minutes: event.minutes,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ],
    }),
  );
  return { statusCode: 201 };
}
