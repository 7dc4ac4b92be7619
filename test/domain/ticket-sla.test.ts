import { describe, expect, it } from "vitest";
import { alertCause } from "../../domain/alert.js";
import { DEFAULT_SLA, type Priority, resolutionTargetOf, type SlaTerms } from "../../domain/sla-terms.js";
import { pendingMillisOf, slaTimelineReport } from "../../domain/sla-timeline-report.js";
import {
  dueAlerts,
  nextWatchMoment,
  slaAlertOf,
  slaFieldsOf,
  ticketClocks,
  type WatchMark,
} from "../../domain/ticket-sla.js";
import { appendEvent } from "../../domain/ticket-timeline.js";
import { type Step, timelineOf } from "../support/timelines.js";

// Every example runs on the default SLA: Europe/Berlin, 5x8 (Mon–Fri 08:00–16:00 local), holidays DE,
// response P1 60 / P2 240 / P3 480 / P4 960, resolution P1 480 / P2 1440 / P3 2880 / P4 4800, warning at
// 80 %. November and December are CET (UTC+1): the window is 07:00–15:00 UTC.

function clocksOf(priority: Priority, now: string, receivedAt: string, ...steps: Step[]) {
  return ticketClocks(timelineOf(receivedAt, ...steps), DEFAULT_SLA, priority, new Date(now));
}

function watchOf(priority: Priority, receivedAt: string, steps: Step[] = [], raised: WatchMark[] = []) {
  return { timeline: timelineOf(receivedAt, ...steps), terms: DEFAULT_SLA, priority, raised };
}

describe("resolutionTargetOf", () => {
  it("falls back to the defaults for terms stored before resolution targets existed", () => {
    const { resolutionMinutes: _, ...v1Terms } = DEFAULT_SLA;
    expect(resolutionTargetOf(v1Terms, "P1")).toBe(480);
    expect(resolutionTargetOf(v1Terms, "P4")).toBe(4800);
  });

  it("uses the contract's own target when it has one", () => {
    const terms: SlaTerms = { ...DEFAULT_SLA, resolutionMinutes: { P1: 120, P2: 600, P3: 900, P4: 1200 } };
    expect(resolutionTargetOf(terms, "P2")).toBe(600);
  });
});

