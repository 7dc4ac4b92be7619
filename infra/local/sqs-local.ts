import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { createSqsServer } from "local-aws-sqs";
import { deadLetterQueueName, type QueueDefinition } from "../resources.js";
import { freePort } from "./dynamodb-local.js";

/**
 * The local SQS: `local-aws-sqs`, an SQS-compatible server speaking the JSON protocol with redrive to
 * dead-letter queues. The AWS SDK reaches it through its endpoint setting alone.
 */
export interface RunningSqs {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startSqsLocal(port?: number): Promise<RunningSqs> {
  const chosen = port ?? (await freePort());
  const server = await createSqsServer({
    port: chosen,
    hostname: "127.0.0.1",
    region: "eu-central-1",
    emulateQueueCreationLifecycle: false,
  });
  return {
    endpoint: `http://127.0.0.1:${chosen}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

export function localSqsClient(endpoint: string): SQSClient {
  return new SQSClient({
    endpoint,
    region: "eu-central-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}

export interface LocalQueue {
  url: string;
  arn: string;
  deadLetterUrl: string;
  definition: QueueDefinition;
}

/** Creates a work queue and its dead-letter queue with the same settings the CDK stack gives them. */
export async function ensureQueue(
  sqs: SQSClient,
  definition: QueueDefinition,
  prefix = "",
): Promise<LocalQueue> {
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${prefix}${deadLetterQueueName(definition)}`,
      Attributes: { MessageRetentionPeriod: String(definition.dlqRetentionSeconds) },
    }),
  );
  const dlqAttributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${prefix}${definition.name}`,
      Attributes: {
        VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqAttributes.Attributes?.QueueArn,
          maxReceiveCount: definition.maxReceiveCount,
        }),
      },
    }),
  );
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  if (!queue.QueueUrl || !dlq.QueueUrl || !attributes.Attributes?.QueueArn) {
    throw new Error(`Could not create queue ${definition.name}`);
  }
  return {
    url: queue.QueueUrl,
    arn: attributes.Attributes.QueueArn,
    deadLetterUrl: dlq.QueueUrl,
    definition,
  };
}
