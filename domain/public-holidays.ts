import type { IsoDate } from "./calendar.js";
import { type CompiledHolidays, holidaysOf } from "./holiday-rules.js";
import { COMPILED_HOLIDAYS as TABLE } from "./public-holidays.data.js";

/**
 * Public holidays of a region (`DE`, `DE-BY`, `AT-9`, `CH-ZH`), from the rules compiled out of the
 * `date-holidays` library (infra/holidays/compile.ts, read by domain/holiday-rules.ts) for the years
 * they cover.
 */
const COMPILED_HOLIDAYS: CompiledHolidays = TABLE;
const cache = new Map<string, ReadonlySet<IsoDate>>();

/** Whether KoAd knows the public holidays of a region (`DE`, `DE-BY`, `AT-9`, `CH-ZH`). */
export function isHolidayRegion(region: string): boolean {
  return Object.hasOwn(COMPILED_HOLIDAYS.regions, region);
}

export function holidayYearsCovered(): { from: number; to: number } {
  return { from: COMPILED_HOLIDAYS.from, to: COMPILED_HOLIDAYS.to };
}

/** The public holidays of `region` in `year` as local dates; outside the covered years, an error. */
export function publicHolidays(region: string, year: number): ReadonlySet<IsoDate> {
  const cacheKey = `${region}#${year}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  if (year < COMPILED_HOLIDAYS.from || year > COMPILED_HOLIDAYS.to) {
    throw new RangeError(
      `Holidays are known for ${COMPILED_HOLIDAYS.from}-${COMPILED_HOLIDAYS.to}, not ${year}`,
    );
  }
  const dates = holidaysOf(COMPILED_HOLIDAYS, region, year);
  cache.set(cacheKey, dates);
  return dates;
}