describe("ticketClocks (worked examples, Europe/Berlin 5x8, DE)", () => {
  it("starts both clocks when a ticket is received inside the window", () => {
    // Mon 23 November 2026 09:00 CET, P1: response 60, resolution 480 in-window minutes.
    const clocks = clocksOf("P1", "2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z");
    expect(clocks.response).toMatchObject({
      state: "running",
      consumedMinutes: 0,
      dueAt: "2026-11-23T09:00:00Z",
      warnAt: "2026-11-23T08:48:00Z",
      pausedSince: null,
      met: null,
      breached: false,
    });
    // 7 hours to Monday's close at 16:00, the last hour on Tuesday from 08:00 CET.
    expect(clocks.resolution).toMatchObject({
      dueAt: "2026-11-24T08:00:00Z",
      // 384 minutes: 6 h 24 min after 09:00 CET.
      warnAt: "2026-11-23T14:24:00Z",
    });
  });

  it("pauses both clocks while pending inside the window and moves both deadlines by the pause", () => {
    // P2, received Mon 09:00 CET, answered 09:30, pending 10:00–12:00 CET (2 window hours).
    const steps: Step[] = [
      ["responded", "2026-11-23T08:30:00Z"],
      ["pending", "2026-11-23T09:00:00Z"],
    ];
    const pending = clocksOf("P2", "2026-11-23T10:00:00Z", "2026-11-23T08:00:00Z", ...steps);
    expect(pending.resolution).toMatchObject({
      state: "paused",
      consumedMinutes: 60,
      dueAt: null,
      warnAt: null,
      pausedSince: "2026-11-23T09:00:00Z",
      breached: false,
    });
    // The response target was done before the pause: pending does not touch it.
    expect(pending.response).toMatchObject({ state: "done", met: true, metAt: "2026-11-23T08:30:00Z" });
    expect(pending.response.pausedSince).toBeNull();

    const resumed = clocksOf("P2", "2026-11-23T11:00:00Z", "2026-11-23T08:00:00Z", ...steps, [
      "resumed",
      "2026-11-23T11:00:00Z",
    ]);
    // Without the pause: Thu 26 November 09:00 CET. With it, two window hours later: 11:00 CET.
    expect(resumed.resolution).toMatchObject({
      state: "running",
      consumedMinutes: 60,
      dueAt: "2026-11-26T10:00:00Z",
      // 1152 minutes: 60 before the pause, 240 Monday, 480 Tuesday, 372 Wednesday → 14:12 CET.
      warnAt: "2026-11-25T13:12:00Z",
      pausedSince: null,
    });
  });

  it("lets the response clock go on from where it stopped after a pending period", () => {
    // P1, received Mon 09:00 CET, pending at 09:20 before any answer, resumed at 10:20: 40 minutes left.
    const clocks = clocksOf(
      "P1",
      "2026-11-23T09:30:00Z",
      "2026-11-23T08:00:00Z",
      ["pending", "2026-11-23T08:20:00Z"],
      ["resumed", "2026-11-23T09:20:00Z"],
    );
    expect(clocks.response).toMatchObject({ consumedMinutes: 30, dueAt: "2026-11-23T10:00:00Z" });
  });

  it("starts the clocks of a ticket received before opening at the opening", () => {
    // Mon 23 November 2026 06:30 CET: nothing counts before 08:00 CET (07:00 UTC).
    const clocks = clocksOf("P1", "2026-11-23T06:00:00Z", "2026-11-23T05:30:00Z");
    expect(clocks.response.dueAt).toBe("2026-11-23T08:00:00Z");
    // 480 minutes are the whole day: the deadline falls on the close, not on Tuesday's opening.
    expect(clocks.resolution.dueAt).toBe("2026-11-23T15:00:00Z");
    expect(clocks.resolution.consumedMinutes).toBe(0);
  });

  it("skips Christmas, the weekend and New Year's Day", () => {
    // Thu 24 December 2026 14:00 CET (not a public holiday), P3: 2880 resolution minutes.
    // Thu 120, Fri 25 (holiday), weekend, Mon 28 480, Tue 29 480, Wed 30 480, Thu 31 480,
    // Fri 1 January 2027 (holiday), weekend, Mon 4 480, Tue 5 360 → 14:00 CET.
    const clocks = clocksOf("P3", "2026-12-24T13:00:00Z", "2026-12-24T13:00:00Z");
    expect(clocks.resolution.dueAt).toBe("2027-01-05T13:00:00Z");
    // 480 response minutes: Thu 120, then Monday 28 December from 08:00 CET for 360 → 14:00 CET.
    expect(clocks.response.dueAt).toBe("2026-12-28T13:00:00Z");
  });

  it("continues the resolution clock of a reopened ticket from where it stopped at resolve", () => {
    // P1: received Mon 08:00 CET, answered 08:10, resolved 11:00 (180 minutes used, met).
    const steps: Step[] = [
      ["responded", "2026-11-23T07:10:00Z"],
      ["resolved", "2026-11-23T10:00:00Z"],
    ];
    const resolved = clocksOf("P1", "2026-11-23T12:00:00Z", "2026-11-23T07:00:00Z", ...steps);
    expect(resolved.resolution).toMatchObject({
      state: "done",
      consumedMinutes: 180,
      metAt: "2026-11-23T10:00:00Z",
      met: true,
      dueAt: null,
    });

    // Reopened Tue 09:00 CET: 300 minutes left → Tue 14:00 CET.
    const reopened: Step[] = [...steps, ["reopened", "2026-11-24T08:00:00Z"]];
    const running = clocksOf("P1", "2026-11-24T08:30:00Z", "2026-11-23T07:00:00Z", ...reopened);
    expect(running.resolution).toMatchObject({
      state: "running",
      consumedMinutes: 210,
      dueAt: "2026-11-24T13:00:00Z",
      metAt: null,
      met: null,
    });
    // The response target stays met; a reopen does not restart it.
    expect(running.response).toMatchObject({ state: "done", met: true, metAt: "2026-11-23T07:10:00Z" });

    // Resolved again Tue 15:00 CET, an hour late: the later resolve decides the outcome.
    const late = clocksOf("P1", "2026-11-24T14:30:00Z", "2026-11-23T07:00:00Z", ...reopened, [
      "resolved",
      "2026-11-24T14:00:00Z",
    ]);
    expect(late.resolution).toMatchObject({
      state: "done",
      consumedMinutes: 540,
      metAt: "2026-11-24T14:00:00Z",
      met: false,
      breached: true,
      breachedAt: "2026-11-24T13:00:00Z",
    });
  });

  it("counts an answer and a resolve exactly at their deadlines as met", () => {
    // P1 received Mon 09:00 CET: response due 10:00 CET; resolution due Tue 09:00 CET.
    const clocks = clocksOf(
      "P1",
      "2026-11-24T09:00:00Z",
      "2026-11-23T08:00:00Z",
      ["responded", "2026-11-23T09:00:00Z"],
      ["resolved", "2026-11-24T08:00:00Z"],
    );
    expect(clocks.response).toMatchObject({ met: true, breached: false, consumedMinutes: 60 });
    expect(clocks.resolution).toMatchObject({ met: true, breached: false, consumedMinutes: 480 });
  });

  it("counts an answer after a deadline at the window's close as late, though no window minute passed", () => {
    // P2 received Mon 12:00 CET: due at the close, 16:00 CET; answered 17:00 CET, after the deadline.
    const clocks = clocksOf("P2", "2026-11-23T16:30:00Z", "2026-11-23T11:00:00Z", [
      "responded",
      "2026-11-23T16:00:00Z",
    ]);
    expect(clocks.response).toMatchObject({ met: false, breached: true, consumedMinutes: 240 });
  });

  it("counts a resolve before any answer as the response", () => {
    const clocks = clocksOf("P2", "2026-11-23T09:00:00Z", "2026-11-23T08:00:00Z", [
      "resolved",
      "2026-11-23T08:45:00Z",
    ]);
    expect(clocks.response).toMatchObject({ state: "done", met: true, metAt: "2026-11-23T08:45:00Z" });
  });

  it("keeps the window on local time across the fall-back night, pending over the weekend", () => {
    // Fri 23 October 2026 15:00 CEST (13:00 UTC), P2. Clocks fall back on Sun 25 October.
    // Without a pause: Fri 60, Mon 26 480, Tue 27 480, Wed 28 420 → 15:00 CET (14:00 UTC).
    const plain = clocksOf("P2", "2026-10-23T13:00:00Z", "2026-10-23T13:00:00Z");
    expect(plain.resolution.dueAt).toBe("2026-10-28T14:00:00Z");
    // Pending from Fri 15:30 CEST to Mon 09:00 CET: 30 minutes used, 60 window minutes paused.
    // Mon 09:00–16:00 420, Tue 480, Wed 480, Thu 29 30 → 08:30 CET (07:30 UTC).
    const steps: Step[] = [
      ["pending", "2026-10-23T13:30:00Z"],
      ["resumed", "2026-10-26T08:00:00Z"],
    ];
    const paused = clocksOf("P2", "2026-10-26T08:00:00Z", "2026-10-23T13:00:00Z", ...steps);
    expect(paused.resolution).toMatchObject({ consumedMinutes: 30, dueAt: "2026-10-29T07:30:00Z" });
    // The response: 30 before the pause, 210 from Mon 09:00 CET → 12:30 CET.
    expect(paused.response.dueAt).toBe("2026-10-26T11:30:00Z");
    // Wall clock pending: Fri 13:30 UTC to Mon 08:00 UTC is 66.5 real hours, whatever the local clocks say.
    expect(
      pendingMillisOf(timelineOf("2026-10-23T13:00:00Z", ...steps), new Date("2026-10-26T09:00:00Z")),
    ).toBe(3990 * 60_000);
  });

  it("keeps a target used up exactly when the ticket went pending breached, paused and after the resume", () => {
    // P1 received Mon 09:00 CET, pending at 10:00 CET: the 60 response minutes ran out at that moment.
    const steps: Step[] = [["pending", "2026-11-23T09:00:00Z"]];
    const paused = clocksOf("P1", "2026-11-23T09:30:00Z", "2026-11-23T08:00:00Z", ...steps);
    expect(paused.response).toMatchObject({
      state: "paused",
      breached: true,
      breachedAt: "2026-11-23T09:00:00Z",
    });
    const resumed = clocksOf("P1", "2026-11-23T10:00:00Z", "2026-11-23T08:00:00Z", ...steps, [
      "resumed",
      "2026-11-23T10:00:00Z",
    ]);
    // The deadline stays where the minutes ran out, not at the resume.
    expect(resumed.response).toMatchObject({ dueAt: "2026-11-23T09:00:00Z", breached: true });
  });

  it("says breached from the deadline on (when the breach alert is due), and since when", () => {
    const at = (now: string) => clocksOf("P1", now, "2026-11-23T08:00:00Z").response;
    expect(at("2026-11-23T08:59:59Z")).toMatchObject({ breached: false, breachedAt: null });
    expect(at("2026-11-23T09:00:00Z")).toMatchObject({ breached: true, breachedAt: "2026-11-23T09:00:00Z" });
    expect(at("2026-11-23T09:30:00Z")).toMatchObject({ breached: true, breachedAt: "2026-11-23T09:00:00Z" });
  });

  it("moves the deadlines when an event is entered late", () => {
    // P1 received Mon 09:00 CET. At 10:45 CET the technician records that the ticket went pending at
    // 09:30 and came back at 10:30: the response deadline moves from 10:00 to 11:00 CET, and the
    // breach the clock showed a moment ago is gone.
    const now = new Date("2026-11-23T09:45:00Z");
    const opened = timelineOf("2026-11-23T08:00:00Z");
    const before = ticketClocks(opened, DEFAULT_SLA, "P1", now);
    expect(before.response).toMatchObject({ dueAt: "2026-11-23T09:00:00Z", breached: true });
    const late = appendEvent(
      appendEvent(opened, { id: "evt_p", type: "pending", at: "2026-11-23T08:30:00Z", by: "tech" }, now),
      { id: "evt_r", type: "resumed", at: "2026-11-23T09:30:00Z", by: "tech" },
      now,
    );
    const after = ticketClocks(late, DEFAULT_SLA, "P1", now);
    expect(after.response).toMatchObject({
      dueAt: "2026-11-23T10:00:00Z",
      consumedMinutes: 45,
      breached: false,
      breachedAt: null,
    });
    // The resolution deadline moves by the same window hour: Tue 09:00 → 10:00 CET.
    expect([before.resolution.dueAt, after.resolution.dueAt]).toEqual([
      "2026-11-24T08:00:00Z",
      "2026-11-24T09:00:00Z",
    ]);
  });
});

