import { describe, expect, it } from "vitest";
import { JOBS } from "../../infra/jobs.js";
import { cronMatches } from "../../infra/local/scheduler.js";
import { SCHEDULES } from "../../infra/schedules.js";

const fires = (name: keyof typeof SCHEDULES, utc: string) =>
  cronMatches(SCHEDULES[name].expression, new Date(utc), "Europe/Berlin");

describe("month close and notice schedules", () => {
  it("close the previous month at 00:05 on the 1st in Berlin, in winter and in summer time", () => {
    expect(SCHEDULES.monthClose.timezone).toBe("billing");
    expect(fires("monthClose", "2026-02-28T23:05:00Z")).toBe(true); // 1 March 00:05 CET
    expect(fires("monthClose", "2026-03-31T22:05:00Z")).toBe(true); // 1 April 00:05 CEST
    expect(fires("monthClose", "2026-03-31T23:05:00Z")).toBe(false); // 1 April 01:05 CEST
    expect(fires("monthClose", "2026-03-01T00:05:00Z")).toBe(false); // 1 March 01:05 CET
  });

  it("give the notices before loss daily at 06:00 in Berlin", () => {
    expect(SCHEDULES.expiryNotices.timezone).toBe("billing");
    expect(fires("expiryNotices", "2026-01-15T05:00:00Z")).toBe(true);
    expect(fires("expiryNotices", "2026-07-15T04:00:00Z")).toBe(true);
    expect(fires("expiryNotices", "2026-07-15T05:00:00Z")).toBe(false);
  });

  it("wire the starter to the schedule and the queue, the worker to the queue", () => {
    expect(JOBS.monthCloseStarter).toMatchObject({
      trigger: { schedule: "monthClose" },
      sendsTo: ["monthClose"],
    });
    expect(JOBS.monthCloseWorker).toMatchObject({ trigger: { queue: "monthClose" } });
    expect(JOBS.expiryNotices).toMatchObject({ trigger: { schedule: "expiryNotices" } });
  });
});
