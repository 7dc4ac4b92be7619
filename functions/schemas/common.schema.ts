import * as z from "zod/mini";
import { isTimeZone } from "../../domain/calendar.js";

/** Shared pieces of the request schemas. Each schema also feeds the OpenAPI document. */
export const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM"));
export const dateSchema = z.iso.date();
export const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/));
export const timezoneSchema = z.string().check(
  z.maxLength(64),
  z.refine((value) => isTimeZone(value), "must be an IANA time zone"),
);
/** A holiday region code such as `DE` or `DE-BY`. */
export const holidayRegionSchema = z
  .string()
  .check(z.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "must be like DE or DE-BY"));
export const centsSchema = z.int().check(z.minimum(0), z.maximum(1_000_000_000_00));
export const minutesSchema = z.int().check(z.minimum(1), z.maximum(10_000_000));

export const pageQuerySchema = z.strictObject({
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|1\d\d|200)$/, "must be 1 to 200"))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
