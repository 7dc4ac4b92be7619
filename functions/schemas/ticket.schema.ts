import * as z from "zod/mini";
import { ALERT_TYPES } from "../../domain/alert.js";
import { PRIORITIES } from "../../domain/sla-terms.js";
import { TICKET_STATUSES } from "../../domain/ticket.js";
import { TIMELINE_EVENT_TYPES } from "../../domain/ticket-timeline.js";
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

/* Response schemas */

/** One target's clock as of the answer (SPEC §8): in-window minutes, due and warning moments. */
const clockResponseSchema = z.strictObject({
  state: z.enum(["running", "paused", "done"]),
  targetMinutes: z.int(),
  consumedMinutes: z.int(),
  dueAt: z.nullable(z.string()),
  warnAt: z.nullable(z.string()),
  metAt: z.nullable(z.string()),
  met: z.nullable(z.boolean()),
  breached: z.boolean(),
});

/** One event of a ticket's timeline, as its reader may see it. */
export const timelineEventResponseSchema = z.strictObject({
  id: z.string(),
  type: z.enum(TIMELINE_EVENT_TYPES),
  at: z.string(),
  by: z.string(),
  message: z.optional(z.string()),
  internal: z.optional(z.literal(true)),
});

export const ticketResponseSchema = z.strictObject({
  id: z.string(),
  contractId: z.string(),
  customerId: z.string(),
  priority: z.enum(PRIORITIES),
  subject: z.string(),
  description: z.optional(z.string()),
  contact: z.optional(
    z.strictObject({ name: z.string(), email: z.optional(z.string()), phone: z.optional(z.string()) }),
  ),
  externalRef: z.optional(z.string()),
  status: z.enum(TICKET_STATUSES),
  receivedAt: z.string(),
  /** Null while the ticket is pending (the clock is paused). */
  responseDueAt: z.nullable(z.string()),
  warnAt: z.nullable(z.string()),
  responseWarnAt: z.nullable(z.string()),
  resolutionDueAt: z.nullable(z.string()),
  resolutionWarnAt: z.nullable(z.string()),
  pausedSince: z.nullable(z.string()),
  /** Present once the ticket was answered. */
  respondedAt: z.optional(z.string()),
  slaMet: z.optional(z.nullable(z.boolean())),
  responseMinutes: z.optional(z.nullable(z.int())),
  breached: z.boolean(),
  sla: z.strictObject({ response: clockResponseSchema, resolution: clockResponseSchema }),
  timeline: z.array(timelineEventResponseSchema),
  allowedEvents: z.array(z.enum(TIMELINE_EVENT_TYPES)),
  createdAt: z.string(),
});
export type TicketResponse = z.infer<typeof ticketResponseSchema>;

export const ticketPageResponseSchema = pageResponseSchema(ticketResponseSchema);

export const firstResponseResponseSchema = z.strictObject({
  ticketId: z.string(),
  respondedAt: z.nullable(z.string()),
  slaMet: z.nullable(z.boolean()),
  responseMinutes: z.nullable(z.int()),
  responseDueAt: z.nullable(z.string()),
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

/** How one target was kept: met, breached, still open, met % (null while nothing is decided). */
const targetFiguresSchema = z.strictObject({
  met: z.int(),
  breached: z.int(),
  open: z.int(),
  metPercent: z.nullable(z.number()),
});

/** v1's first-response figures, with both targets' and the pending minutes beside them. */
const monthFiguresShape = {
  ...slaFiguresShape,
  response: targetFiguresSchema,
  resolution: targetFiguresSchema,
  pendingMinutes: z.int(),
};

/** How the SLAs were kept in a month: the figures, and the same by priority. */
export const slaFiguresResponseSchema = z.strictObject({
  month: z.string(),
  ...monthFiguresShape,
  byPriority: z.strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, z.strictObject(monthFiguresShape)])) as Record<
      (typeof PRIORITIES)[number],
      z.ZodMiniObject<typeof monthFiguresShape>
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
