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
  warnAtPercent: number;
  dedicatedContacts: string[];
}

export const DEFAULT_SLA: SlaTerms = {
  window: "5x8",
  timezone: "Europe/Berlin",
  holidays: "DE",
  responseMinutes: { P1: 60, P2: 240, P3: 480, P4: 960 },
  warnAtPercent: 80,
  dedicatedContacts: [],
};
