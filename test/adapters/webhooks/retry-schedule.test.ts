import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retrySchedule } from "../../../adapters/webhooks/retry-schedule.js";

describe("retrySchedule", () => {
  it("waits about 1 min, 5 min, 30 min, 2 h and 12 h after the failures one to five", () => {
    expect([1, 2, 3, 4, 5].map(retrySchedule)).toEqual([60, 300, 1800, 7200, 43_200]);
  });

  it("dead-letters after the fifth retry fails (six attempts in all)", () => {
    expect(retrySchedule(6)).toBeNull();
    expect(retrySchedule(7)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it("never waits longer than SQS can hold a message invisible (12 h)", () => {
    for (let failed = 1; failed < MAX_ATTEMPTS; failed++)
      expect(retrySchedule(failed)).toBeLessThanOrEqual(43_200);
  });

  it("refuses a count that is not a number of failures", () => {
    expect(() => retrySchedule(0)).toThrow(RangeError);
    expect(() => retrySchedule(1.5)).toThrow(RangeError);
  });
});
