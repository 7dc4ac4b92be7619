import {
  type CustomerBilling,
  type Invoice,
  type InvoiceParties,
  type IssuedInvoice,
  issueInvoice,
  type MonthlyInvoiceContract,
  monthlyInvoiceDraft,
  type ProviderSettings,
  providerSettings,
  topUpInvoiceDraft,
} from "../../domain/invoice.js";
import type { Store } from "../../domain/repositories.js";

/** A German provider with every setting an XRechnung needs. */
export function aProvider(overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return {
    ...providerSettings({
      legalName: "Nordlicht IT-Service GmbH",
      address: { street: "Hafenstraße 12", postcode: "20457", city: "Hamburg", countryCode: "DE" },
      vatId: "DE123456789",
      taxNumber: "22/123/45678",
      contact: { name: "Jana Petersen", phone: "+49 40 1234567", email: "rechnung@nordlicht-it.example" },
      bank: { iban: "DE02120300000000202051", bic: "BYLADEM1001", holder: "Nordlicht IT-Service GmbH" },
    }),
    ...overrides,
  };
}

export function aGermanCustomer(overrides: Partial<CustomerBilling> = {}): CustomerBilling {
  return {
    legalName: "Bäckerei Müller & Söhne KG",
    address: { street: "Lindenallee 3", postcode: "22303", city: "Hamburg", countryCode: "DE" },
    email: "buchhaltung@baeckerei-mueller.example",
    vatId: "DE987654321",
    vatTreatment: "standard",
    ...overrides,
  };
}

/** A business in Austria, invoiced by reverse charge. */
export function anEuCustomer(overrides: Partial<CustomerBilling> = {}): CustomerBilling {
  return {
    legalName: "Alpenblick Hotels GmbH",
    address: { street: "Seestraße 8", postcode: "5020", city: "Salzburg", countryCode: "AT" },
    email: "office@alpenblick.example",
    vatId: "ATU12345678",
    vatTreatment: "reverse_charge",
    language: "en",
    ...overrides,
  };
}

/** A public-sector customer with a Leitweg-ID. */
export function aPublicCustomer(overrides: Partial<CustomerBilling> = {}): CustomerBilling {
  return {
    legalName: "Freie und Hansestadt Hamburg, Bezirksamt Altona",
    address: { street: "Platz der Republik 1", postcode: "22765", city: "Hamburg", countryCode: "DE" },
    email: "e-rechnung@altona.hamburg.example",
    buyerReference: "04011000-12345-67",
    vatTreatment: "standard",
    ...overrides,
  };
}

export function parties(billing: CustomerBilling, overrides: Partial<InvoiceParties> = {}): InvoiceParties {
  return { id: "inv_0001", seller: aProvider(), customerId: "cus_1001", billing, ...overrides };
}

export function aMonthlyContract(overrides: Partial<MonthlyInvoiceContract> = {}): MonthlyInvoiceContract {
  return {
    contractId: "con_m1",
    contractName: "Managed Linux servers",
    kind: "monthly",
    month: "2026-11",
    feeCents: 120_000,
    overageMinutes: 0,
    overageRateCentsPerHour: 9_500,
    overagePolicy: "bill",
    ...overrides,
  };
}

export function aPoolOverage(overrides: Partial<MonthlyInvoiceContract> = {}): MonthlyInvoiceContract {
  return {
    contractId: "con_p1",
    contractName: "Project pool 2026",
    kind: "prepaid",
    month: "2026-11",
    feeCents: 0,
    overageMinutes: 45,
    overageRateCentsPerHour: 11_000,
    overagePolicy: "bill",
    ...overrides,
  };
}

/** A month invoice of two contracts with overage, issued on the 1st of December 2026. */
export function anIssuedMonthInvoice(
  billing: CustomerBilling = aGermanCustomer(),
  number = "RE-2026-00042",
): IssuedInvoice {
  const draft = monthlyInvoiceDraft(parties(billing), {
    month: "2026-11",
    contracts: [
      aMonthlyContract({ overageMinutes: 95 }),
      aMonthlyContract({ contractId: "con_m2", contractName: "Office IT", feeCents: 45_000 }),
      aPoolOverage(),
    ],
  });
  return issueInvoice(required(draft), number, "2026-12-01");
}

export function required(invoice: Invoice | null): Invoice {
  if (invoice === null) throw new Error("expected an invoice, got none");
  return invoice;
}

/**
 * Issues a top-up invoice of `customerId` through the store (setting the provider first): for tests of
 * the invoice routes that need an issued invoice without walking through a close.
 */
export async function seedInvoice(
  store: Pick<Store, "invoices">,
  customerId: string,
  issueDate: string,
): Promise<string> {
  await store.invoices.putProviderSettings(aProvider());
  const n = Math.random().toString(36).slice(2, 10);
  const draft = topUpInvoiceDraft(parties(aGermanCustomer(), { id: `inv_seed_${n}`, customerId }), {
    contractId: "con_seed",
    contractName: "Pool",
    topUpId: `top_seed_${n}`,
    minutes: 600,
    priceCents: 50_000,
    date: issueDate,
    poolEndDate: "2099-01-01",
  });
  if (!draft) throw new Error("no draft");
  const issued = await store.invoices.issueInvoice(draft, issueDate, (invoice) => ({
    id: `alr_seed_${n}`,
    type: "invoice.issued",
    customerId,
    contractId: "",
    at: `${issueDate}T00:00:00Z`,
    details: { invoiceId: invoice.id },
  }));
  return issued.invoice.id;
}
