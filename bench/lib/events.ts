import { randomUUID } from "node:crypto";
import type { Message } from "@aws-sdk/client-sqs";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import type { HttpEvent } from "../../functions/shared/http.js";
import { sqsRecordOf } from "../../infra/local/queue-poller.js";

/**
 * An HTTP API payload v2 event as API Gateway (and infra/local/api-server.ts) builds it, with the JWT
 * authorizer's claims in place: the handler sees exactly what it sees deployed.
 */
export function httpEvent(options: {
  routeKey: string;
  path: string;
  pathParameters?: Record<string, string>;
  claims: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
}): HttpEvent {
  const [method] = options.routeKey.split(" ") as [string];
  const headers: Record<string, string> = { "user-agent": "koad-bench" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  const now = new Date();
  return {
    version: "2.0",
    routeKey: options.routeKey,
    rawPath: options.path,
    rawQueryString: "",
    headers,
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: "000000000000",
      apiId: "bench",
      domainName: "bench.local",
      domainPrefix: "bench",
      http: {
        method,
        path: options.path,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "koad-bench",
      },
      requestId: randomUUID(),
      routeKey: options.routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims: options.claims, scopes: [] }, principalId: "", integrationLatency: 0 },
    },
  } as HttpEvent;
}

/** An SQS event as a Lambda event source mapping delivers it, one record per body. */
export function sqsEvent(
  bodies: readonly string[],
  queueArn = "arn:aws:sqs:eu-central-1:000000000000:bench",
): SQSEvent {
  const now = String(Date.now());
  const records: SQSRecord[] = bodies.map((body) => ({
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body,
    attributes: {
      ApproximateReceiveCount: "1",
      SentTimestamp: now,
      SenderId: "bench",
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: queueArn,
    awsRegion: "eu-central-1",
  }));
  return { Records: records };
}

/** Splits work into batches of the queue's batch size, as the event source mapping does. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** The SQS event for messages received from a (local) queue, as the local event source mapping builds it. */
export function sqsEventOf(messages: readonly Message[], queueArn: string): SQSEvent {
  return { Records: messages.map((message) => sqsRecordOf(message, queueArn)) };
}
