import * as z from "zod/mini";
import { ALERT_TYPES } from "../../domain/alert.js";
import { PRIORITIES } from "../../domain/sla-terms.js";
import { TICKET_STATUSES } from "../../domain/ticket.js";
import {
  idSchema,
  instantSchema,
  monthSchema,
  pageQuerySchema,
  pageResponseSchema,
} from "./common.schema.js";

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

/* Response schemas */

export const ticketResponseSchema = z.strictObject({
  id: z.string(),
  contractId: z.string(),
  customerId: z.string(),
  priority: z.enum(PRIORITIES),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  receivedAt: z.string(),
  responseDueAt: z.string(),
  warnAt: z.string(),
  /** Present once the ticket was answered. */
  respondedAt: z.optional(z.string()),
  slaMet: z.optional(z.nullable(z.boolean())),
  responseMinutes: z.optional(z.nullable(z.int())),
  breached: z.boolean(),
  createdAt: z.string(),
});
export type TicketResponse = z.infer<typeof ticketResponseSchema>;

export const ticketPageResponseSchema = pageResponseSchema(ticketResponseSchema);

export const firstResponseResponseSchema = z.strictObject({
  ticketId: z.string(),
  respondedAt: z.nullable(z.string()),
  slaMet: z.nullable(z.boolean()),
  responseMinutes: z.nullable(z.int()),
  responseDueAt: z.string(),
});
export type FirstResponseResponse = z.infer<typeof firstResponseResponseSchema>;

export const alertResponseSchema = z.strictObject({
  id: z.string(),
  type: z.enum(ALERT_TYPES),
  customerId: z.string(),
  contractId: z.string(),
  ticketId: z.optional(z.string()),
  month: z.optional(z.string()),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AlertResponse = z.infer<typeof alertResponseSchema>;

export const alertPageResponseSchema = pageResponseSchema(alertResponseSchema);

const slaFiguresShape = {
  tickets: z.int(),
  met: z.int(),
  breached: z.int(),
  open: z.int(),
  /** In percent with one decimal; null while nothing is decided. */
  compliancePercent: z.nullable(z.number()),
  medianResponseMinutes: z.nullable(z.int()),
};

/** How the SLAs were kept in a month: the figures, and the same by priority. */
export const slaFiguresResponseSchema = z.strictObject({
  month: z.string(),
  ...slaFiguresShape,
  byPriority: z.strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, z.strictObject(slaFiguresShape)])) as Record<
      (typeof PRIORITIES)[number],
      z.ZodMiniObject<typeof slaFiguresShape>
    >,
  ),
});

export const slaReportResponseSchema = z.strictObject({
  customerId: z.string(),
  ...slaFiguresResponseSchema.shape,
});
export type SlaReportResponse = z.infer<typeof slaReportResponseSchema>;

export const slaSweepResponseSchema = z.strictObject({
  sweptAt: z.string(),
  due: z.int(),
  notQueued: z.int(),
  read: z.int(),
  published: z.int(),
  publishFailed: z.int(),
});
export type SlaSweepResponse = z.infer<typeof slaSweepResponseSchema>;
