import type { QueueName } from "./resources.js";
import type { ScheduleName } from "./schedules.js";

/**
 * The functions that are not HTTP routes, and what triggers each: a queue (event source mapping with
 * partial batch failures) or a schedule. The CDK stack and the local runtime both read this table.
 */
export interface JobDefinition {
  entry: string;
  trigger: { queue: QueueName } | { schedule: ScheduleName };
  /** Queues the function sends to (it gets their URLs and send rights). */
  sendsTo: QueueName[];
  /** Whether it publishes alerts to the SNS topic. */
  publishesAlerts: boolean;
  timeoutSeconds: number;
  /** Table rights when deployed; default `readWrite`. */
  table?: "none" | "read" | "readWrite";
}

export const JOBS: Record<string, JobDefinition> = {};
