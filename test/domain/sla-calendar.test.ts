import Holidays from "date-holidays";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../domain/calendar.js";
import { responseClock, slaCalendar, spansOf } from "../../domain/sla-calendar.js";
import { DEFAULT_SLA, type SlaTerms, type WeeklySpan } from "../../domain/sla-terms.js";

const MINUTE = 60_000;

function sla(overrides: Partial<SlaTerms> = {}): SlaTerms {
  return { ...DEFAULT_SLA, ...overrides };
}

function deadline(terms: SlaTerms, receivedAt: string, priority: "P1" | "P2" | "P3" | "P4" = "P2"): string {
  return responseClock(terms, priority, new Date(receivedAt)).responseDueAt.toISOString();
}

// ---- an independent oracle ----------------------------------------------------------------------
// Reads the wall clock of each moment with Intl and asks the spans directly, without the calendar's
// interval arithmetic: the definition the calendar must agree with.

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
function wallOf(timeZone: string, instant: number): { date: string; minute: number } {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    wallFormatters.set(timeZone, formatter);
  }
  const p = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    minute: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60,
  };
}

const oracleHolidays = new Map<string, Set<string>>();
function oracleIsHoliday(region: string | null, date: string): boolean {
  if (region === null) return false;
  const key = `${region}#${date.slice(0, 4)}`;
  let set = oracleHolidays.get(key);
  if (!set) {
    const [country, state] = region.split("-") as [string, string | undefined];
    const library = state ? new Holidays(country, state) : new Holidays(country);
    set = new Set(
      library
        .getHolidays(Number(date.slice(0, 4)))
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    oracleHolidays.set(key, set);
  }
  return set.has(date);
}

function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

function oracleIsOpen(terms: SlaTerms, instant: number): boolean {
  if (terms.window === "7x24") return true;
  const { date, minute } = wallOf(terms.timezone, instant);
  const yesterday = addDays(date, -1);
  return spansOf(terms.window).some((span) => {
    const from = toMinutes(span.from);
    const raw = (((toMinutes(span.to) - from) % 1440) + 1440) % 1440;
    const end = from + (raw === 0 ? 1440 : raw);
    const opensOn = (day: string) =>
      span.days.includes(weekday(day)) && !oracleIsHoliday(terms.holidays, day);
    if (opensOn(date) && minute >= from && minute < end) return true;
    return end > 1440 && opensOn(yesterday) && minute < end - 1440;
  });
}

/** Open minutes in [from, to), both on whole minutes (every boundary of the windows tested is). */
function oracleOpenMinutes(terms: SlaTerms, from: number, to: number): number {
  let open = 0;
  for (let t = from; t < to; t += MINUTE) if (oracleIsOpen(terms, t)) open++;
  return open;
}

// ---- generators ---------------------------------------------------------------------------------

const TIME_ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"];
const REGIONS = [null, "DE", "DE-BY", "DE-BE", "AT", "CH-ZH"];
/** Days around which things happen: DST changes (EU, US, AU), Easter, Corpus Christi, Christmas. */
const ANCHORS = [
  "2026-03-08T07:00:00Z",
  "2026-03-29T01:00:00Z",
  "2026-04-05T00:00:00Z",
  "2026-04-03T10:00:00Z",
  "2026-06-04T10:00:00Z",
  "2026-10-04T00:00:00Z",
  "2026-10-25T01:00:00Z",
  "2026-11-01T06:00:00Z",
  "2026-12-24T12:00:00Z",
].map((iso) => new Date(iso).getTime());

const hhmm = fc
  .integer({ min: 0, max: 24 * 4 })
  .map((q) =>
    q === 96
      ? "24:00"
      : `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`,
  );

const span: fc.Arbitrary<WeeklySpan> = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  from: hhmm.filter((t) => t !== "24:00"),
  to: hhmm,
});

const terms: fc.Arbitrary<SlaTerms> = fc.record({
  window: fc.oneof(
    fc.constantFrom("5x8" as const, "5x10" as const, "5x12" as const, "7x24" as const),
    fc.array(span, { minLength: 1, maxLength: 3 }),
  ),
  timezone: fc.constantFrom(...TIME_ZONES),
  holidays: fc.constantFrom(...REGIONS),
  responseMinutes: fc.constant(DEFAULT_SLA.responseMinutes),
  warnAtPercent: fc.integer({ min: 1, max: 99 }),
  dedicatedContacts: fc.constant([]),
});

