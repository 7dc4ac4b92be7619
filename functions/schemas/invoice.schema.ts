import * as z from "zod/mini";
import { centsSchema, dateSchema, idSchema, pageQuerySchema, pageResponseSchema } from "./common.schema.js";

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const postalAddressSchema = z.strictObject({
  street: text(200),
  postcode: text(20),
  city: text(100),
  countryCode: z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")),
});

/** `PUT /settings/provider`: the provider's invoicing settings (defaults: `RE-`, 14 days, 19 %). */
export const providerSettingsSchema = z.strictObject({
  legalName: text(200),
  address: postalAddressSchema,
  vatId: z.nullable(z.string().check(z.regex(/^[A-Z]{2}[A-Za-z0-9]{2,13}$/, "must be a VAT ID"))),
  taxNumber: z.nullable(text(30)),
  contact: z.strictObject({ name: text(200), phone: text(50), email: z.email() }),
  bank: z.strictObject({
    iban: z.string().check(z.regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, "must be an IBAN without spaces")),
    bic: z.nullable(z.string().check(z.regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, "must be a BIC"))),
    holder: text(200),
  }),
  invoiceNumberPrefix: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9-]{0,10}$/, "at most 10 letters, digits, -")),
  ),
  paymentTermsDays: z.optional(z.int().check(z.minimum(0), z.maximum(365))),
  vatRatePercent: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
});
export type ProviderSettingsRequest = z.infer<typeof providerSettingsSchema>;

/** `POST /invoices/{invoiceId}/credit-note`: the reason, and the lines (default: the whole invoice). */
export const creditNoteSchema = z.strictObject({
  reason: text(500),
  lines: z.optional(
    z
      .array(
        z.strictObject({
          invoiceLineId: z.string().check(z.regex(/^\d{1,4}$/, "must be a line id")),
          netCents: z.optional(centsSchema),
          description: z.optional(text(300)),
        }),
      )
      .check(z.minLength(1), z.maxLength(100)),
  ),
});
export type CreditNoteRequest = z.infer<typeof creditNoteSchema>;

/** `GET /invoices?customerId=&from=&to=&status=`. */
export const invoiceListQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  customerId: z.optional(idSchema),
  from: z.optional(dateSchema),
  to: z.optional(dateSchema),
  status: z.optional(z.enum(["issued", "credited", "partially_credited"])),
});

/* Response schemas */

/**
 * An invoice or credit note as the API answers it (functions/http/invoice-views.ts). Its parties and
 * lines are declared as objects, not field by field yet: the e-invoice formats (XML, PDF) are the
 * documents a client reads in full.
 */
export const invoiceResponseSchema = z.looseObject({
  id: z.string(),
  number: z.nullable(z.string()),
  typeCode: z.union([z.literal(380), z.literal(381)]),
  status: z.string(),
  issueDate: z.nullable(z.string()),
  dueDate: z.nullable(z.string()),
  currency: z.literal("EUR"),
  customerId: z.string(),
});
export const invoicePageResponseSchema = pageResponseSchema(invoiceResponseSchema);

/** The provider's settings as stored (SPEC §7), with their defaults applied. */
export const providerSettingsResponseSchema = z.looseObject({
  legalName: z.string(),
  invoiceNumberPrefix: z.string(),
  paymentTermsDays: z.int(),
  vatRatePercent: z.number(),
});

/** What a write that can invoice did about it: the invoice it issued, or why it issued none. */
export const invoicingResponseSchema = z.union([
  z.strictObject({ status: z.literal("issued"), invoiceId: z.string(), number: z.nullable(z.string()) }),
  z.strictObject({ status: z.enum(["not_configured", "no_billing", "zero", "waiting"]) }),
]);

/** The invoice as XRechnung 3.0 CII XML, and as a ZUGFeRD PDF/A-3 (binary). */
export const invoiceXmlResponseSchema = z.string();
export const invoicePdfResponseSchema = z.string();
