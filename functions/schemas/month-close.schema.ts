import * as z from "zod/mini";
import { idSchema, monthSchema } from "./common.schema.js";

/** `POST /admin/month-close`: the month to close (it must have ended). */
export const monthCloseSchema = z.strictObject({ month: monthSchema });
export type MonthCloseRequest = z.infer<typeof monthCloseSchema>;

/** The body of a message on the month close queue: one contract-month to close. */
export const closeJobSchema = z.strictObject({ contractId: idSchema, month: monthSchema });
export type CloseJobMessage = z.infer<typeof closeJobSchema>;

/** The month in `GET /customers/{customerId}/statements/{month}`. */
export const statementMonthSchema = z.strictObject({ month: monthSchema });
