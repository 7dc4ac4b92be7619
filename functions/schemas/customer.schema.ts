import * as z from "zod/mini";
import { holidayRegionSchema, timezoneSchema } from "./common.schema.js";

export const createCustomerSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  timezone: z.optional(timezoneSchema),
  holidays: z.optional(z.nullable(holidayRegionSchema)),
});
export type CreateCustomer = z.infer<typeof createCustomerSchema>;