describe("slaFieldsOf", () => {
  it("shows both due dates while the clocks run and only pausedSince while pending", () => {
    const running = clocksOf("P1", "2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z");
    expect(slaFieldsOf(running)).toEqual({
      responseDueAt: "2026-11-23T09:00:00Z",
      responseWarnAt: "2026-11-23T08:48:00Z",
      resolutionDueAt: "2026-11-24T08:00:00Z",
      resolutionWarnAt: "2026-11-23T14:24:00Z",
      pausedSince: null,
    });
    const pending = clocksOf("P1", "2026-11-23T08:30:00Z", "2026-11-23T08:00:00Z", [
      "pending",
      "2026-11-23T08:10:00Z",
    ]);
    expect(slaFieldsOf(pending)).toEqual({
      responseDueAt: null,
      responseWarnAt: null,
      resolutionDueAt: null,
      resolutionWarnAt: null,
      pausedSince: "2026-11-23T08:10:00Z",
    });
  });
});

describe("nextWatchMoment and dueAlerts", () => {
  it("holds a P2 warning that falls on the window's close until the next opening", () => {
    // P2 received Mon 12:48 CET: 80 % of 240 minutes is 192, used up exactly at Monday's close.
    const watch = watchOf("P2", "2026-11-23T11:48:00Z");
    const clocks = ticketClocks(watch.timeline, watch.terms, "P2", new Date("2026-11-23T11:48:00Z"));
    expect(clocks.response.warnAt).toBe("2026-11-23T15:00:00Z");
    expect(clocks.response.dueAt).toBe("2026-11-24T07:48:00Z");

    expect(nextWatchMoment(watch, new Date("2026-11-23T11:48:00Z"))).toEqual({
      target: "response",
      stage: "warning",
      at: "2026-11-24T07:00:00Z",
    });
    expect(dueAlerts(watch, new Date("2026-11-23T15:00:00Z"))).toEqual([]);
    expect(dueAlerts(watch, new Date("2026-11-24T07:00:00Z"))).toEqual([
      {
        type: "sla.warning",
        target: "response",
        stage: "warning",
        details: {
          target: "response",
          priority: "P2",
          receivedAt: "2026-11-23T11:48:00Z",
          dueAt: "2026-11-24T07:48:00Z",
          warnAt: "2026-11-23T15:00:00Z",
          deliveredAt: "2026-11-24T07:00:00Z",
        },
      },
    ]);
  });

  it("delivers a P1 warning that falls on the window's close at once", () => {
    // P1 received Mon 15:12 CET: 48 minutes to the warning, at 16:00 CET.
    const watch = watchOf("P1", "2026-11-23T14:12:00Z");
    expect(nextWatchMoment(watch, new Date("2026-11-23T14:12:00Z"))).toEqual({
      target: "response",
      stage: "warning",
      at: "2026-11-23T15:00:00Z",
    });
    const [warning, ...rest] = dueAlerts(watch, new Date("2026-11-23T15:00:00Z"));
    expect(rest).toEqual([]);
    expect(warning?.details).toEqual({
      target: "response",
      priority: "P1",
      receivedAt: "2026-11-23T14:12:00Z",
      dueAt: "2026-11-24T07:12:00Z",
      warnAt: "2026-11-23T15:00:00Z",
    });
  });

  it("raises a breach at once, even at the window's close", () => {
    // P2 received Mon 12:00 CET: the response deadline is the close, 16:00 CET.
    const watch = watchOf("P2", "2026-11-23T11:00:00Z", [], [{ target: "response", stage: "warning" }]);
    expect(nextWatchMoment(watch, new Date("2026-11-23T14:30:00Z"))).toEqual({
      target: "response",
      stage: "breach",
      at: "2026-11-23T15:00:00Z",
    });
    expect(dueAlerts(watch, new Date("2026-11-23T15:00:00Z")).map((a) => [a.type, a.target])).toEqual([
      ["sla.breached", "response"],
    ]);
  });

  it("holds a warning that falls due at a resume outside the window until the opening, unless P1", () => {
    // Received Fri 20 November 08:00 CET, pending at 15:50 CET (470 window minutes used), resumed on
    // Saturday at 10:00 CET: every warning point already passed falls due at the resume.
    const steps: Step[] = [
      ["pending", "2026-11-20T14:50:00Z"],
      ["resumed", "2026-11-21T09:00:00Z"],
    ];
    const saturday = new Date("2026-11-21T09:00:00Z");
    // P3, 480 response minutes: warning point Fri 14:24 CET, 10 minutes left → Mon 08:10 CET.
    const p3 = watchOf("P3", "2026-11-20T07:00:00Z", steps);
    expect(dueAlerts(p3, saturday)).toEqual([]);
    expect(nextWatchMoment(p3, saturday)).toEqual({
      target: "response",
      stage: "warning",
      at: "2026-11-23T07:00:00Z",
    });
    expect(dueAlerts(p3, new Date("2026-11-23T07:00:00Z"))).toEqual([
      {
        type: "sla.warning",
        target: "response",
        stage: "warning",
        details: {
          target: "response",
          priority: "P3",
          receivedAt: "2026-11-20T07:00:00Z",
          dueAt: "2026-11-23T07:10:00Z",
          warnAt: "2026-11-20T13:24:00Z",
          deliveredAt: "2026-11-23T07:00:00Z",
        },
      },
    ]);
    // P1: the response deadline (Fri 09:00 CET) and the resolution warning (384 of 480 minutes, Fri
    // 14:24 CET) passed before the pause; on Saturday they all go out at once.
    const p1 = watchOf("P1", "2026-11-20T07:00:00Z", steps);
    expect(dueAlerts(p1, saturday).map((a) => [a.type, a.target, a.details.deliveredAt])).toEqual([
      ["sla.warning", "response", undefined],
      ["sla.breached", "response", undefined],
      ["sla.warning", "resolution", undefined],
    ]);
  });

  it("holds a warning a late check finds after the close until the next opening", () => {
    // P2 received Mon 12:47 CET: the warning point is 15:59 CET, inside the window. A check that only
    // comes at 16:01 CET, after the close, does not send it at night.
    const watch = watchOf("P2", "2026-11-23T11:47:00Z");
    const late = new Date("2026-11-23T15:01:00Z");
    expect(dueAlerts(watch, late)).toEqual([]);
    expect(nextWatchMoment(watch, late)).toEqual({
      target: "response",
      stage: "warning",
      at: "2026-11-24T07:00:00Z",
    });
    expect(dueAlerts(watch, new Date("2026-11-24T07:00:00Z")).map((a) => a.type)).toEqual(["sla.warning"]);
    // A check on time finds it inside the window: delivered at its own moment, nothing held.
    const onTime = dueAlerts(watch, new Date("2026-11-23T14:59:00Z"));
    expect(onTime.map((a) => a.details)).toEqual([
      {
        target: "response",
        priority: "P2",
        receivedAt: "2026-11-23T11:47:00Z",
        dueAt: "2026-11-24T07:47:00Z",
        warnAt: "2026-11-23T14:59:00Z",
      },
    ]);
  });

  it("sends a held warning with its breach rather than after it", () => {
    // P2 received Fri 20 November 10:00 CET but entered only on Saturday: the warning point (13:12 CET)
    // and the deadline (14:00 CET) both passed. The breach goes at once, and the warning with it.
    const watch = watchOf("P2", "2026-11-20T09:00:00Z");
    expect(
      dueAlerts(watch, new Date("2026-11-21T09:00:00Z")).map((a) => [a.type, a.details.deliveredAt]),
    ).toEqual([
      ["sla.warning", undefined],
      ["sla.breached", undefined],
    ]);
  });

  it("raises nothing while the ticket is pending, and watches again after it resumes", () => {
    const steps: Step[] = [["pending", "2026-11-23T08:10:00Z"]];
    const pending = watchOf("P1", "2026-11-23T08:00:00Z", steps);
    expect(nextWatchMoment(pending, new Date("2026-11-23T12:00:00Z"))).toBeNull();
    expect(dueAlerts(pending, new Date("2026-11-23T12:00:00Z"))).toEqual([]);
    const resumed = watchOf("P1", "2026-11-23T08:00:00Z", [...steps, ["resumed", "2026-11-23T12:00:00Z"]]);
    // 10 minutes used; warning at 48 → 38 more → 13:38 CET.
    expect(nextWatchMoment(resumed, new Date("2026-11-23T12:00:00Z"))).toEqual({
      target: "response",
      stage: "warning",
      at: "2026-11-23T12:38:00Z",
    });
  });

  it("raises each alert once per ticket and target, and then watches the resolution", () => {
    // P1 received Mon 09:00 CET, never answered. At 11:00 CET the response warning and breach are due.
    const raised: WatchMark[] = [];
    const now = new Date("2026-11-23T10:00:00Z");
    const first = dueAlerts(watchOf("P1", "2026-11-23T08:00:00Z", [], raised), now);
    expect(first.map((a) => [a.type, a.target])).toEqual([
      ["sla.warning", "response"],
      ["sla.breached", "response"],
    ]);
    raised.push(...first.map(({ target, stage }) => ({ target, stage })));
    const watch = watchOf("P1", "2026-11-23T08:00:00Z", [], raised);
    expect(dueAlerts(watch, now)).toEqual([]);
    // Resolution: 480 minutes → warning at 384 (15:24 CET), breach at Tuesday 09:00 CET.
    expect(nextWatchMoment(watch, now)).toEqual({
      target: "resolution",
      stage: "warning",
      at: "2026-11-23T14:24:00Z",
    });
    const later = dueAlerts(watch, new Date("2026-11-24T08:00:00Z"));
    expect(later.map((a) => [a.type, a.target, a.details.dueAt])).toEqual([
      ["sla.warning", "resolution", "2026-11-24T08:00:00Z"],
      ["sla.breached", "resolution", "2026-11-24T08:00:00Z"],
    ]);
  });

  it("stops watching once both targets are done", () => {
    const watch = watchOf("P1", "2026-11-23T08:00:00Z", [
      ["responded", "2026-11-23T08:05:00Z"],
      ["resolved", "2026-11-23T08:30:00Z"],
    ]);
    expect(nextWatchMoment(watch, new Date("2026-11-23T09:00:00Z"))).toBeNull();
    expect(dueAlerts(watch, new Date("2026-11-30T09:00:00Z"))).toEqual([]);
  });
});

