import * as z from "zod/mini";
import { CATEGORIES } from "../../domain/contract.js";
import { NAMED_WINDOWS, PRIORITIES } from "../../domain/sla-terms.js";
import {
  centsSchema,
  dateSchema,
  idSchema,
  MAX_QUOTA_MINUTES,
  minutesSchema,
  monthSchema,
  timezoneSchema,
} from "./common.schema.js";
import { holidayRegionSchema } from "./holiday-region.schema.js";
import { invoicingResponseSchema } from "./invoice.schema.js";

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
  /** In-window minutes to resolution per priority (SPEC §8); default P1 480, P2 1,440, P3 2,880, P4 4,800. */
  resolutionMinutes: z.optional(
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
  monthlyQuotaMinutes: z.int().check(z.minimum(0), z.maximum(MAX_QUOTA_MINUTES)),
  startMonth: monthSchema,
  endMonth: z.optional(z.nullable(monthSchema)),
  feeCentsPerMonth: z.optional(centsSchema),
  fallbackContractId: z.optional(z.nullable(idSchema)),
});

export const createPrepaidContractSchema = z.strictObject({
  ...common,
  kind: z.literal("prepaid"),
  monthlyBasisMinutes: z.int().check(z.minimum(1), z.maximum(MAX_QUOTA_MINUTES)),
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
  monthlyQuotaMinutes: z.int().check(z.minimum(0), z.maximum(MAX_QUOTA_MINUTES)),
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

/* Response schemas */

const slaTermsResponseSchema = z.strictObject({
  window: z.union([
    z.enum(NAMED_WINDOWS),
    z.array(z.strictObject({ days: z.array(z.int()), from: z.string(), to: z.string() })),
  ]),
  timezone: z.string(),
  holidays: z.nullable(z.string()),
  responseMinutes: z.strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, z.int()])) as Record<
      (typeof PRIORITIES)[number],
      z.ZodMiniInt
    >,
  ),
  resolutionMinutes: z.optional(
    z.strictObject(
      Object.fromEntries(PRIORITIES.map((p) => [p, z.int()])) as Record<
        (typeof PRIORITIES)[number],
        z.ZodMiniInt
      >,
    ),
  ),
  warnAtPercent: z.int(),
  dedicatedContacts: z.array(z.string()),
});

const contractCommonResponse = {
  id: z.string(),
  customerId: z.string(),
  status: z.enum(["active", "ended", "expired"]),
  categories: z.array(z.enum(CATEGORIES)),
  billingIncrementMinutes: z.int(),
  overage: z.strictObject({ policy: z.enum(["block", "bill"]), rateCentsPerHour: z.int() }),
  sla: slaTermsResponseSchema,
  closedThroughMonth: z.nullable(z.string()),
  createdAt: z.string(),
};

export const monthlyContractResponseSchema = z.strictObject({
  ...contractCommonResponse,
  kind: z.literal("monthly"),
  startMonth: z.string(),
  endMonth: z.nullable(z.string()),
  quotaSchedule: z.array(z.strictObject({ effectiveMonth: z.string(), monthlyQuotaMinutes: z.int() })),
  feeCentsPerMonth: z.int(),
  fallbackContractId: z.nullable(z.string()),
});

export const prepaidContractResponseSchema = z.strictObject({
  ...contractCommonResponse,
  kind: z.literal("prepaid"),
  monthlyBasisMinutes: z.int(),
  termYears: z.union([z.literal(1), z.literal(3)]),
  startDate: z.string(),
  endDate: z.string(),
  priceCents: z.int(),
});

export const contractResponseSchema = z.discriminatedUnion("kind", [
  monthlyContractResponseSchema,
  prepaidContractResponseSchema,
]);
export type ContractResponse = z.infer<typeof contractResponseSchema>;

export const monthBalanceResponseSchema = z.strictObject({
  month: z.string(),
  status: z.enum(["open", "closed"]),
  quotaMinutes: z.int(),
  usedMinutes: z.int(),
  remainingMinutes: z.int(),
  fromPoolMinutes: z.int(),
  overageMinutes: z.int(),
  expiredMinutes: z.int(),
  forecast: z.strictObject({
    projectedUsedMinutes: z.int(),
    projectedExpiringMinutes: z.int(),
    projectedOverageMinutes: z.int(),
  }),
});

export const poolBalanceResponseSchema = z.strictObject({
  status: z.enum(["active", "ended", "expired"]),
  totalMinutes: z.int(),
  usedMinutes: z.int(),
  remainingMinutes: z.int(),
  overageMinutes: z.int(),
  expiredMinutes: z.int(),
  termStart: z.string(),
  termEnd: z.string(),
  forecast: z.strictObject({
    burnMinutesPerMonth: z.int(),
    exhaustsOn: z.nullable(z.string()),
    expiringMinutesAtTermEnd: z.int(),
  }),
});

/** A month's balance (monthly quota) or a pool's (prepaid). */
export const balanceResponseSchema = z.union([monthBalanceResponseSchema, poolBalanceResponseSchema]);
export type BalanceResponse = z.infer<typeof balanceResponseSchema>;

/** A contract with its current balance: the contract's fields and `balance`. */
export const contractWithBalanceResponseSchema = z.union([
  z.strictObject({ ...monthlyContractResponseSchema.shape, balance: balanceResponseSchema }),
  z.strictObject({ ...prepaidContractResponseSchema.shape, balance: balanceResponseSchema }),
]);
export type ContractWithBalanceResponse = z.infer<typeof contractWithBalanceResponseSchema>;

export const contractListResponseSchema = z.strictObject({ items: z.array(contractResponseSchema) });

export const topUpResponseSchema = z.strictObject({
  id: z.string(),
  contractId: z.string(),
  minutes: z.int(),
  note: z.nullable(z.string()),
  at: z.string(),
  totalMinutes: z.int(),
});
export type TopUpResponse = z.infer<typeof topUpResponseSchema>;

/** A top-up as made: with what its price did (the invoice it issued, or why none). */
export const topUpMadeResponseSchema = z.strictObject({
  ...topUpResponseSchema.shape,
  invoicing: invoicingResponseSchema,
});

/** A contract as created: with what its price did (a prepaid pool is invoiced at creation). */
export const contractCreatedResponseSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...monthlyContractResponseSchema.shape, invoicing: invoicingResponseSchema }),
  z.strictObject({ ...prepaidContractResponseSchema.shape, invoicing: invoicingResponseSchema }),
]);
