import { SQSClient } from "@aws-sdk/client-sqs";

export interface SqsConfig {
  region?: string | undefined;
  /** The local SQS server's endpoint; absent on Lambda. */
  endpoint?: string | undefined;
}

/** An SQS client, pointed at the local SQS server by configuration only. One per function instance. */
export function createSqsClient(config: SqsConfig): SQSClient {
  return new SQSClient({
    region: config.region ?? "eu-central-1",
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
}
