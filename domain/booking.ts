import type { IsoDate, Month } from "./calendar.js";
import type { Category } from "./contract.js";

/** A time entry: work done on `date`, booked against a contract. Never deleted; a reversal marks it. */
export interface Booking {
  id: string;
  contractId: string;
  customerId: string;
  date: IsoDate;
  month: Month;
  minutes: number;
  billedMinutes: number;
  fromQuotaMinutes: number;
  fromPoolMinutes: number;
  /** The prepaid contract whose pool the booking drew from, if any. */
  poolContractId: string | null;
  overageMinutes: number;
  category: Category;
  description: string;
  ticketId: string | null;
  technician: string;
  createdAt: string;
  createdBy: string;
  status: "booked" | "reversed";
  reversal: Reversal | null;
}

/**
 * The prefix of the ids of a month's bookings: an id is `bk-<month>_<unique>` (see IdGenerator), so a
 * month's bookings sort together and a booking's id says its month.
 */
export function bookingIdPrefix(month: Month): string {
  return `bk-${month}`;
}

/** The month of a booking, read from its id. */
export function monthOfBookingId(id: string): Month {
  return id.slice("bk-".length, "bk-".length + "YYYY-MM".length) as Month;
}

export interface Reversal {
  id: string;
  at: string;
  by: string;
  /** Why it was reversed, as the person who reversed it said. */
  reason: string | null;
}
