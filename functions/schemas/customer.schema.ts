import * as z from "zod/mini";
import { pageResponseSchema, timezoneSchema } from "./common.schema.js";
import { holidayRegionSchema } from "./holiday-region.schema.js";

export const createCustomerSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  timezone: z.optional(timezoneSchema),
  holidays: z.optional(z.nullable(holidayRegionSchema)),
});
export type CreateCustomer = z.infer<typeof createCustomerSchema>;

export const customerResponseSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  holidays: z.nullable(z.string()),
  createdAt: z.string(),
});
export type CustomerResponse = z.infer<typeof customerResponseSchema>;

export const customerPageResponseSchema = pageResponseSchema(customerResponseSchema);
