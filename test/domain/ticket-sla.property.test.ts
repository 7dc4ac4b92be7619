import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoInstant } from "../../domain/calendar.js";
import { type CalendarTerms, slaCalendar } from "../../domain/sla-calendar.js";
import type { Priority, SlaTerms } from "../../domain/sla-terms.js";
import { SLA_TARGETS, type SlaTarget, type TicketClocks, ticketClocks } from "../../domain/ticket-sla.js";
import {
  allowedEvents,
  appendEvent,
  type Timeline,
  type TimelineEvent,
  type TimelineEventType,
  timelineStatus,
} from "../../domain/ticket-timeline.js";

const MINUTE = 60_000;

// ---- an independent oracle ----------------------------------------------------------------------
// Walks the ticket's life minute by minute: replays the events up to each minute, asks the calendar
// whether that minute is in the window (`isOpen`, itself checked against the wall clock in
// sla-calendar.test.ts), and counts the minutes each clock runs. No runs, no interval arithmetic, no
// addInWindow: the definition the clocks must agree with. Every instant here is a whole minute.

const CALENDARS: CalendarTerms[] = [
  { window: "5x8", timezone: "Europe/Berlin", holidays: "DE" },
  { window: "7x24", timezone: "UTC", holidays: null },
  { window: "5x12", timezone: "America/New_York", holidays: null },
  { window: [{ days: [1, 3, 5], from: "22:00", to: "06:00" }], timezone: "Europe/Berlin", holidays: "DE-BY" },
];

/**
 * isOpen per calendar and quarter hour, remembered. Every boundary of these calendars falls on a
 * quarter hour of UTC (spans on whole hours, zones with whole-hour offsets, DST changes and local
 * midnights on whole hours), so one answer holds for the whole quarter; asking each minute would only
 * repeat it fifteen times at about 0.1 ms a question.
 */
const QUARTER = 15 * MINUTE;
const openQuarters = CALENDARS.map(() => new Map<number, boolean>());
function isOpen(calendar: number, instant: number): boolean {
  const memo = openQuarters[calendar]!;
  const quarter = Math.floor(instant / QUARTER) * QUARTER;
  let open = memo.get(quarter);
  if (open === undefined) {
    open = slaCalendar(CALENDARS[calendar]!).isOpen(new Date(quarter));
    memo.set(quarter, open);
  }
  return open;
}

interface OracleClock {
  state: "running" | "paused" | "done";
  /** Minutes the clock ran in the window before `now`. */
  consumed: number;
  /** The end of the minute in which the running window minutes reached the target. */
  deadline: number | null;
  met: boolean | null;
  breached: boolean;
}

/** Running, in-window minutes of each clock in [from, to), assuming nothing happens after the last event. */
function oracle(calendar: number, timeline: Timeline, targets: Record<SlaTarget, number>, now: number) {
  const events = timeline.map((e) => ({ type: e.type, at: Date.parse(e.at) }));
  const receivedAt = events[0]!.at;
  const last = events[events.length - 1]!.at;
  let next = 0;
  let pending = false;
  let respondedAt: number | null = null;
  let resolvedAt: number | null = null;
  const count: Record<SlaTarget, number> = { response: 0, resolution: 0 };
  const consumed: Record<SlaTarget, number> = { response: 0, resolution: 0 };
  const deadline: Record<SlaTarget, number | null> = { response: null, resolution: null };
  /** Running minutes of each clock, in the window, by minute: for counting between two instants. */
  const running: Record<SlaTarget, number[]> = { response: [], resolution: [] };
  for (let t = receivedAt; ; t += MINUTE) {
    for (; next < events.length && events[next]!.at <= t; next++) {
      const { type, at } = events[next]!;
      if (type === "pending") pending = true;
      if (type === "resumed") pending = false;
      if (type === "responded" || type === "resolved") respondedAt ??= at;
      if (type === "resolved") resolvedAt = at;
      if (type === "reopened") resolvedAt = null;
    }
    if (t === now) Object.assign(consumed, count);
    const runs: Record<SlaTarget, boolean> = {
      response: !pending && respondedAt === null,
      resolution: !pending && resolvedAt === null,
    };
    if (t >= last && t >= now && SLA_TARGETS.every((x) => deadline[x] !== null || !runs[x])) break;
    if (t - receivedAt > 90 * 1440 * MINUTE) throw new Error("the oracle walked 90 days");
    const open = isOpen(calendar, t);
    for (const x of SLA_TARGETS) {
      if (!runs[x] || !open) continue;
      running[x].push(t);
      count[x]++;
      if (count[x] === targets[x] && deadline[x] === null) deadline[x] = t + MINUTE;
    }
  }
  const clock = (x: SlaTarget): OracleClock => {
    const doneAt = x === "response" ? respondedAt : resolvedAt;
    const met = doneAt === null ? null : deadline[x] === null || doneAt <= (deadline[x] as number);
    return {
      state: doneAt !== null ? "done" : pending ? "paused" : "running",
      consumed: consumed[x],
      deadline: deadline[x],
      met,
      breached: met === null ? deadline[x] !== null && (deadline[x] as number) <= now : !met,
    };
  };
  const between = (x: SlaTarget, from: number, to: number) =>
    running[x].filter((t) => t >= from && t < to).length;
  const counted = (x: SlaTarget, minute: number) => running[x].includes(minute);
  return { response: clock("response"), resolution: clock("resolution"), between, counted };
}

