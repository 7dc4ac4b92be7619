/** The SLA a contract carries. How its windows turn into deadlines lives in sla-calendar.ts. */
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const NAMED_WINDOWS = ["5x8", "5x10", "5x12", "7x24"] as const;
export type NamedWindow = (typeof NAMED_WINDOWS)[number];

/** A weekly span of service hours; days are ISO weekdays (1 = Monday), times `HH:MM` local. */
export interface WeeklySpan {
  days: number[];
  from: string;
  to: string;
}

export type ServiceWindow = NamedWindow | WeeklySpan[];

export interface SlaTerms {
  window: ServiceWindow;
  timezone: string;
  /** A region code of the holiday library (`DE`, `DE-BY`), or null for no holidays. */
  holidays: string | null;
  responseMinutes: Record<Priority, number>;
  /**
   * In-window minutes from receipt to resolution, per priority (SPEC §8). Optional because terms stored
   * before it existed lack it: read it through `resolutionTargetOf`, which falls back to the defaults.
   */
  resolutionMinutes?: Record<Priority, number>;
  warnAtPercent: number;
  dedicatedContacts: string[];
}

/** The resolution targets a contract gets when its SLA names none (P1 one 8-hour day … P4 ten). */
export const DEFAULT_RESOLUTION_MINUTES: Readonly<Record<Priority, number>> = {
  P1: 480,
  P2: 1440,
  P3: 2880,
  P4: 4800,
};

export const DEFAULT_SLA: SlaTerms = {
  window: "5x8",
  timezone: "Europe/Berlin",
  holidays: "DE",
  responseMinutes: { P1: 60, P2: 240, P3: 480, P4: 960 },
  resolutionMinutes: { ...DEFAULT_RESOLUTION_MINUTES },
  warnAtPercent: 80,
  dedicatedContacts: [],
};

/**
 * The resolution target of a priority in in-window minutes. Terms stored before v2 have no
 * `resolutionMinutes`, and a partial object may lack a priority: both fall back to the defaults, so an
 * old contract's tickets get a resolution clock without a migration.
 */
export function resolutionTargetOf(terms: SlaTerms, priority: Priority): number {
  return terms.resolutionMinutes?.[priority] ?? DEFAULT_RESOLUTION_MINUTES[priority];
}
