import { DomainError } from "./errors.js";

/**
 * A credit note that would credit more than the invoice has left to credit (its grand total less the
 * credit notes already issued for it). SPEC §7: an invoice can be credited at most to its full amount.
 */
export class CreditExceedsInvoiceError extends DomainError {
  readonly code = "credit_exceeds_invoice";
}