// ---- generators ---------------------------------------------------------------------------------

/** Days around which things happen: both EU DST changes, the US fall-back, Christmas and New Year. */
const ANCHORS = [
  "2026-03-26T06:00:00Z",
  "2026-10-22T06:00:00Z",
  "2026-10-29T12:00:00Z",
  "2026-12-22T06:00:00Z",
].map((iso) => Date.parse(iso));

const PRIORITY = fc.constantFrom<Priority>("P1", "P2", "P3", "P4");

interface Scenario {
  calendar: number;
  terms: SlaTerms;
  priority: Priority;
  timeline: TimelineEvent[];
  /** A whole minute at or after the last event. */
  now: number;
}

const LIFE_EVENTS: TimelineEventType[] = ["responded", "pending", "resumed", "resolved", "reopened", "note"];

let ids = 0;
function append(timeline: Timeline, type: TimelineEventType, at: number, now = at): TimelineEvent[] {
  ids++;
  return appendEvent(
    timeline,
    { id: `evt_${ids}`, type, at: isoInstant(new Date(at)), by: "tech" },
    new Date(now),
  );
}

/**
 * A random life: receipt near an anchor, then up to 7 events, each a random one of those the state
 * allows, minutes to hours apart. `running` ends it with both clocks able to run on (a pending ticket
 * resumes, a resolved one reopens), so the resolution deadline is defined.
 */
function scenario(running: boolean): fc.Arbitrary<Scenario> {
  return fc
    .record({
      calendar: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
      anchor: fc.constantFrom(...ANCHORS),
      offset: fc.integer({ min: 0, max: 2 * 1440 }),
      priority: PRIORITY,
      response: fc.integer({ min: 1, max: 180 }),
      resolution: fc.integer({ min: 1, max: 600 }),
      warnAtPercent: fc.integer({ min: 1, max: 99 }),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 480 }), pick: fc.nat() }), { maxLength: 7 }),
      tail: fc.integer({ min: 0, max: 600 }),
    })
    .map((r) => {
      const receivedAt = r.anchor + r.offset * MINUTE;
      let timeline = append([], "opened", receivedAt);
      let at = receivedAt;
      for (const step of r.steps) {
        at += step.gap * MINUTE;
        const allowed = allowedEvents(timelineStatus(timeline)).filter((t) => LIFE_EVENTS.includes(t));
        timeline = append(timeline, allowed[step.pick % allowed.length]!, at);
      }
      if (running) {
        const { state } = timelineStatus(timeline);
        if (state === "pending") timeline = append(timeline, "resumed", at);
        if (state === "resolved") timeline = append(timeline, "reopened", at);
      }
      const perPriority = (minutes: number) => ({ P1: minutes, P2: minutes, P3: minutes, P4: minutes });
      const terms: SlaTerms = {
        ...CALENDARS[r.calendar]!,
        responseMinutes: perPriority(r.response),
        resolutionMinutes: perPriority(r.resolution),
        warnAtPercent: r.warnAtPercent,
        dedicatedContacts: [],
      };
      return { calendar: r.calendar, terms, priority: r.priority, timeline, now: at + r.tail * MINUTE };
    });
}

function targetsOf(terms: SlaTerms): Record<SlaTarget, number> {
  return { response: terms.responseMinutes.P1, resolution: terms.resolutionMinutes?.P1 ?? 0 };
}

