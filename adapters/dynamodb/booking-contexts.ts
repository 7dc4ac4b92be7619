import type { BookingContext } from "../../domain/ledger.js";

/** A booking context as the ledger store read or wrote it, with the terms its usage items were written under. */
export interface RememberedContext {
  context: BookingContext;
  /** The contract version the month's usage item was written under (null: no such item). */
  periodTerms: number | null;
  /** The pool owner's contract version the pool item was written under (null: no pool). */
  poolTerms: number | null;
}

/**
 * The booking contexts one ledger store keeps in memory (least recently used go first). An outdated
 * entry costs a refused transaction, never a wrong balance: every commit requires the revisions it
 * was planned on.
 */
export class BookingContexts {
  private readonly entries = new Map<string, RememberedContext>();
  /** The entry each handed-out context belongs to (the commit finds its terms by the context itself). */
  private readonly byContext = new WeakMap<BookingContext, RememberedContext>();
  private readonly size = 1000;

  get(contractId: string, month: string): RememberedContext | undefined {
    return this.entries.get(`${contractId}#${month}`);
  }

  find(context: BookingContext): RememberedContext | undefined {
    return this.byContext.get(context);
  }

  remember(contractId: string, month: string, entry: RememberedContext): void {
    const cacheKey = `${contractId}#${month}`;
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, entry);
    this.byContext.set(entry.context, entry);
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forgetMonth(contractId: string, month: string): void {
    this.entries.delete(`${contractId}#${month}`);
  }
}
