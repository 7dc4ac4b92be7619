import {
  appendEvent,
  type Timeline,
  type TimelineEvent,
  type TimelineEventType,
} from "../../domain/ticket-timeline.js";

/** One step of a timeline: the event's type, its instant, and anything else it carries. */
export type Step = [type: TimelineEventType, at: string, extra?: Partial<TimelineEvent>];

let counter = 0;

/**
 * A timeline built the way the API builds one: an opened event at `receivedAt`, then each step appended
 * through `appendEvent` at its own moment (so every step passes the same validation as in production).
 */
export function timelineOf(receivedAt: string, ...steps: Step[]): TimelineEvent[] {
  let timeline: Timeline = [];
  for (const [type, at, extra] of [["opened", receivedAt] as Step, ...steps]) {
    counter++;
    timeline = appendEvent(timeline, { id: `evt_${counter}`, type, at, by: "tech", ...extra }, new Date(at));
  }
  return [...timeline];
}
