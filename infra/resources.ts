import { ATTR, INDEX } from "../adapters/dynamodb/keys.js";

/**
 * The one definition of KoAd's table and queues. The CDK stateful stack and the local runtime both
 * build from it, and test/infra checks that the synthesized template says the same.
 */

export interface TableDefinition {
  /** Logical name; the deployed table name is CloudFormation's, the local one is this. */
  name: string;
  partitionKey: string;
  sortKey: string;
  timeToLiveAttribute: string;
  indexes: { name: string; partitionKey: string; sortKey: string }[];
}

export const TABLE: TableDefinition = {
  name: "koad",
  partitionKey: ATTR.pk,
  sortKey: ATTR.sk,
  timeToLiveAttribute: ATTR.expiresAt,
  indexes: Object.values(INDEX).map((index) => ({
    name: index.name,
    partitionKey: index.pk,
    sortKey: index.sk,
  })),
};

export interface QueueDefinition {
  /** Logical name of the work queue; its dead-letter queue is `<name>-dlq`. */
  name: string;
  /** The environment variable that gives a function this queue's URL. */
  urlEnvironmentVariable: string;
  /** Seconds a received message stays invisible: at least 6x the consumer's timeout, as AWS advises. */
  visibilityTimeoutSeconds: number;
  /** Receives before a message goes to the dead-letter queue. */
  maxReceiveCount: number;
  /** How many messages the consumer gets at once (event source mapping batch size). */
  batchSize: number;
  /** Seconds the dead-letter queue keeps a message (14 days, the maximum). */
  dlqRetentionSeconds: number;
  /** The consumer's timeout in seconds. */
  consumerTimeoutSeconds: number;
}

export const QUEUES = {
  monthClose: {
    name: "koad-month-close",
    urlEnvironmentVariable: "MONTH_CLOSE_QUEUE_URL",
    visibilityTimeoutSeconds: 360,
    maxReceiveCount: 5,
    batchSize: 10,
    dlqRetentionSeconds: 1_209_600,
    consumerTimeoutSeconds: 60,
  },
  tickets: {
    name: "koad-tickets",
    urlEnvironmentVariable: "TICKET_QUEUE_URL",
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    batchSize: 10,
    dlqRetentionSeconds: 1_209_600,
    consumerTimeoutSeconds: 30,
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;

export function deadLetterQueueName(queue: QueueDefinition): string {
  return `${queue.name}-dlq`;
}
