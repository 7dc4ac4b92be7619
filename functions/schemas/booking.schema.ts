import * as z from "zod/mini";
import { CATEGORIES } from "../../domain/contract.js";
import { dateSchema, idSchema, monthSchema } from "./common.schema.js";

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
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|1\d\d|200)$/, "must be 1 to 200"))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/** A reversal may say why; nothing else is taken. */
export const reversalSchema = z.strictObject({
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});
export type ReversalInput = z.infer<typeof reversalSchema>;
