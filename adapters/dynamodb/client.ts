import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoConfig {
  tableName: string;
  region?: string | undefined;
  /** Set locally (DynamoDB Local); absent on Lambda. */
  endpoint?: string | undefined;
}

/** How items become DynamoDB attribute values: numbers stay numbers, undefined fields are dropped. */
export const DOCUMENT_MARSHALL_OPTIONS = {
  removeUndefinedValues: true,
  convertClassInstanceToMap: false,
} as const;

/** One document client per process (transactions marshal with the same options, transactions.ts). */
export function createDocumentClient(config: DynamoConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region ?? "eu-central-1",
    maxAttempts: 8,
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    // A copy: lib-dynamodb writes its own defaults (convertTopLevelContainer) into the object it gets.
    marshallOptions: { ...DOCUMENT_MARSHALL_OPTIONS },
  });
}
