import { addDays, type IsoDate } from "./calendar.js";

/**
 * How the compiled public-holiday table (written by infra/holidays/compile.ts) is read. Nearly every
 * public holiday is a fixed day or a fixed distance from Easter Sunday, a few are a weekday after a
 * fixed day (Buß- und Bettag, the Swiss Bettag). So a region is a handful of rules plus the years in
 * which it differs from them (a one-off holiday, a holiday kept only since 2023, a Stephanstag that is
 * not kept on a Monday). Years are computed, not listed: that keeps the table small enough for the
 * bundles that compute SLA deadlines. The compiler checks that this reading gives back exactly what
 * `date-holidays` says for every region and every covered year.
 */
export interface CompiledHolidays {
  from: number;
  to: number;
  /**
   * Per region (`DE`, `DE-BY`), space-separated tokens, applied in order:
   * - a rule adds its day: `MMDD` that day every year; `e<days>` Easter Sunday plus days (`e-2` Good
   *   Friday, `e39` Ascension); `w<weekday>MMDD` the first weekday (0 Sunday … 6 Saturday) on or
   *   after that day (`w31116`, Buß- und Bettag: the Wednesday from 16 to 22 November);
   * - `-<rule>` removes the day of one of its country's rules the subdivision does not keep;
   * - `YYYY+MMDD-MMDD…` in that year only, days added and removed.
   * A subdivision starts from its country's holidays of the year, unless its first token is `=`: then
   * it lists all its own rules and starts from nothing.
   */
  regions: Record<string, string>;
}

const EXCEPTION = /^\d{4}[+-]/;
const RULE = /^(?:\d{4}|e-?\d+|w[0-6]\d{4})$/;

/**
 * Easter Sunday (Gregorian) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher): the Sunday
 * after the ecclesiastical full moon on or after 21 March. Letters as in the published algorithm.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19; // place in the 19-year lunar cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the full moon, roughly
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the Sunday after
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function dayOfYear(year: number, mmdd: string): IsoDate {
  return `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`;
}

/** The day a rule (`1225`, `e39`, `w31116`) gives in `year`. */
export function ruleDay(rule: string, year: number): IsoDate {
  if (!RULE.test(rule)) throw new RangeError(`Not a holiday rule: ${rule}`);
  if (rule.startsWith("e")) return addDays(easterSunday(year), Number(rule.slice(1)));
  const day = dayOfYear(year, rule.slice(-4));
  if (!rule.startsWith("w")) return day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, (Number(rule[1]) - weekday + 7) % 7);
}

/** The public holidays of `region` in `year` by the rules of `table`; the region must be in it. */
export function holidaysOf(table: CompiledHolidays, region: string, year: number): Set<IsoDate> {
  // A subdivision that keeps exactly its country's holidays has the empty entry.
  const tokens = table.regions[region]?.split(" ").filter((token) => token !== "");
  if (!tokens) throw new RangeError(`Unknown holiday region ${region}`);
  const country = region.split("-")[0] ?? region;
  const standalone = region === country || tokens[0] === "=";
  const days = standalone ? new Set<IsoDate>() : holidaysOf(table, country, year);
  for (const token of tokens) {
    if (token === "=") continue;
    if (EXCEPTION.test(token)) {
      if (Number(token.slice(0, 4)) !== year) continue;
      for (const [, sign, mmdd] of token.slice(4).matchAll(/([+-])(\d{4})/g)) {
        if (sign === "+") days.add(dayOfYear(year, mmdd ?? ""));
        else days.delete(dayOfYear(year, mmdd ?? ""));
      }
    } else if (token.startsWith("-")) days.delete(ruleDay(token.slice(1), year));
    else days.add(ruleDay(token, year));
  }
  return days;
}
