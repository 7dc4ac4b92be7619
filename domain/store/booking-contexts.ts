import type { BookingContext } from "../ledger.js";

/**
 * The booking contexts a process keeps in memory (least recently used go first). The ledger store
 * reads and fills it; whatever changes a contract's terms (a quota change, a top-up, a close) drops
 * the contract's entries, so stores of one process share one cache. A stale entry costs a retry,
 * never a wrong balance.
 */
export class BookingContexts {
  private readonly entries = new Map<string, BookingContext>();
  private readonly size = 1000;

  get(contractId: string, month: string): BookingContext | undefined {
    return this.entries.get(`${contractId}#${month}`);
  }

  remember(contractId: string, month: string, context: BookingContext): void {
    const cacheKey = `${contractId}#${month}`;
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, context);
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forgetMonth(contractId: string, month: string): void {
    this.entries.delete(`${contractId}#${month}`);
  }

  forgetContract(contractId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${contractId}#`)) this.entries.delete(key);
  }
}
