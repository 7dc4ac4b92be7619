import * as z from "zod/mini";
import { PRIORITIES } from "../../domain/sla-terms.js";
import { WATCH_STAGES } from "../../domain/ticket.js";
import { SLA_TARGETS } from "../../domain/ticket-sla.js";

/** A watch entry as it travels on the ticket queue. */
const watchEntrySchema = z.object({
  ticketId: z.string(),
  /** Absent on messages queued by v1: those are about the response. */
  target: z.optional(z.enum(SLA_TARGETS)),
  customerId: z.string(),
  contractId: z.string(),
  priority: z.enum(PRIORITIES),
  receivedAt: z.string(),
  warnAt: z.string(),
  responseDueAt: z.string(),
  stage: z.enum(WATCH_STAGES),
  dueAt: z.string(),
});

/** The messages of the ticket queue: `ticket.opened` from the API, `sla.check` from the sweep. */
export const ticketMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ticket.opened"), entry: watchEntrySchema }),
  z.object({ type: z.literal("sla.check"), entry: watchEntrySchema }),
]);
export type TicketMessage = z.infer<typeof ticketMessageSchema>;
