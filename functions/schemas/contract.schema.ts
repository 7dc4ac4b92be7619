import * as z from "zod/mini";
import { CATEGORIES } from "../../domain/contract.js";
import { NAMED_WINDOWS, PRIORITIES } from "../../domain/sla-terms.js";
import {
  centsSchema,
  dateSchema,
  idSchema,
  minutesSchema,
  monthSchema,
  timezoneSchema,
} from "./common.schema.js";
import { holidayRegionSchema } from "./holiday-region.schema.js";

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be HH:MM"));

export const weeklySpanSchema = z.strictObject({
  days: z.array(z.int().check(z.minimum(1), z.maximum(7))).check(z.minLength(1), z.maxLength(7)),
  from: hhmm,
  to: hhmm,
});

export const slaSchema = z.strictObject({
  window: z.optional(
    z.union([z.enum(NAMED_WINDOWS), z.array(weeklySpanSchema).check(z.minLength(1), z.maxLength(21))]),
  ),
  timezone: z.optional(timezoneSchema),
  holidays: z.optional(z.nullable(holidayRegionSchema)),
  responseMinutes: z.optional(
    z.strictObject(
      Object.fromEntries(
        PRIORITIES.map((p) => [p, z.int().check(z.minimum(1), z.maximum(525_600))]),
      ) as Record<(typeof PRIORITIES)[number], z.ZodMiniInt>,
    ),
  ),
  warnAtPercent: z.optional(z.int().check(z.minimum(1), z.maximum(99))),
  dedicatedContacts: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(50)),
  ),
});

const common = {
  customerId: idSchema,
  categories: z.optional(z.array(z.enum(CATEGORIES)).check(z.minLength(1), z.maxLength(4))),
  billingIncrementMinutes: z.optional(z.int().check(z.minimum(1), z.maximum(240))),
  overage: z.optional(
    z.strictObject({ policy: z.enum(["block", "bill"]), rateCentsPerHour: z.optional(centsSchema) }),
  ),
  sla: z.optional(slaSchema),
};

export const createMonthlyContractSchema = z.strictObject({
  ...common,
  kind: z.literal("monthly"),
  monthlyQuotaMinutes: z.int().check(z.minimum(0), z.maximum(44_640)),
  startMonth: monthSchema,
  endMonth: z.optional(z.nullable(monthSchema)),
  feeCentsPerMonth: z.optional(centsSchema),
  fallbackContractId: z.optional(z.nullable(idSchema)),
});

export const createPrepaidContractSchema = z.strictObject({
  ...common,
  kind: z.literal("prepaid"),
  monthlyBasisMinutes: z.int().check(z.minimum(1), z.maximum(44_640)),
  termYears: z.union([z.literal(1), z.literal(3)]),
  startDate: dateSchema,
  priceCents: z.optional(centsSchema),
});

export const createContractSchema = z.discriminatedUnion("kind", [
  createMonthlyContractSchema,
  createPrepaidContractSchema,
]);
export type CreateContract = z.infer<typeof createContractSchema>;

export const changeQuotaSchema = z.strictObject({
  monthlyQuotaMinutes: z.int().check(z.minimum(0), z.maximum(44_640)),
  effectiveMonth: monthSchema,
});
export type ChangeQuota = z.infer<typeof changeQuotaSchema>;

export const topUpSchema = z.strictObject({
  minutes: minutesSchema,
  note: z.optional(z.string().check(z.maxLength(500))),
  /** What the top-up costs; invoiced when it is made (nothing for 0 or absent). */
  priceCents: z.optional(centsSchema),
});
export type TopUpRequest = z.infer<typeof topUpSchema>;

export const balanceQuerySchema = z.strictObject({ month: z.optional(monthSchema) });
