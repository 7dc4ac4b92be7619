import type { IsoDate } from "./calendar.js";
import { isHolidayRegion } from "./holiday-regions.js";
import { COMPILED_HOLIDAYS as TABLE } from "./public-holidays.data.js";

/**
 * Public holidays of a region (`DE`, `DE-BY`, `AT-9`, `CH-ZH`), from the table compiled out of the
 * `date-holidays` library (infra/holidays/compile.ts) for the years it covers.
 */
export interface CompiledHolidays {
  from: number;
  to: number;
  countries: Record<string, string[]>;
  subdivisions: Record<string, string[]>;
}

const COMPILED_HOLIDAYS: CompiledHolidays = TABLE;
const cache = new Map<string, ReadonlySet<IsoDate>>();

function splitDates(encoded: string): string[] {
  return encoded.match(/[+-]?\d{4}/g) ?? [];
}

export function holidayYearsCovered(): { from: number; to: number } {
  return { from: COMPILED_HOLIDAYS.from, to: COMPILED_HOLIDAYS.to };
}

/** The public holidays of `region` in `year` as local dates; outside the covered years, an error. */
export function publicHolidays(region: string, year: number): ReadonlySet<IsoDate> {
  const cacheKey = `${region}#${year}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const index = year - COMPILED_HOLIDAYS.from;
  if (index < 0 || year > COMPILED_HOLIDAYS.to) {
    throw new RangeError(
      `Holidays are known for ${COMPILED_HOLIDAYS.from}-${COMPILED_HOLIDAYS.to}, not ${year}`,
    );
  }
  const country = region.split("-")[0] ?? region;
  const national = COMPILED_HOLIDAYS.countries[country];
  if (!national || !isHolidayRegion(region)) {
    throw new RangeError(`Unknown holiday region ${region}`);
  }
  const days = new Set(splitDates(national[index] ?? ""));
  if (region !== country) {
    for (const change of splitDates(COMPILED_HOLIDAYS.subdivisions[region]?.[index] ?? "")) {
      if (change.startsWith("-")) days.delete(change.slice(1));
      else days.add(change.slice(1));
    }
  }
  const dates = new Set([...days].map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`));
  cache.set(cacheKey, dates);
  return dates;
}
