import * as z from "zod/mini";
import { isTimeZone } from "../../domain/calendar.js";

/** Shared pieces of the request schemas. Each schema also feeds the OpenAPI document. */

/** The years the product takes dates in (SPEC §5): holidays and calendars are computed for them. */
export const FIRST_DAY = "2000-01-01";
export const LAST_DAY = "2099-12-31";
const inRange = (day: string) => day >= FIRST_DAY && day <= LAST_DAY;
const RANGE = `must be from ${FIRST_DAY} to ${LAST_DAY}`;

export const monthSchema = z.string().check(
  z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM"),
  z.refine(
    (month) => inRange(`${month}-01`),
    `must be from ${FIRST_DAY.slice(0, 7)} to ${LAST_DAY.slice(0, 7)}`,
  ),
);
export const dateSchema = z.iso.date().check(z.refine(inRange, RANGE));
/** An instant with its offset; the UTC day it names is in the product's range. */
export const instantSchema = z.iso.datetime({ offset: true }).check(
  // zod runs this check also when the format check failed: an unparsable instant is left to that one.
  z.refine((instant) => {
    const at = new Date(instant);
    return Number.isNaN(at.getTime()) || inRange(at.toISOString().slice(0, 10));
  }, RANGE),
);
export const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/));
export const timezoneSchema = z.string().check(
  z.maxLength(64),
  z.refine((value) => isTimeZone(value), "must be an IANA time zone"),
);
export const centsSchema = z.int().check(z.minimum(0), z.maximum(1_000_000_000_00));
/** A monthly quota, a pool's basis or a top-up may be this large (several technicians for one customer). */
export const MAX_QUOTA_MINUTES = 1_000_000;
export const minutesSchema = z.int().check(z.minimum(1), z.maximum(MAX_QUOTA_MINUTES));

const LIMIT_MESSAGE = "must be an integer from 1 to 200";
/** A page size in a query string: the text is read as a number, so the document types it as an integer. */
export const limitSchema = z.coerce
  .number({ error: LIMIT_MESSAGE })
  .check(z.int({ error: LIMIT_MESSAGE }), z.minimum(1, LIMIT_MESSAGE), z.maximum(200, LIMIT_MESSAGE));

export const pageQuerySchema = z.strictObject({
  limit: z.optional(limitSchema),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/* Response schemas: the views are typed by them (`z.infer`) and the OpenAPI document is built from them. */

/** A list page: the items and, when there are more, the cursor of the next page. */
export function pageResponseSchema<T extends z.ZodMiniType>(item: T) {
  return z.strictObject({ items: z.array(item), cursor: z.optional(z.string()) });
}

/** The error body of every refusal; `codes` narrows `code` to the codes one status can carry. */
export function errorResponseSchema(codes: readonly [string, ...string[]]) {
  return z.strictObject({
    error: z.strictObject({
      code: z.enum(codes),
      message: z.string(),
      details: z.optional(z.record(z.string(), z.unknown())),
    }),
  });
}
export type ErrorResponse = z.infer<ReturnType<typeof errorResponseSchema>>;

export const healthResponseSchema = z.strictObject({ status: z.literal("ok") });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** The OpenAPI document itself: an object (its shape is OpenAPI 3.1's, not restated here). */
export const openApiResponseSchema = z.looseObject({ openapi: z.string() });
