/**
 * Calendar arithmetic on plain strings: months are `YYYY-MM`, dates `YYYY-MM-DD`. A booking belongs to
 * the month of its work date; "today" is read in the billing time zone.
 */
export type Month = string;
export type IsoDate = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(`${y}-${m}`);
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

function parseMonth(month: Month): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

function formatMonth(year: number, month: number): Month {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: Month, count: number): Month {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + count;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

export function daysInMonth(month: Month): number {
  const { year, month: m } = parseMonth(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): IsoDate {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const month = date.slice(5, 7);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(formatMonth(year, Number(month))));
  return `${String(year).padStart(4, "0")}-${month}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(utc + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The last answer of `currentDateIn` per time zone, for the minute it was asked in. */
const lastDates = new Map<string, { minute: number; date: IsoDate }>();

/**
 * `dateIn` for the current instant, which every request asks for: Intl takes microseconds, so the
 * answer is kept for the rest of its minute when the date is the same at both ends of that minute (a
 * zone whose old offset had seconds is just not kept). For other instants, `dateIn`.
 */
export function currentDateIn(timeZone: string, now: Date): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = dateIn(timeZone, now);
  const minuteStart = new Date(minute * 60_000);
  const minuteEnd = new Date(minute * 60_000 + 59_999);
  if (dateIn(timeZone, minuteStart) === date && dateIn(timeZone, minuteEnd) === date) {
    lastDates.set(timeZone, { minute, date });
  }
  return date;
}

/** The calendar date of `instant` in the IANA time zone `timeZone`. */
export function dateIn(timeZone: string, instant: Date): IsoDate {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** ISO-8601 UTC without milliseconds, the API's timestamp form. */
export function isoInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}
