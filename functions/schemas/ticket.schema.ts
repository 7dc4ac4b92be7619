import * as z from "zod/mini";
import { ALERT_TYPES } from "../../domain/alert.js";
import { PRIORITIES } from "../../domain/sla-terms.js";
import { TICKET_STATUSES } from "../../domain/ticket.js";
import { idSchema, monthSchema, pageQuerySchema } from "./common.schema.js";

/** An instant: ISO-8601 with `Z` or an offset (`2026-11-27T05:28:17Z`). */
export const instantSchema = z.iso.datetime({ offset: true });

export const openTicketSchema = z.strictObject({
  contractId: idSchema,
  priority: z.enum(PRIORITIES),
  subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** Staff only: when the request reached the provider; not in the future. */
  receivedAt: z.optional(instantSchema),
  description: z.optional(z.string().check(z.maxLength(20_000))),
  contact: z.optional(
    z.strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      email: z.optional(z.email().check(z.maxLength(320))),
      phone: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))),
    }),
  ),
  externalRef: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});
export type OpenTicket = z.infer<typeof openTicketSchema>;

export const listTicketsQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  status: z.optional(z.enum(TICKET_STATUSES)),
});

/** `POST /tickets/{id}/events`: one event of the timeline (`opened` is the ticket itself). */
export const ticketEventSchema = z.strictObject({
  type: z.enum(["responded", "pending", "resumed", "resolved", "reopened", "note"]),
  /** Staff only: when it happened; not in the future, not before the previous event. */
  at: z.optional(instantSchema),
  message: z.optional(z.string().check(z.maxLength(20_000))),
  /** Only a note may be internal (hidden from the customer); staff only. */
  internal: z.optional(z.boolean()),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/** `GET /tickets`: the queue across customers, soonest deadline first. */
export const ticketQueueQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  status: z.optional(z.enum(TICKET_STATUSES)),
  customerId: z.optional(idSchema),
  priority: z.optional(z.enum(PRIORITIES)),
});

export const listAlertsQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  customerId: z.optional(idSchema),
  type: z.optional(z.enum(ALERT_TYPES)),
  since: z.optional(instantSchema),
});

export const slaReportQuerySchema = z.strictObject({ month: z.optional(monthSchema) });
