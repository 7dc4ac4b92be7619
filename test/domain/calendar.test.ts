import { describe, expect, it } from "vitest";
import { currentDateIn, dateIn } from "../../domain/calendar.js";

/** The date as Intl gives it, asked afresh every time. */
function intlDate(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

describe("currentDateIn (dateIn for the current instant, kept for its minute)", () => {
  it("gives Intl's date for every second around midnight, asked in order", () => {
    // Berlin's midnight of 29 March 2026 is 23:00 UTC, the night its clocks go forward.
    const from = Date.parse("2026-03-28T22:58:00Z");
    for (let second = 0; second < 240; second++) {
      const instant = new Date(from + second * 1000);
      expect(currentDateIn("Europe/Berlin", instant)).toBe(intlDate("Europe/Berlin", instant));
    }
  });

  it("keeps no answer for a minute in which the date changes (an offset with seconds)", () => {
    // Monrovia kept −0:44:30 until 1972: its midnight fell at 00:44:30 UTC, inside a minute.
    const beforeMidnight = new Date("1970-01-01T00:44:10Z");
    const afterMidnight = new Date("1970-01-01T00:44:40Z");
    expect(currentDateIn("Africa/Monrovia", beforeMidnight)).toBe("1969-12-31");
    expect(currentDateIn("Africa/Monrovia", afterMidnight)).toBe("1970-01-01");
    expect(currentDateIn("Africa/Monrovia", beforeMidnight)).toBe("1969-12-31");
  });

  it("answers each time zone for itself", () => {
    const instant = new Date("2026-11-27T23:30:00Z");
    expect(currentDateIn("Europe/Berlin", instant)).toBe("2026-11-28");
    expect(currentDateIn("America/New_York", instant)).toBe("2026-11-27");
    expect(currentDateIn("Europe/Berlin", instant)).toBe("2026-11-28");
    expect(dateIn("Europe/Berlin", instant)).toBe("2026-11-28");
  });
});
