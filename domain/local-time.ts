import { tzOffset } from "@date-fns/tz";
import type { IsoDate } from "./calendar.js";

/**
 * Local wall-clock time and real time in an IANA time zone, exact at daylight-saving changes. Kept
 * apart from the SLA calendar so that code needing only this does not carry the holiday library.
 *
 * "Wall" times are a local date and time written as if it were UTC (epoch milliseconds); real
 * moments are epoch milliseconds. A wall time maps to no moment in a spring-forward gap and to two
 * in a fall-back overlap; the functions here say which they pick.
 */

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Offsets of real time zones lie within UTC−12 … UTC+14. */
export const MAX_EAST = 14 * HOUR;
export const MAX_WEST = 12 * HOUR;

/** An open stretch of time `[start, end)` in epoch milliseconds. */
export type Interval = readonly [start: number, end: number];

/** A stretch of real time with one UTC offset. */
export interface Segment {
  start: number;
  end: number;
  offset: number;
}

/** Wall-clock time of a local date plus minutes, as if it were UTC: the "wall" time line. */
export function wall(date: IsoDate, minutes: number): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
    minutes * MINUTE
  );
}

function offsetAt(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE;
}

/**
 * `[start, end)` cut where the UTC offset of `timeZone` changes. Offsets change at whole seconds; a
 * change is found by bisection. Two changes within one call's range that cancel out are not seen (the
 * ranges used are about two days; no time zone changes its offset twice within that).
 */
export function segments(timeZone: string, start: number, end: number): Segment[] {
  const result: Segment[] = [];
  let from = start;
  while (from < end) {
    const offset = offsetAt(timeZone, from);
    if (offsetAt(timeZone, end - 1) === offset) {
      result.push({ start: from, end, offset });
      break;
    }
    let same = from;
    let changed = end - 1;
    while (changed - same > 1) {
      const middle = Math.floor((same + changed) / 2);
      if (offsetAt(timeZone, middle) === offset) same = middle;
      else changed = middle;
    }
    result.push({ start: from, end: changed, offset });
    from = changed;
  }
  return result;
}

/** The real-time intervals whose wall clock lies in `[wallFrom, wallTo)`. */
export function preimage(segmentList: Segment[], wallFrom: number, wallTo: number): Interval[] {
  const pieces: Interval[] = [];
  for (const segment of segmentList) {
    const start = Math.max(segment.start, wallFrom - segment.offset);
    const end = Math.min(segment.end, wallTo - segment.offset);
    if (start < end) pieces.push([start, end]);
  }
  return pieces;
}

/** The first moment whose wall clock reads `wallTime` or later (in a spring-forward gap: the jump). */
export function firstAtOrAfter(segmentList: Segment[], wallTime: number): number {
  for (const segment of segmentList) {
    const candidate = Math.max(segment.start, wallTime - segment.offset);
    if (candidate < segment.end) return candidate;
  }
  throw new Error("Wall time outside the computed segments");
}

/** The first moment of a local date in a time zone (midnight, or the jump when midnight is skipped). */
export function startOfLocalDay(timeZone: string, date: IsoDate): Date {
  const midnight = wall(date, 0);
  return new Date(firstAtOrAfter(segments(timeZone, midnight - MAX_EAST, midnight + MAX_WEST + 1), midnight));
}
