/**
 * The schedules, defined once: the CDK stack turns each into an EventBridge Scheduler schedule, the
 * local runtime fires the same expressions in the same time zone.
 */
export interface ScheduleDefinition {
  /** EventBridge Scheduler expression: `cron(min hour day-of-month month day-of-week year)` or `rate(N minutes)`. */
  expression: string;
  /** `billing`: the billing time zone (setting `BILLING_TIMEZONE` / context `billingTimezone`); else UTC. */
  timezone: "billing" | "UTC";
  description: string;
}

export const SCHEDULES = {
  monthClose: {
    expression: "cron(5 0 1 * ? *)",
    timezone: "billing",
    description: "Close the previous month for every contract at 00:05 on the 1st",
  },
  slaSweep: {
    expression: "rate(1 minute)",
    timezone: "UTC",
    description: "SLA watch: queue a check for every ticket due now, publish the alert outbox",
  },
  expiryNotices: {
    expression: "cron(0 6 * * ? *)",
    timezone: "billing",
    description: "Notices before loss: quota.expiring and pool.expiring, daily at 06:00",
  },
} as const satisfies Record<string, ScheduleDefinition>;

export type ScheduleName = keyof typeof SCHEDULES;
