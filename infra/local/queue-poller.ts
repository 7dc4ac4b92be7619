import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { lambdaContext } from "./lambda-context.js";
import type { LocalQueue } from "./sqs-local.js";

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface Poller {
  stop(): Promise<void>;
  /** Resolves when the queue has been seen empty and no batch is in flight (tests). */
  drained(): Promise<void>;
}

/** A received message as the event source mapping hands it to a function: one record of its event. */
export function sqsRecordOf(message: Message, queueArn: string): SQSRecord {
  return {
    messageId: message.MessageId ?? "",
    receiptHandle: message.ReceiptHandle ?? "",
    body: message.Body ?? "",
    attributes: {
      ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? "1",
      SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
      SenderId: message.Attributes?.SenderId ?? "local",
      ApproximateFirstReceiveTimestamp:
        message.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? "String",
          stringValue: value.StringValue,
          stringListValues: [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? "",
    eventSource: "aws:sqs",
    eventSourceARN: queueArn,
    awsRegion: "eu-central-1",
  };
}

/**
 * Behaves like a Lambda event source mapping with ReportBatchItemFailures: receives up to
 * `batchSize` messages, calls the handler with an SQS event, deletes the messages that did not fail.
 * A failed message becomes visible again after the visibility timeout; after `maxReceiveCount`
 * receives the queue moves it to its dead-letter queue.
 */
export function startPoller(options: {
  sqs: SQSClient;
  queue: LocalQueue;
  functionName: string;
  handler: () => Promise<SqsHandler>;
  /** Overrides the queue's visibility timeout (tests shorten redelivery). */
  visibilityTimeoutSeconds?: number;
}): Poller {
  let running = true;
  let idleWaiters: (() => void)[] = [];
  let inFlight = false;
  const loop = (async () => {
    const handler = await options.handler();
    while (running) {
      let received: SQSRecord[] = [];
      try {
        const result = await options.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: options.queue.url,
            MaxNumberOfMessages: options.queue.definition.batchSize,
            WaitTimeSeconds: 1,
            VisibilityTimeout: options.visibilityTimeoutSeconds,
            MessageSystemAttributeNames: ["All"],
            MessageAttributeNames: ["All"],
          }),
        );
        received = (result.Messages ?? []).map((message) => sqsRecordOf(message, options.queue.arn));
      } catch (error) {
        if (!running) break;
        console.error(`poller ${options.functionName}: receive failed`, error);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (received.length === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
        continue;
      }
      inFlight = true;
      let failed = new Set(received.map((r) => r.messageId));
      try {
        const response = await handler({ Records: received }, lambdaContext(options.functionName));
        failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch (error) {
        console.error(`poller ${options.functionName}: handler failed, whole batch retried`, error);
      }
      const done = received.filter((r) => !failed.has(r.messageId));
      if (done.length > 0) {
        await options.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: options.queue.url,
            Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
          }),
        );
      }
      inFlight = false;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
    },
    drained: () =>
      new Promise<void>((resolve) => {
        if (!running) return resolve();
        idleWaiters.push(() => (inFlight ? undefined : resolve()));
      }),
  };
}
