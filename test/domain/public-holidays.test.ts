import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { easterSunday } from "../../domain/holiday-rules.js";
import { COMPILED_HOLIDAYS } from "../../domain/public-holidays.data.js";
import { holidayYearsCovered, isHolidayRegion, publicHolidays } from "../../domain/public-holidays.js";
import { compileHolidays } from "../../infra/holidays/compile.js";

const HOLIDAY_REGIONS = Object.keys(COMPILED_HOLIDAYS.regions);

describe("public holidays table", () => {
  it("is exactly what date-holidays says today (run `npm run holidays` after upgrading it)", () => {
    const compiled = compileHolidays();
    expect(COMPILED_HOLIDAYS).toEqual(compiled);
  });

  it("gives exactly date-holidays' public holidays for every region and every covered year", () => {
    // The table holds rules and exceptions, not dates: this asks the library itself, without the
    // compiler, so that a wrong rule or a wrong reading of one cannot hide.
    const { from, to } = holidayYearsCovered();
    for (const region of HOLIDAY_REGIONS) {
      const [country = region, state] = region.split("-");
      const library = state ? new Holidays(country, state) : new Holidays(country);
      for (let year = from; year <= to; year++) {
        const expected = (library.getHolidays(year) || [])
          .filter((holiday) => holiday.type === "public")
          .map((holiday) => holiday.date.slice(0, 10));
        expect([...publicHolidays(region, year)].sort(), `${region} ${year}`).toEqual(
          [...new Set(expected)].sort(),
        );
      }
    }
  });

  it("computes Easter Sunday (Gregorian), including its earliest and latest possible days", () => {
    expect(easterSunday(1818)).toBe("1818-03-22"); // earliest possible
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(1943)).toBe("1943-04-25"); // latest possible
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(2000)).toBe("2000-04-23");
    expect(easterSunday(2008)).toBe("2008-03-23");
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
  });

  it("keeps weekday holidays, one-off holidays and holidays that began in a covered year", () => {
    expect(publicHolidays("DE-SN", 2026).has("2026-11-18")).toBe(true); // Buß- und Bettag
    expect(publicHolidays("DE-SN", 2022).has("2022-11-16")).toBe(true); // its earliest day
    expect(publicHolidays("DE-BE", 2025).has("2025-05-08")).toBe(true); // 80 years since liberation
    expect(publicHolidays("DE-BE", 2026).has("2026-05-08")).toBe(false);
    expect(publicHolidays("DE-MV", 2022).has("2022-03-08")).toBe(false); // Women's Day since 2023
    expect(publicHolidays("DE-MV", 2023).has("2023-03-08")).toBe(true);
  });

  it("knows German, Austrian and Swiss regions and refuses others", () => {
    expect(isHolidayRegion("DE")).toBe(true);
    expect(isHolidayRegion("DE-BY")).toBe(true);
    expect(isHolidayRegion("CH-ZH")).toBe(true);
    expect(isHolidayRegion("DE-ZZ")).toBe(false);
    expect(isHolidayRegion("XX")).toBe(false);
  });

  it("adds a state's own holidays to the national ones", () => {
    const bavaria = publicHolidays("DE-BY", 2026);
    const berlin = publicHolidays("DE-BE", 2026);
    expect(bavaria.has("2026-06-04")).toBe(true); // Corpus Christi
    expect(berlin.has("2026-06-04")).toBe(false);
    expect(berlin.has("2026-03-08")).toBe(true); // International Women's Day, Berlin only
    for (const national of ["2026-01-01", "2026-04-03", "2026-04-06", "2026-10-03", "2026-12-25"]) {
      expect(bavaria.has(national) && berlin.has(national)).toBe(true);
    }
  });

  it("refuses years it does not cover rather than answering with no holidays", () => {
    const { to } = holidayYearsCovered();
    expect(() => publicHolidays("DE", to + 1)).toThrow(RangeError);
  });
});
