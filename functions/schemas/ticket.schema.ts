import * as z from "zod/mini";
import { ALERT_TYPES } from "../../domain/alert.js";
import { PRIORITIES } from "../../domain/sla-terms.js";
import { TICKET_STATUSES } from "../../domain/ticket.js";
import { idSchema, instantSchema, monthSchema, pageQuerySchema } from "./common.schema.js";

/** An instant: ISO-8601 with `Z` or an offset (`2026-11-27T05:28:17Z`), 2000 to 2099. */
export { instantSchema };

export const openTicketSchema = z.strictObject({
  contractId: idSchema,
  priority: z.enum(PRIORITIES),
  subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** Staff only: when the request reached the provider; not in the future. */
  receivedAt: z.optional(instantSchema),
});
export type OpenTicket = z.infer<typeof openTicketSchema>;

export const listTicketsQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  status: z.optional(z.enum(TICKET_STATUSES)),
});

export const listAlertsQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  customerId: z.optional(idSchema),
  type: z.optional(z.enum(ALERT_TYPES)),
  since: z.optional(instantSchema),
});

export const slaReportQuerySchema = z.strictObject({ month: z.optional(monthSchema) });
