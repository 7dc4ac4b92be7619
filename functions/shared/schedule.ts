import * as z from "zod/mini";
import type { Clock } from "../../domain/ports.js";
import { parseWith } from "./validation.js";

/**
 * What a schedule passes its function. The EventBridge Scheduler target's input is
 * `{"scheduledAt": "<aws.scheduler.scheduled-time>"}`; the local scheduler passes the same. A function
 * invoked by hand without it runs as of now.
 */
export const scheduledEventSchema = z.object({ scheduledAt: z.optional(z.iso.datetime({ offset: true })) });
export type ScheduledEvent = z.infer<typeof scheduledEventSchema>;

/** The moment the schedule fired (so a late or repeated run still acts for its own moment). */
export function scheduledMoment(event: unknown, clock: Clock): Date {
  const { scheduledAt } = parseWith(scheduledEventSchema, event ?? {}, "event");
  return scheduledAt ? new Date(scheduledAt) : clock.now();
}