function clocksOf(s: Scenario, timeline: Timeline = s.timeline, now = s.now): TicketClocks {
  return ticketClocks(timeline, s.terms, s.priority, new Date(now));
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** The clocks agree with the oracle on everything it decides. */
function expectOracle(s: Scenario, timeline: Timeline, now: number): void {
  const clocks = clocksOf(s, timeline, now);
  const expected = oracle(s.calendar, timeline, targetsOf(s.terms), now);
  for (const target of SLA_TARGETS) {
    const clock = clocks[target];
    const want = expected[target];
    expect({ target, state: clock.state, consumed: clock.consumedMinutes, met: clock.met }).toEqual({
      target,
      state: want.state,
      consumed: want.consumed,
      met: want.met,
    });
    expect(clock.breached).toBe(want.breached);
    expect(ms(clock.dueAt)).toBe(want.state === "running" ? want.deadline : null);
    expect(clock.pausedSince === null).toBe(want.state !== "paused");
  }
}

// ---- tests --------------------------------------------------------------------------------------

describe("ticketClocks against a minute-by-minute count", () => {
  it("agrees on consumed minutes, deadlines, met and breached for any life of a ticket", () => {
    fc.assert(
      fc.property(scenario(false), (s) => expectOracle(s, s.timeline, s.now)),
      { numRuns: 300 },
    );
  });

  it("puts exactly the target of unpaused window minutes before each deadline, warnAtPercent of it before the warning", () => {
    let responseDeadlines = 0;
    fc.assert(
      fc.property(scenario(true), (s) => {
        const clocks = clocksOf(s);
        const { between, counted } = oracle(s.calendar, s.timeline, targetsOf(s.terms), s.now);
        const receivedAt = Date.parse(s.timeline[0]!.at);
        const expectTarget = (target: SlaTarget) => {
          const minutes = targetsOf(s.terms)[target];
          expect(between(target, receivedAt, ms(clocks[target].dueAt)!)).toBe(minutes);
          // The warning lies in the running window minute that brings the count to warnAtPercent of the
          // target (fractions of a minute included), rounded up to the second.
          const warnMinutes = (minutes * s.terms.warnAtPercent) / 100;
          const minute = Math.floor((ms(clocks[target].warnAt)! - 1) / MINUTE) * MINUTE;
          expect(counted(target, minute)).toBe(true);
          expect(between(target, receivedAt, minute)).toBe(Math.ceil(warnMinutes) - 1);
        };
        expect(clocks.resolution.state).toBe("running");
        expectTarget("resolution");
        if (clocks.response.state === "running") {
          responseDeadlines++;
          expectTarget("response");
        }
      }),
      { numRuns: 200 },
    );
    // The response half of the property ran, not only the resolution half.
    expect(responseDeadlines).toBeGreaterThan(10);
  });

  it("never makes a deadline earlier by pausing", () => {
    let compared = 0;
    fc.assert(
      fc.property(scenario(true), (s) => {
        const withoutPauses = s.timeline.filter((e) => e.type !== "pending" && e.type !== "resumed");
        const paused = clocksOf(s);
        const unpaused = clocksOf(s, withoutPauses);
        for (const target of SLA_TARGETS) {
          // The same events stop both (a response, a resolve): pausing changes only when it runs out.
          expect(paused[target].state === "running").toBe(unpaused[target].state === "running");
          if (paused[target].state !== "running") continue;
          compared++;
          expect(ms(paused[target].dueAt)!).toBeGreaterThanOrEqual(ms(unpaused[target].dueAt)!);
        }
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(120);
  });

  it("moves the deadlines as the oracle says when events are entered late", () => {
    const late = fc.record({
      kind: fc.constantFrom("pending", "pending and resumed", "resolved"),
      lateness: fc.integer({ min: 1, max: 1440 }),
      first: fc.double({ min: 0, max: 1, noNaN: true }),
      second: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const kinds = new Set<string>();
    fc.assert(
      fc.property(scenario(true), late, (s, l) => {
        const last = Date.parse(s.timeline[s.timeline.length - 1]!.at);
        const now = last + l.lateness * MINUTE;
        // Whole minutes between the last event and now, in order: entered at `now`, dated in the past.
        const p = last + Math.floor(l.first * l.lateness) * MINUTE;
        const q = p + Math.floor(l.second * ((now - p) / MINUTE)) * MINUTE;
        const before = clocksOf(s, s.timeline, now);
        let timeline: TimelineEvent[];
        if (l.kind === "resolved") timeline = append(s.timeline, "resolved", p, now);
        else {
          timeline = append(s.timeline, "pending", p, now);
          if (l.kind === "pending and resumed") timeline = append(timeline, "resumed", q, now);
        }
        kinds.add(l.kind);
        expectOracle(s, timeline, now);
        const after = clocksOf(s, timeline, now);
        if (l.kind === "pending and resumed") {
          for (const target of SLA_TARGETS) {
            if (before[target].state !== "running") continue;
            expect(ms(after[target].dueAt)!).toBeGreaterThanOrEqual(ms(before[target].dueAt)!);
          }
        } else if (l.kind === "pending") {
          expect(after.resolution).toMatchObject({
            state: "paused",
            dueAt: null,
            pausedSince: isoInstant(new Date(p)),
          });
        } else {
          expect(after.resolution.metAt).toBe(isoInstant(new Date(p)));
        }
      }),
      { numRuns: 200 },
    );
    expect([...kinds].sort()).toEqual(["pending", "pending and resumed", "resolved"]);
  });
});
