import { QUEUES, type QueueName } from "./resources.js";
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

export const JOBS: Record<string, JobDefinition> = {
  /** `ticket.opened` and `sla.check`: raises SLA alerts exactly once and publishes them. */
  ticketQueue: {
    entry: "functions/jobs/ticket-queue.handler.ts",
    trigger: { queue: "tickets" },
    sendsTo: [],
    publishesAlerts: true,
    timeoutSeconds: 30,
  },
  /** Every minute: queues checks for the tickets that are due, publishes the alert outbox. */
  slaSweep: {
    entry: "functions/jobs/sla-sweep.handler.ts",
    trigger: { schedule: "slaSweep" },
    sendsTo: ["tickets"],
    publishesAlerts: true,
    timeoutSeconds: 60,
  },
  monthCloseStarter: {
    entry: "functions/jobs/month-close-starter.handler.ts",
    trigger: { schedule: "monthClose" },
    sendsTo: ["monthClose"],
    publishesAlerts: false,
    timeoutSeconds: 300,
  },
  monthCloseWorker: {
    entry: "functions/jobs/month-close-worker.handler.ts",
    trigger: { queue: "monthClose" },
    sendsTo: [],
    publishesAlerts: false,
    timeoutSeconds: QUEUES.monthClose.consumerTimeoutSeconds,
  },
  expiryNotices: {
    entry: "functions/jobs/expiry-notices.handler.ts",
    trigger: { schedule: "expiryNotices" },
    sendsTo: [],
    publishesAlerts: false,
    timeoutSeconds: 300,
  },
};
