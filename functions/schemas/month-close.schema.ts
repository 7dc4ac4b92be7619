import * as z from "zod/mini";
import { CATEGORIES, type Category } from "../../domain/contract.js";
import { idSchema, monthSchema } from "./common.schema.js";
import { slaFiguresResponseSchema } from "./ticket.schema.js";

/** `POST /admin/month-close`: the month to close (it must have ended). */
export const monthCloseSchema = z.strictObject({ month: monthSchema });
export type MonthCloseRequest = z.infer<typeof monthCloseSchema>;

/** The body of a message on the month close queue: one contract-month to close. */
export const closeJobSchema = z.strictObject({ contractId: idSchema, month: monthSchema });
export type CloseJobMessage = z.infer<typeof closeJobSchema>;

/** The month in `GET /customers/{customerId}/statements/{month}`. */
export const statementMonthSchema = z.strictObject({ month: monthSchema });

/* Response schemas */

export const monthCloseResponseSchema = z.strictObject({
  month: z.string(),
  enqueuedJobs: z.int(),
  /** `not_configured`: no provider settings yet, so the close writes statements only (SPEC §7). */
  invoicing: z.enum(["configured", "not_configured"]),
});
export type MonthCloseResponse = z.infer<typeof monthCloseResponseSchema>;

/** The last month closed system-wide, and the close runs, newest first. */
export const monthCloseStatusResponseSchema = z.strictObject({
  closedThrough: z.nullable(monthSchema),
  runs: z.array(z.strictObject({ month: monthSchema, startedAt: z.string(), enqueuedJobs: z.int() })),
});
export type MonthCloseStatusResponse = z.infer<typeof monthCloseStatusResponseSchema>;

const statementBookingResponseSchema = z.strictObject({
  id: z.string(),
  date: z.string(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  ticketId: z.nullable(z.string()),
  technician: z.string(),
  minutes: z.int(),
  billedMinutes: z.int(),
  fromQuotaMinutes: z.int(),
  fromPoolMinutes: z.int(),
  overageMinutes: z.int(),
});

const contractStatementResponseSchema = z.strictObject({
  contractId: z.string(),
  kind: z.enum(["monthly", "prepaid"]),
  status: z.enum(["open", "closed"]),
  quotaMinutes: z.int(),
  usedMinutes: z.int(),
  usedByCategory: z.strictObject(
    Object.fromEntries(CATEGORIES.map((c) => [c, z.int()])) as Record<Category, z.ZodMiniInt>,
  ),
  fromPoolMinutes: z.int(),
  /** prepaid only: what monthly contracts drew from the pool by cascade, and the term. */
  cascadedInMinutes: z.optional(z.int()),
  termStart: z.optional(z.nullable(z.string())),
  termEnd: z.optional(z.nullable(z.string())),
  overageMinutes: z.int(),
  overageCents: z.int(),
  expiredMinutes: z.int(),
  remainingMinutes: z.int(),
  feeCents: z.int(),
  closedAt: z.nullable(z.string()),
  bookingCount: z.int(),
  bookings: z.array(statementBookingResponseSchema),
});

/** A customer's statement of a month as JSON (the CSV form is `text/csv`). */
export const statementResponseSchema = z.strictObject({
  customerId: z.string(),
  month: z.string(),
  status: z.enum(["open", "closed"]),
  totalCents: z.int(),
  contracts: z.array(contractStatementResponseSchema),
  sla: slaFiguresResponseSchema,
});
export type StatementResponse = z.infer<typeof statementResponseSchema>;

/** The statement as CSV (columns: statement-view.ts `CSV_COLUMNS`). */
export const statementCsvResponseSchema = z.string();