describe("slaAlertOf", () => {
  it("stores a response and a resolution alert of one ticket under different causes", () => {
    const ticket = { id: "tkt_1", customerId: "cus_1", contractId: "con_1" };
    const alerts = dueAlerts(watchOf("P1", "2026-11-23T08:00:00Z"), new Date("2026-11-24T09:00:00Z")).map(
      (due, i) => slaAlertOf(ticket, due, `alr_${i}`, "2026-11-24T09:00:00Z"),
    );
    expect(alerts.map((a) => alertCause(a))).toEqual([
      "sla.warning#tkt_1",
      "sla.breached#tkt_1",
      "sla.warning#tkt_1#resolution",
      "sla.breached#tkt_1#resolution",
    ]);
    expect(alerts[0]).toMatchObject({
      type: "sla.warning",
      ticketId: "tkt_1",
      details: { target: "response" },
    });
  });
});

describe("slaTimelineReport", () => {
  it("counts met and breached per target, pending minutes, and splits by priority", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const ticket = (priority: Priority, receivedAt: string, ...steps: Step[]) => ({
      priority,
      sla: DEFAULT_SLA,
      timeline: timelineOf(receivedAt, ...steps),
    });
    const report = slaTimelineReport(
      [
        // Answered in 10 minutes, pending 30 minutes, resolved the same day: both met.
        ticket(
          "P1",
          "2026-11-23T08:00:00Z",
          ["responded", "2026-11-23T08:10:00Z"],
          ["pending", "2026-11-23T09:00:00Z"],
          ["resumed", "2026-11-23T09:30:00Z"],
          ["resolved", "2026-11-23T10:00:00Z"],
        ),
        // Answered late, never resolved: both breached by now.
        ticket("P1", "2026-11-24T08:00:00Z", ["responded", "2026-11-24T09:30:00Z"]),
        // P3 answered in time, still pending since Friday 14:00 UTC (2 days 22 hours: 4200 minutes).
        ticket(
          "P3",
          "2026-11-26T08:00:00Z",
          ["responded", "2026-11-26T08:30:00Z"],
          ["pending", "2026-11-27T14:00:00Z"],
        ),
      ],
      "2026-11",
      now,
    );
    expect(report).toMatchObject({
      month: "2026-11",
      tickets: 3,
      response: { met: 2, breached: 1, open: 0, metPercent: 66.7 },
      resolution: { met: 1, breached: 1, open: 1, metPercent: 50 },
      pendingMinutes: 30 + 4200,
    });
    expect(report.byPriority.P1).toMatchObject({
      tickets: 2,
      response: { met: 1, breached: 1, metPercent: 50 },
      resolution: { met: 1, breached: 1, metPercent: 50 },
      pendingMinutes: 30,
    });
    expect(report.byPriority.P3).toMatchObject({ tickets: 1, resolution: { open: 1, metPercent: null } });
    expect(report.byPriority.P2).toEqual({
      tickets: 0,
      response: { met: 0, breached: 0, open: 0, metPercent: null },
      resolution: { met: 0, breached: 0, open: 0, metPercent: null },
      pendingMinutes: 0,
    });
  });
});
