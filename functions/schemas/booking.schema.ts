import * as z from "zod/mini";
import { CATEGORIES } from "../../domain/contract.js";
import { dateSchema, idSchema, monthSchema, pageQuerySchema, pageResponseSchema } from "./common.schema.js";
import { balanceResponseSchema } from "./contract.schema.js";

export const createBookingSchema = z.strictObject({
  date: dateSchema,
  /** One day at most; longer work is several bookings. */
  minutes: z.int().check(z.minimum(1), z.maximum(1440)),
  category: z.enum(CATEGORIES),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  ticketId: z.optional(z.nullable(idSchema)),
  technician: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type CreateBooking = z.infer<typeof createBookingSchema>;

export const listBookingsQuerySchema = z.strictObject({
  month: z.optional(monthSchema),
  ...pageQuerySchema.shape,
});

/** A reversal may say why; nothing else is taken. */
export const reversalSchema = z.strictObject({
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});
export type ReversalInput = z.infer<typeof reversalSchema>;

export const bookingResponseSchema = z.strictObject({
  id: z.string(),
  contractId: z.string(),
  customerId: z.string(),
  date: z.string(),
  month: z.string(),
  minutes: z.int(),
  billedMinutes: z.int(),
  fromQuotaMinutes: z.int(),
  fromPoolMinutes: z.int(),
  poolContractId: z.nullable(z.string()),
  overageMinutes: z.int(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  ticketId: z.nullable(z.string()),
  technician: z.string(),
  status: z.enum(["booked", "reversed"]),
  reversal: z.nullable(
    z.strictObject({ id: z.string(), at: z.string(), by: z.string(), reason: z.nullable(z.string()) }),
  ),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type BookingResponse = z.infer<typeof bookingResponseSchema>;

/** A booking (or its reversal) with the contract's balance after it. */
export const bookingWithBalanceResponseSchema = z.strictObject({
  ...bookingResponseSchema.shape,
  balance: balanceResponseSchema,
});
export type BookingWithBalanceResponse = z.infer<typeof bookingWithBalanceResponseSchema>;

export const bookingPageResponseSchema = pageResponseSchema(bookingResponseSchema);
