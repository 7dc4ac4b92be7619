import { tzOffset } from "@date-fns/tz";
import { addDays, dateIn, type IsoDate } from "./calendar.js";
import { ValidationError } from "./errors.js";
import {
  firstAtOrAfter,
  type Interval,
  MAX_EAST,
  MAX_WEST,
  MINUTE,
  preimage,
  segments,
  wall,
} from "./local-time.js";
import { publicHolidays } from "./public-holidays.js";
import type { Priority, ServiceWindow, SlaTerms, WeeklySpan } from "./sla-terms.js";

/**
 * The SLA calendar: when a service window is open, and where a response deadline falls.
 *
 * The window is open at a moment when the local wall clock of the SLA's time zone reads a time inside
 * one of the window's spans on a day the span covers, and that day is not a public holiday of the
 * SLA's region. That definition is exact across daylight-saving changes: on the day clocks spring
 * forward, a span 01:00–04:00 holds 120 real minutes; on the day they fall back it holds 240. In-window
 * time is always real elapsed time between such moments.
 *
 * A span whose `to` is not after its `from` runs past midnight into the next day (22:00–06:00); the
 * day it starts on decides whether it opens (weekday and holiday). `to` may be `24:00`.
 */

/** How far the calendar looks for window time before it gives up (a window that almost never opens). */
const MAX_DAYS = 366 * 30;

const NAMED_SPANS: Record<Exclude<ServiceWindow, WeeklySpan[]>, WeeklySpan[]> = {
  "5x8": [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" }],
  "5x10": [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "18:00" }],
  "5x12": [{ days: [1, 2, 3, 4, 5], from: "07:00", to: "19:00" }],
  "7x24": [{ days: [1, 2, 3, 4, 5, 6, 7], from: "00:00", to: "24:00" }],
};

/** The weekly spans of a window, named or custom. */
export function spansOf(window: ServiceWindow): WeeklySpan[] {
  return typeof window === "string" ? NAMED_SPANS[window] : window;
}

export type { Interval } from "./local-time.js";

export interface SlaCalendar {
  /** Whether the window is open at `at`. */
  isOpen(at: Date): boolean;
  /** The moment `millis` of in-window time after `from` (a closed `from` waits for the next opening). */
  addInWindow(from: Date, millis: number): Date;
  /** In-window milliseconds between `from` and `to` (0 when `to` is not after `from`). */
  inWindowMillis(from: Date, to: Date): number;
  /** The open intervals from `from` on, in order, disjoint (adjacent ones may touch). */
  openIntervals(from: Date): Iterable<Interval>;
}

export type CalendarTerms = Pick<SlaTerms, "window" | "timezone" | "holidays">;

/** The calendar of an SLA's window, time zone and holiday region. `7x24` ignores holidays. */
export function slaCalendar(terms: CalendarTerms): SlaCalendar {
  if (Number.isNaN(tzOffset(terms.timezone, new Date(0)))) {
    throw new ValidationError(`Unknown time zone ${terms.timezone}`, { timezone: "not an IANA time zone" });
  }
  if (terms.window === "7x24") return ALWAYS_OPEN;
  return new WeeklyCalendar(terms.timezone, spansOf(terms.window).map(compileSpan), terms.holidays);
}

/** The response deadline of a ticket and the moment of its warning, as `Date`s. */
export interface ResponseClock {
  responseDueAt: Date;
  warnAt: Date;
}

/**
 * A ticket's deadline is `responseMinutes[priority]` of in-window time after `receivedAt`; its warning
 * comes after `warnAtPercent` of that time (rounded up to the whole second).
 */
export function responseClock(terms: SlaTerms, priority: Priority, receivedAt: Date): ResponseClock {
  const calendar = slaCalendar(terms);
  const target = terms.responseMinutes[priority] * MINUTE;
  // minutes × 60 000 ms × percent / 100 is an integer number of milliseconds.
  const warnAfter = terms.responseMinutes[priority] * 600 * terms.warnAtPercent;
  const warnAt = calendar.addInWindow(receivedAt, warnAfter);
  return {
    responseDueAt: calendar.addInWindow(receivedAt, target),
    warnAt: new Date(Math.ceil(warnAt.getTime() / 1000) * 1000),
  };
}

