import { invoiceStatus } from "../../domain/invoice.js";
import type { StoredInvoice } from "../../domain/repositories.js";
import type { InvoiceStepOutcome } from "../../domain/use-cases/invoices.js";

/** An invoice or credit note as the API answers it (each field listed on purpose). */
export function invoiceView(stored: StoredInvoice) {
  const i = stored.invoice;
  return {
    id: i.id,
    number: i.number,
    typeCode: i.typeCode,
    status: invoiceStatus(stored),
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    servicePeriod: i.servicePeriod,
    currency: i.currency,
    customerId: i.buyer.customerId,
    seller: { legalName: i.seller.legalName, vatId: i.seller.vatId, taxNumber: i.seller.taxNumber },
    buyer: {
      legalName: i.buyer.legalName,
      address: i.buyer.address,
      email: i.buyer.email,
      vatId: i.buyer.vatId,
      vatTreatment: i.buyer.vatTreatment,
    },
    buyerReference: i.buyerReference,
    lines: i.lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unitCode,
      unitPriceCents: l.unitPriceCents,
      priceBaseQuantity: l.priceBaseQuantity,
      netCents: l.netCents,
      vatCategory: l.vatCategory,
      vatRatePercent: l.vatRatePercent,
      contractId: l.contractId,
    })),
    vatBreakdown: i.vatBreakdown.map((b) => ({
      category: b.category,
      ratePercent: b.ratePercent,
      basisCents: b.basisCents,
      taxCents: b.taxCents,
    })),
    totals: i.totals,
    creditedCents: stored.creditedCents,
    notes: i.notes,
    paymentTerms: i.paymentTerms,
    precedingInvoice: i.precedingInvoice,
    source: i.source,
  };
}

/**
 * What became of the invoice a write could issue: `issued` (with its id and number), or why not
 * (`not_configured`: no provider settings yet, `no_billing`, `zero`, `waiting`).
 */
export function invoicingView(step: InvoiceStepOutcome) {
  if (step.outcome === "issued" || step.outcome === "exists") {
    return { status: "issued" as const, invoiceId: step.invoice.id, number: step.invoice.number };
  }
  return { status: step.outcome };
}
