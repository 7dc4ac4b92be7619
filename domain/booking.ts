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

export interface Reversal {
  id: string;
  at: string;
  by: string;
}
