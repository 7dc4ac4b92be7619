import * as z from "zod/mini";
import { isTimeZone } from "../calendar.js";
import { CATEGORIES } from "../contract.js";
import { PRIORITIES } from "../sla-terms.js";

/**
 * The parts of Zammad's trigger webhook KoAd reads: the default payload `{ticket, article}` built by
 * TriggerWebhookJob::RecordPayload (app/jobs/trigger_webhook_job/record_payload*.rb). Objects are not
 * strict: Zammad sends many more fields (and the instance's custom objects), all ignored.
 */

const instant = z.iso.datetime({ offset: true });

/** Associations Zammad resolves to a name (`"open"`) or, in custom payloads, an object (`{name}`). */
const named = z.union([z.string(), z.object({ name: z.string() })]);

/** Zammad serialises its decimal(6,2) columns as strings (`"15.0"`); floats appear too. */
const decimal = z.union([
  z.number().check(z.refine(Number.isFinite, "must be a finite number")),
  z.string().check(z.regex(/^-?\d+(?:\.\d+)?$/, "must be a decimal number")),
]);

/** A user as RecordPayload::Base resolves one (`{}` when the ticket has none). */
const person = z.object({
  id: z.optional(z.number()),
  login: z.optional(z.nullable(z.string())),
  firstname: z.optional(z.nullable(z.string())),
  lastname: z.optional(z.nullable(z.string())),
  email: z.optional(z.nullable(z.string())),
  phone: z.optional(z.nullable(z.string())),
  mobile: z.optional(z.nullable(z.string())),
});

const organization = z.object({
  id: z.optional(z.number()),
  name: z.optional(z.string()),
});

/**
 * A ticket_time_accounting record as Zammad's REST API shows it (GET /api/v1/tickets/{id}/time_accountings),
 * with the type's name when the sender resolved it. The default trigger payload lists only the ids
 * (`ticket_time_accounting_ids`); see zammad.ts for how both are read.
 */
export const zammadTimeAccountingSchema = z.object({
  id: z.number(),
  ticket_id: z.optional(z.number()),
  ticket_article_id: z.optional(z.nullable(z.number())),
  time_unit: decimal,
  type_id: z.optional(z.nullable(z.number())),
  type: z.optional(z.nullable(named)),
  created_at: z.optional(instant),
});
export type ZammadTimeAccounting = z.infer<typeof zammadTimeAccountingSchema>;

export const zammadTicketSchema = z.object({
  id: z.number(),
  number: z.union([z.string().check(z.minLength(1), z.maxLength(100)), z.number()]),
  title: z.string(),
  state: z.optional(named),
  state_id: z.optional(z.number()),
  priority: z.optional(z.union([z.string(), z.object({ id: z.optional(z.number()), name: z.string() })])),
  priority_id: z.optional(z.number()),
  organization: z.optional(z.nullable(z.union([z.string(), organization]))),
  organization_id: z.optional(z.nullable(z.number())),
  customer: z.optional(z.nullable(person)),
  owner: z.optional(z.nullable(person)),
  created_at: instant,
  updated_at: instant,
  /** The ticket's total accounted time (Ticket::TimeAccounting.update_ticket keeps it). */
  time_unit: z.optional(z.nullable(decimal)),
  /** The ticket's articles, oldest first; the first is the request. */
  article_ids: z.optional(z.array(z.number())),
  ticket_time_accounting_ids: z.optional(z.array(z.number())),
  /** `[]` in the default payload when there are none; records when the sender adds them. */
  ticket_time_accounting: z.optional(z.array(zammadTimeAccountingSchema)),
});
export type ZammadTicket = z.infer<typeof zammadTicketSchema>;

/** An article; the job sends `{}` when the trigger ran without one. */
export const zammadArticleSchema = z.object({
  id: z.optional(z.number()),
  ticket_id: z.optional(z.number()),
  sender: z.optional(named),
  type: z.optional(named),
  internal: z.optional(z.boolean()),
  subject: z.optional(z.nullable(z.string())),
  body: z.optional(z.nullable(z.string())),
  content_type: z.optional(z.nullable(z.string())),
  from: z.optional(z.nullable(z.string())),
  created_at: z.optional(instant),
  /** The time of the entry booked with this article (RecordPayload::Ticket::Article#add_accounted_time). */
  accounted_time: z.optional(z.nullable(decimal)),
  /** The same, as newer Zammad versions also put it (Ticket::Article#add_time_unit_to_attributes). */
  time_unit: z.optional(z.nullable(decimal)),
});
export type ZammadArticle = z.infer<typeof zammadArticleSchema>;

export const zammadDeliverySchema = z.object({
  ticket: zammadTicketSchema,
  article: z.optional(z.nullable(zammadArticleSchema)),
});
export type ZammadDelivery = z.infer<typeof zammadDeliverySchema>;

/** The `mapping` of `POST /integrations` `{kind: "zammad"}`; defaults are filled in by `resolveMapping`. */
const idLike = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/));
const koadState = z.enum(["open", "pending", "resolved"]);

export const zammadMappingSchema = z.strictObject({
  organizations: z
    .array(
      z
        .strictObject({
          zammadOrganizationId: z.optional(z.int().check(z.minimum(1))),
          name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(250))),
          customerId: idLike,
          contractId: idLike,
        })
        .check(
          z.refine(
            (entry) => entry.zammadOrganizationId !== undefined || entry.name !== undefined,
            "needs zammadOrganizationId or name",
          ),
        ),
    )
    .check(z.minLength(1), z.maxLength(1000)),
  priorities: z.optional(z.record(z.string().check(z.maxLength(250)), z.enum(PRIORITIES))),
  defaultPriority: z.optional(z.enum(PRIORITIES)),
  states: z.optional(z.record(z.string().check(z.maxLength(250)), koadState)),
  timeAccountingTypes: z.optional(z.record(z.string().check(z.maxLength(250)), z.enum(CATEGORIES))),
  defaultCategory: z.optional(z.enum(CATEGORIES)),
  timeUnit: z.optional(z.enum(["minutes", "quarter-hours", "hours"])),
  timezone: z.optional(z.string().check(z.refine((value) => isTimeZone(value), "must be an IANA time zone"))),
});
export type ZammadMapping = z.infer<typeof zammadMappingSchema>;
