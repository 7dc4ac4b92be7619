import Holidays from "date-holidays";
import { addDays, daysBetween, type IsoDate } from "../../domain/calendar.js";
import { type CompiledHolidays, easterSunday, holidaysOf, ruleDay } from "../../domain/holiday-rules.js";

/**
 * Compiles the public holidays (type `public` only) of the supported regions from `date-holidays`,
 * the maintained library, into a small table the Lambda bundles carry instead of the library (its
 * data and parser add about 1.4 MB to a bundle). `npm run holidays` writes
 * domain/public-holidays.data.ts; a test recompiles and compares, so the table cannot drift.
 *
 * The table holds rules, not dates (domain/holiday-rules.ts reads it): the compiler finds, from the
 * library's dates alone, the fixed days, Easter distances and weekday rules that give a region's
 * holidays in most years, and writes the years that differ as exceptions. It then reads the table back
 * and throws unless it gives exactly the library's dates for every region and every year.
 */
export const HOLIDAY_COUNTRIES = ["DE", "AT", "CH"] as const;
export const HOLIDAY_YEARS = { from: 2020, to: 2045 } as const;

/** The covered years, in order: a region's holidays are one set per year, in this order. */
const YEARS = Array.from(
  { length: HOLIDAY_YEARS.to - HOLIDAY_YEARS.from + 1 },
  (_, i) => HOLIDAY_YEARS.from + i,
);

/** A year's public holidays of one region, as the library says. */
type YearDays = ReadonlySet<IsoDate>;

function publicDates(library: Holidays, year: number): YearDays {
  const dates = new Set<IsoDate>();
  for (const holiday of library.getHolidays(year) || []) {
    if (holiday.type === "public") dates.add(holiday.date.slice(0, 10));
  }
  return dates;
}

/** The day of a rule in each covered year, remembered: every region asks for the same rules. */
const ruleDays = new Map<string, IsoDate[]>();
function daysOf(rule: string): IsoDate[] {
  let days = ruleDays.get(rule);
  if (!days) {
    days = YEARS.map((year) => ruleDay(rule, year));
    ruleDays.set(rule, days);
  }
  return days;
}

function mmdd(date: IsoDate): string {
  return date.slice(5, 7) + date.slice(8, 10);
}

/**
 * Every rule that gives one of the region's holidays in at least two years (one that gives fewer can
 * never pay for itself) and never leaves the year.
 */
function candidateRules(holidays: YearDays[]): string[] {
  const yearsGiven = new Map<string, Set<number>>();
  const gives = (rule: string, year: number) => {
    yearsGiven.set(rule, (yearsGiven.get(rule) ?? new Set<number>()).add(year));
  };
  YEARS.forEach((year, i) => {
    for (const date of holidays[i] ?? []) {
      gives(mmdd(date), year);
      gives(`e${daysBetween(easterSunday(year), date)}`, year);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      for (let back = 0; back < 7; back++) {
        const start = addDays(date, -back);
        if (start.startsWith(String(year))) gives(`w${weekday}${mmdd(start)}`, year);
      }
    }
  });
  return [...yearsGiven]
    .filter(([, years]) => years.size >= 2)
    .map(([rule]) => rule)
    .filter((rule) => daysOf(rule).every((day, i) => day.startsWith(String(YEARS[i]))));
}

/**
 * The rules to write for a region: greedily the one that saves most exceptions, while one saves more
 * than the rule costs (about one exception). A rule's day counts for it in a year when it is a holiday
 * no rule chosen so far gives, and against it when it is not a holiday at all.
 */
function chooseRules(holidays: YearDays[]): string[] {
  const candidates = candidateRules(holidays).sort();
  const given = YEARS.map(() => new Set<IsoDate>());
  const chosen: string[] = [];
  for (;;) {
    let best: string | undefined;
    let bestSaving = 1;
    for (const rule of candidates) {
      const days = daysOf(rule);
      let saving = 0;
      for (let i = 0; i < days.length; i++) {
        const day = days[i] ?? "";
        if (!given[i]?.has(day)) saving += holidays[i]?.has(day) ? 1 : -1;
      }
      if (saving > bestSaving) {
        best = rule;
        bestSaving = saving;
      }
    }
    if (!best) break;
    chosen.push(best);
    daysOf(best).forEach((day, i) => {
      given[i]?.add(day);
    });
  }
  // In the order of the first covered year, so that a region reads like a calendar.
  const first = (rule: string) => daysOf(rule)[0] ?? "";
  return chosen.sort((a, b) => first(a).localeCompare(first(b)) || a.localeCompare(b));
}

