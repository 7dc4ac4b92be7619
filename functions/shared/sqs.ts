import { SQSClient } from "@aws-sdk/client-sqs";
import { readConfig } from "./config.js";

let client: SQSClient | undefined;

/** One SQS client per process; locally pointed at the local SQS server by configuration only. */
export function sqsClient(): SQSClient {
  if (!client) {
    const config = readConfig();
    client = new SQSClient({
      ...(config.region ? { region: config.region } : { region: "eu-central-1" }),
      ...(config.sqsEndpoint
        ? { endpoint: config.sqsEndpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
    });
  }
  return client;
}
