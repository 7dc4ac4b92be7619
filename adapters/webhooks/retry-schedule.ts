/** Seconds to wait before the next attempt, by the number of attempts that have failed so far. */
const DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600] as const;

/** At most this many attempts in all: the first and one per delay. */
export const MAX_ATTEMPTS = DELAYS_SECONDS.length + 1;

/**
 * When to try an outgoing webhook again: `failedAttempts` is how many attempts have failed (1 after the
 * first failure). Answers seconds: about 1 min, 5 min, 30 min, 2 h and 12 h after the failures one to
 * five, then null: dead-letter it. SQS delays a message by at most 15 minutes, so the consumer holds
 * longer waits by changing the message's visibility (at most 12 h, which the last wait is).
 */
export function retrySchedule(failedAttempts: number): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError("failedAttempts must be an integer of at least 1");
  }
  return DELAYS_SECONDS[failedAttempts - 1] ?? null;
}
