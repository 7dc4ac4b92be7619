import { describe, expect, it } from "vitest";
import { HOLIDAY_REGIONS } from "../../domain/holiday-regions.data.js";
import { isHolidayRegion } from "../../domain/holiday-regions.js";
import { COMPILED_HOLIDAYS } from "../../domain/public-holidays.data.js";
import { holidayYearsCovered, publicHolidays } from "../../domain/public-holidays.js";
import { compileHolidays, holidayRegions } from "../../infra/holidays/compile.js";

describe("public holidays table", () => {
  it("is exactly what date-holidays says today (run `npm run holidays` after upgrading it)", () => {
    const compiled = compileHolidays();
    expect(COMPILED_HOLIDAYS).toEqual(compiled);
    expect(HOLIDAY_REGIONS).toEqual(holidayRegions(compiled));
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
