/**
 * Fires EventBridge Scheduler expressions locally: `cron(min hour day-of-month month day-of-week year)`
 * evaluated in the schedule's time zone (so 00:05 Europe/Berlin is 00:05 local across DST changes),
 * and `rate(N minute|minutes|hour|hours)`. Supports `*`, `?`, lists, ranges and `/` steps.
 */
const DAY_NAMES: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
const MONTH_NAMES: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};

function fieldMatches(
  field: string,
  value: number,
  min: number,
  max: number,
  names: Record<string, number> = {},
): boolean {
  if (field === "*" || field === "?") return true;
  return field.split(",").some((part) => {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText ? Number(stepText) : 1;
    const toNumber = (text: string) => names[text.toUpperCase()] ?? Number(text);
    let from: number;
    let to: number;
    if (range === "*") {
      from = min;
      to = max;
    } else if (range.includes("-")) {
      const [a, b] = range.split("-") as [string, string];
      from = toNumber(a);
      to = toNumber(b);
    } else {
      from = toNumber(range);
      to = stepText ? max : from;
    }
    if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(step)) {
      throw new Error(`Unsupported cron field ${field}`);
    }
    return value >= from && value <= to && (value - from) % step === 0;
  });
}

interface WallClock {
  minute: number;
  hour: number;
  day: number;
  month: number;
  year: number;
  /** 1 = Sunday … 7 = Saturday, as EventBridge counts. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour),
    day: Number(parts.day),
    month: Number(parts.month),
    year: Number(parts.year),
    weekday: DAY_NAMES[String(parts.weekday).toUpperCase()] ?? 0,
  };
}

/** Whether a `cron(...)` expression fires in the minute that contains `instant`. */
export function cronMatches(expression: string, instant: Date, timeZone: string): boolean {
  const body = /^cron\((.+)\)$/.exec(expression.trim())?.[1];
  if (!body) throw new Error(`Not a cron expression: ${expression}`);
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`A cron expression has 6 fields: ${expression}`);
  const [minute, hour, day, month, weekday, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const t = wallClock(instant, timeZone);
  return (
    fieldMatches(minute, t.minute, 0, 59) &&
    fieldMatches(hour, t.hour, 0, 23) &&
    fieldMatches(day, t.day, 1, 31) &&
    fieldMatches(month, t.month, 1, 12, MONTH_NAMES) &&
    fieldMatches(weekday, t.weekday, 1, 7, DAY_NAMES) &&
    fieldMatches(year, t.year, 1970, 2199)
  );
}

/** The period of a `rate(...)` expression in milliseconds, or null for a cron expression. */
export function rateMillis(expression: string): number | null {
  const match = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (!match) return null;
  const unit = match[2]?.startsWith("minute")
    ? 60_000
    : match[2]?.startsWith("hour")
      ? 3_600_000
      : 86_400_000;
  return Number(match[1]) * unit;
}

export interface LocalSchedule {
  name: string;
  expression: string;
  timeZone: string;
  fire: (at: Date) => Promise<void>;
}

/**
 * Checks every schedule at the start of each minute and fires those whose moment it is. A fire that
 * fails is logged; the handlers are idempotent, so the next run repairs what one missed.
 */
export function startScheduler(
  schedules: LocalSchedule[],
  now: () => Date = () => new Date(),
): { stop(): void } {
  const started = now().getTime();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const at = now();
    const minuteStart = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    for (const schedule of schedules) {
      const rate = rateMillis(schedule.expression);
      const due =
        rate !== null
          ? Math.floor((minuteStart.getTime() - started) / 60_000) %
              Math.max(1, Math.round(rate / 60_000)) ===
            0
          : cronMatches(schedule.expression, minuteStart, schedule.timeZone);
      if (due) {
        schedule.fire(minuteStart).catch((error) => console.error(`schedule ${schedule.name} failed`, error));
      }
    }
    const next = 60_000 - (now().getTime() % 60_000);
    timer = setTimeout(tick, next);
  };
  timer = setTimeout(tick, 60_000 - (now().getTime() % 60_000));
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