/**
 * A region's entry: `tokens`, then per year the exception from what they give, read exactly as
 * domain/holiday-rules.ts reads it (days the library has and they do not give, days they give and the
 * library has not).
 */
function withExceptions(
  table: CompiledHolidays,
  region: string,
  tokens: string[],
  holidays: YearDays[],
): string {
  const rulesOnly = { ...table, regions: { ...table.regions, [region]: tokens.join(" ") } };
  const exceptions: string[] = [];
  YEARS.forEach((year, i) => {
    const given = holidaysOf(rulesOnly, region, year);
    const wanted = holidays[i] ?? new Set<IsoDate>();
    const added = [...wanted].filter((date) => !given.has(date)).sort();
    const removed = [...given].filter((date) => !wanted.has(date)).sort();
    if (added.length + removed.length === 0) return;
    exceptions.push(
      `${year}${added.map((date) => `+${mmdd(date)}`).join("")}${removed.map((date) => `-${mmdd(date)}`).join("")}`,
    );
  });
  return [...tokens, ...exceptions].join(" ");
}

export function compileHolidays(): CompiledHolidays {
  const compiled: CompiledHolidays = { from: HOLIDAY_YEARS.from, to: HOLIDAY_YEARS.to, regions: {} };
  const libraryDays = new Map<string, YearDays[]>();
  for (const country of HOLIDAY_COUNTRIES) {
    const nationalLibrary = new Holidays(country);
    const national = YEARS.map((year) => publicDates(nationalLibrary, year));
    libraryDays.set(country, national);
    const countryRules = chooseRules(national);
    compiled.regions[country] = withExceptions(compiled, country, countryRules, national);
    const states = (new Holidays().getStates(country) ?? {}) as Record<string, string>;
    for (const state of Object.keys(states).sort()) {
      const region = `${country}-${state}`;
      const library = new Holidays(country, state);
      const own = YEARS.map((year) => publicDates(library, year));
      libraryDays.set(region, own);
      // A subdivision is written as its difference to its country's rules or on its own, whichever is
      // shorter (the difference, nearly always: states keep most national holidays).
      const ownRules = chooseRules(own);
      const difference = [
        ...countryRules.filter((rule) => !ownRules.includes(rule)).map((rule) => `-${rule}`),
        ...ownRules.filter((rule) => !countryRules.includes(rule)),
      ];
      const asDifference = withExceptions(compiled, region, difference, own);
      const onItsOwn = withExceptions(compiled, region, ["=", ...ownRules], own);
      compiled.regions[region] = onItsOwn.length < asDifference.length ? onItsOwn : asDifference;
    }
  }
  verify(compiled, libraryDays);
  return compiled;
}

/** Reads the compiled table back: it must give exactly the library's dates, or nothing is written. */
function verify(compiled: CompiledHolidays, libraryDays: Map<string, YearDays[]>): void {
  for (const [region, days] of libraryDays) {
    YEARS.forEach((year, i) => {
      const decoded = [...holidaysOf(compiled, region, year)].sort().join(" ");
      const wanted = [...(days[i] ?? [])].sort().join(" ");
      if (decoded !== wanted) {
        throw new Error(
          `The compiled holidays of ${region} in ${year} are [${decoded}], date-holidays says [${wanted}]`,
        );
      }
    });
  }
}

export function holidayModuleSource(compiled: CompiledHolidays): string {
  return `// Generated by \`npm run holidays\` from date-holidays (public holidays only) by infra/holidays/compile.ts;
// read by domain/holiday-rules.ts, which describes the tokens. Do not edit.
export const COMPILED_HOLIDAYS = ${JSON.stringify(compiled)};
`;
}