/** A whole minute, mostly within a few days of an anchor. */
const receivedAt = fc.oneof(
  fc
    .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -4 * 1440, max: 2 * 1440 }))
    .map(([a, m]) => a + m * MINUTE),
  fc.integer({ min: 0, max: 2 * 365 * 1440 }).map((m) => Date.UTC(2025, 6, 1) + m * MINUTE),
);

const target = fc.integer({ min: 1, max: 1200 });

// ---- tests --------------------------------------------------------------------------------------

describe("slaCalendar", () => {
  it("puts exactly the target of in-window minutes between receivedAt and the deadline", () => {
    fc.assert(
      fc.property(terms, receivedAt, target, (t, at, minutes) => {
        const calendar = slaCalendar(t);
        const due = calendar.addInWindow(new Date(at), minutes * MINUTE).getTime();
        expect(oracleOpenMinutes(t, at, due)).toBe(minutes);
        expect(calendar.inWindowMillis(new Date(at), new Date(due))).toBe(minutes * MINUTE);
      }),
      { numRuns: 60 },
    );
  });

  it("never moves a deadline earlier when a ticket is received later", () => {
    fc.assert(
      fc.property(
        terms,
        receivedAt,
        fc.integer({ min: 0, max: 3 * 1440 * 60 }),
        target,
        (t, at, laterSeconds, minutes) => {
          const calendar = slaCalendar(t);
          const first = calendar.addInWindow(new Date(at), minutes * MINUTE).getTime();
          const second = calendar.addInWindow(new Date(at + laterSeconds * 1000), minutes * MINUTE).getTime();
          expect(second).toBeGreaterThanOrEqual(first);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lets a deadline fall inside a window or at its end, never in closed time", () => {
    fc.assert(
      fc.property(terms, receivedAt, fc.integer({ min: 0, max: 59 }), target, (t, at, seconds, minutes) => {
        const due = slaCalendar(t)
          .addInWindow(new Date(at + seconds * 1000), minutes * MINUTE)
          .getTime();
        expect(oracleIsOpen(t, due - 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with the wall clock on whether the window is open", () => {
    fc.assert(
      fc.property(terms, receivedAt, (t, at) => {
        expect(slaCalendar(t).isOpen(new Date(at))).toBe(oracleIsOpen(t, at));
      }),
      { numRuns: 300 },
    );
  });

  it("warns after warnAtPercent of the in-window time, before the deadline", () => {
    fc.assert(
      fc.property(
        terms,
        receivedAt,
        fc.constantFrom("P1" as const, "P2" as const, "P4" as const),
        (t, at, p) => {
          const clock = responseClock(t, p, new Date(at));
          const warned = slaCalendar(t).inWindowMillis(new Date(at), clock.warnAt);
          const exact = t.responseMinutes[p] * 600 * t.warnAtPercent;
          expect(warned).toBeGreaterThanOrEqual(exact);
          expect(warned).toBeLessThan(exact + 1000);
          expect(clock.warnAt.getTime()).toBeLessThan(clock.responseDueAt.getTime());
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("responseClock (table)", () => {
  it("skips Good Friday, the Easter weekend and Easter Monday (DE)", () => {
    // Thu 2 April 2026 15:00 CEST: 60 minutes on Thursday, the rest from Tuesday 08:00.
    expect(deadline(sla(), "2026-04-02T13:00:00Z")).toBe("2026-04-07T09:00:00.000Z");
  });

  it("counts Easter Monday as a working day without a holiday region", () => {
    expect(deadline(sla({ holidays: null }), "2026-04-02T13:00:00Z")).toBe("2026-04-03T09:00:00.000Z");
  });

  it("skips Corpus Christi in Bavaria but not in Berlin", () => {
    // Wed 3 June 2026 15:00 CEST; Thu 4 June is Fronleichnam in DE-BY only.
    expect(deadline(sla({ holidays: "DE-BY" }), "2026-06-03T13:00:00Z")).toBe("2026-06-05T09:00:00.000Z");
    expect(deadline(sla({ holidays: "DE-BE" }), "2026-06-03T13:00:00Z")).toBe("2026-06-04T09:00:00.000Z");
  });

  it("counts 4 real hours across the spring-forward night (7x24, and an all-day custom window)", () => {
    // Sat 28 March 2026 23:00 CET; clocks jump 02:00 -> 03:00: the deadline reads 04:00 CEST.
    expect(deadline(sla({ window: "7x24" }), "2026-03-28T22:00:00Z")).toBe("2026-03-29T02:00:00.000Z");
    const allDay = sla({ window: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "00:00", to: "24:00" }] });
    expect(deadline(allDay, "2026-03-28T22:00:00Z")).toBe("2026-03-29T02:00:00.000Z");
  });

  it("counts 4 real hours across the fall-back night", () => {
    // Sat 24 October 2026 23:00 CEST; clocks fall 03:00 -> 02:00: the deadline reads 02:00 CET.
    expect(deadline(sla({ window: "7x24" }), "2026-10-24T21:00:00Z")).toBe("2026-10-25T01:00:00.000Z");
    const allDay = sla({ window: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "00:00", to: "24:00" }] });
    expect(deadline(allDay, "2026-10-24T21:00:00Z")).toBe("2026-10-25T01:00:00.000Z");
  });

  it("gives a night span 2 hours on the spring-forward Sunday and 4 on the fall-back Sunday", () => {
    const night = slaCalendar({
      window: [{ days: [7], from: "01:00", to: "05:00" }],
      timezone: "Europe/Berlin",
      holidays: null,
    });
    const minutes = (from: string, to: string) => night.inWindowMillis(new Date(from), new Date(to)) / MINUTE;
    expect(minutes("2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")).toBe(180);
    expect(minutes("2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z")).toBe(300);
    expect(minutes("2026-11-07T12:00:00Z", "2026-11-08T12:00:00Z")).toBe(240);
  });

  it("opens a span that starts inside the spring-forward gap when the clock jumps", () => {
    const calendar = slaCalendar({
      window: [{ days: [7], from: "02:30", to: "03:30" }],
      timezone: "Europe/Berlin",
      holidays: null,
    });
    // 02:30 does not exist on 29 March 2026: the span is open 03:00-03:30 CEST (01:00-01:30 UTC).
    expect(calendar.isOpen(new Date("2026-03-29T00:59:59Z"))).toBe(false);
    expect(calendar.isOpen(new Date("2026-03-29T01:00:00Z"))).toBe(true);
    expect(calendar.isOpen(new Date("2026-03-29T01:30:00Z"))).toBe(false);
  });

  it("keeps the 5x8 window on local time across the spring change", () => {
    // Fri 27 March 2026 15:00 CET: 60 minutes Friday, then Monday 08:00 CEST (06:00 UTC) + 180.
    expect(deadline(sla(), "2026-03-27T14:00:00Z")).toBe("2026-03-30T09:00:00.000Z");
  });

  it("keeps the 5x8 window on local time across the fall change", () => {
    // Fri 23 October 2026 15:00 CEST (13:00 UTC): Monday 26 October 08:00 CET is 07:00 UTC.
    expect(deadline(sla(), "2026-10-23T13:00:00Z")).toBe("2026-10-26T10:00:00.000Z");
  });

  it("starts the clock of a ticket received on a weekend at Monday's opening", () => {
    // Sat 21 November 2026 10:00 CET; P1 = 60 minutes from Monday 08:00 CET.
    expect(deadline(sla(), "2026-11-21T09:00:00Z", "P1")).toBe("2026-11-23T08:00:00.000Z");
  });

  it("starts the clock of a ticket received before opening at the opening", () => {
    expect(deadline(sla(), "2026-11-23T05:30:00Z", "P1")).toBe("2026-11-23T08:00:00.000Z");
  });

  it("lets a deadline fall exactly at the window's end rather than at the next opening", () => {
    // Mon 23 November 2026 15:00 CET + 60 minutes = 16:00 CET, the close.
    expect(deadline(sla(), "2026-11-23T14:00:00Z", "P1")).toBe("2026-11-23T15:00:00.000Z");
  });

  it("ignores holidays in a 7x24 window", () => {
    expect(deadline(sla({ window: "7x24" }), "2026-12-25T10:00:00Z", "P1")).toBe("2026-12-25T11:00:00.000Z");
  });

  it("runs a span past midnight into the next day", () => {
    const nights = sla({ window: [{ days: [5], from: "22:00", to: "06:00" }], holidays: null });
    // Fri 20 November 2026 23:00 CET + 240 minutes = Sat 03:00 CET.
    expect(deadline(nights, "2026-11-20T22:00:00Z", "P2")).toBe("2026-11-21T02:00:00.000Z");
  });

  it("warns at warnAtPercent of the in-window time", () => {
    const clock = responseClock(sla(), "P1", new Date("2026-11-23T08:00:00Z"));
    expect(clock.warnAt.toISOString()).toBe("2026-11-23T08:48:00.000Z");
  });

  it("refuses an unknown time zone", () => {
    expect(() => slaCalendar({ window: "5x8", timezone: "Mars/Olympus", holidays: null })).toThrow(
      /time zone/,
    );
  });
});