// ---- the always-open window ------------------------------------------------------------------

const ALWAYS_OPEN: SlaCalendar = {
  isOpen: () => true,
  addInWindow: (from, millis) => new Date(from.getTime() + millis),
  inWindowMillis: (from, to) => Math.max(0, to.getTime() - from.getTime()),
  openIntervals: (from) => [[from.getTime(), Number.POSITIVE_INFINITY]],
};

// ---- weekly windows ----------------------------------------------------------------------------

interface CompiledSpan {
  days: ReadonlySet<number>;
  /** Minutes after local midnight of the day it starts on. */
  fromMinute: number;
  /** Wall-clock length in minutes, 1 … 1440. */
  lengthMinutes: number;
}

function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

function compileSpan(span: WeeklySpan): CompiledSpan {
  const from = minuteOfDay(span.from);
  const to = minuteOfDay(span.to);
  const length = (((to - from) % 1440) + 1440) % 1440;
  // `to` at or before `from` runs into the next day; equal times are a whole day.
  return { days: new Set(span.days), fromMinute: from, lengthMinutes: length === 0 ? 1440 : length };
}

function isoWeekday(date: IsoDate): number {
  const day = new Date(wall(date, 0)).getUTCDay();
  return day === 0 ? 7 : day;
}

class WeeklyCalendar implements SlaCalendar {
  constructor(
    private readonly timeZone: string,
    private readonly spans: CompiledSpan[],
    private readonly holidayRegion: string | null,
  ) {}

  private isHoliday(date: IsoDate): boolean {
    return (
      this.holidayRegion !== null && publicHolidays(this.holidayRegion, Number(date.slice(0, 4))).has(date)
    );
  }

  *openIntervals(from: Date): Iterable<Interval> {
    const start = from.getTime();
    // Spans of the day before may run past midnight into the day of `from`.
    let day = addDays(dateIn(this.timeZone, from), -1);
    let pending: Interval[] = [];
    for (let count = 0; count < MAX_DAYS; count++, day = addDays(day, 1)) {
      // Every moment whose wall clock lies in this day or the next one, whatever the offset.
      const daySegments = segments(
        this.timeZone,
        wall(day, 0) - MAX_EAST,
        wall(day, 2 * 1440) + MAX_WEST + 1,
      );
      if (!this.isHoliday(day)) {
        const weekday = isoWeekday(day);
        for (const span of this.spans) {
          if (!span.days.has(weekday)) continue;
          const wallFrom = wall(day, span.fromMinute);
          pending.push(...preimage(daySegments, wallFrom, wallFrom + span.lengthMinutes * MINUTE));
        }
      }
      // Pieces of later days all start at or after the first moment of the next day: what lies before
      // it is final.
      const horizon = firstAtOrAfter(daySegments, wall(day, 1440));
      const merged = mergeIntervals(pending);
      pending = [];
      for (const [s, e] of merged) {
        if (s >= horizon) {
          pending.push([s, e]);
          continue;
        }
        const finalEnd = Math.min(e, horizon);
        if (finalEnd > start) yield [Math.max(s, start), finalEnd];
        if (e > horizon) pending.push([horizon, e]);
      }
    }
    throw new ValidationError("The service window does not open often enough to reach this deadline", {
      window: "opens too rarely",
    });
  }

  isOpen(at: Date): boolean {
    const instant = at.getTime();
    for (const [s, e] of this.openIntervals(at)) {
      if (s > instant) return false;
      if (e > instant) return true;
    }
    return false;
  }

  addInWindow(from: Date, millis: number): Date {
    let remaining = millis;
    for (const [s, e] of this.openIntervals(from)) {
      if (remaining <= e - s) return new Date(s + remaining);
      remaining -= e - s;
    }
    throw new Error("unreachable: openIntervals ends by throwing");
  }

  inWindowMillis(from: Date, to: Date): number {
    const end = to.getTime();
    let total = 0;
    if (end <= from.getTime()) return 0;
    for (const [s, e] of this.openIntervals(from)) {
      if (s >= end) break;
      total += Math.min(e, end) - s;
      if (e >= end) break;
    }
    return total;
  }
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
