import type { Alert } from "./alert.js";
import type { Booking, Reversal } from "./booking.js";
import type { Month } from "./calendar.js";
import type { Contract } from "./contract.js";
import type { Customer } from "./customer.js";
import type { Invoice, InvoiceSource, IssuedInvoice, ProviderSettings } from "./invoice.js";
import type { BookingContext, LedgerChange, PeriodUsage, PoolUsage } from "./ledger.js";
import type { Priority } from "./sla-terms.js";
import type { ClosedMonthFigures, MonthClosePlan } from "./statement.js";
import type { SlaWatchEntry, Ticket, TicketStatus } from "./ticket.js";

/**
 * The ports the use cases need from storage. The DynamoDB adapter (adapters/dynamodb) implements
 * them; the core never imports it. A function's store is a record of the repositories its use cases
 * name (`Pick<Store, "contracts" | "ledger">`), built by the function's composition root.
 */

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/** A stored response to replay for a retried request with the same `Idempotency-Key`. */
export interface IdempotentResponse {
  statusCode: number;
  body: unknown;
}

/** Claims an `Idempotency-Key` in the same write as the effect it protects. */
export interface IdempotencyClaim {
  /** The key, already scoped to the caller. */
  key: string;
  /** Hash of what was asked (method, path, body); the same key with another fingerprint is a conflict. */
  fingerprint: string;
  response: IdempotentResponse;
}

export interface CustomerRepository {
  /** Stores a new customer; false when that id exists already (a retried creation). */
  putCustomer(customer: Customer): Promise<boolean>;
  getCustomer(id: string): Promise<Customer | null>;
  listCustomers(page: PageRequest): Promise<Page<Customer>>;
}

/** Looking contracts up: all that most functions need of them. */
export interface ContractReads {
  getContract(id: string): Promise<Contract | null>;
  listContractsOfCustomer(customerId: string): Promise<Contract[]>;
}

export interface ContractRepository extends ContractReads {
  /** Writes a contract, and for a prepaid contract its pool, together; false when the id exists already. */
  createContract(contract: Contract, pool: PoolUsage | null): Promise<boolean>;
  /**
   * Replaces `previous` with `next` (whose `version` is one more), if the contract is still at
   * `previous.version`; `stale` when it moved. When the change alters what bookings may draw (the
   * quota of a month, the end month), the store makes sure no booking planned under the old terms
   * commits afterwards, in any month that can still be booked, and refuses the change with
   * `QuotaBelowUsageError` when a month already used more than the new terms allow.
   */
  updateContract(previous: Contract, next: Contract): Promise<"written" | "stale">;
  /** Adds minutes to a pool and records the top-up, once per top-up id. */
  addTopUp(topUp: TopUp): Promise<PoolUsage>;
}

export interface TopUp {
  id: string;
  contractId: string;
  minutes: number;
  note: string | null;
  at: string;
  by: string;
}

/** What became of a ledger write. */
export type LedgerWriteOutcome =
  | { outcome: "written" }
  /**
   * Something the plan was based on changed since its context was read (a concurrent booking, a
   * quota change, a close): nothing was written. The next `bookingContext` reflects the change.
   */
  | { outcome: "stale" }
  /** The idempotency key was already used; this is what it stored. */
  | { outcome: "replayed"; fingerprint: string; response: IdempotentResponse }
  /** The booking names a ticket that is not a ticket of its contract. */
  | { outcome: "unknown_ticket" };

export interface LedgerRepository {
  /**
   * What a booking on `contractId` in `month` depends on. It may be what this instance saw after its
   * own last write: a commit against a context that is no longer current is refused as `stale`, so a
   * plan never commits against outdated figures.
   */
  bookingContext(contractId: string, month: Month): Promise<BookingContext | null>;
  /** The same, read from the store now: what a refusal must be decided on. */
  currentBookingContext(contractId: string, month: Month): Promise<BookingContext | null>;
  /**
   * Writes a booking with its ledger change (and alerts) atomically, only if everything in its context
   * is still exactly as read (so the balance after it is exactly `change`); `stale` otherwise.
   */
  commitBooking(write: {
    context: BookingContext;
    booking: Booking;
    change: LedgerChange;
    alerts: Alert[];
    idempotency: IdempotencyClaim | null;
  }): Promise<LedgerWriteOutcome>;
  /** Marks a booking reversed and gives its parts back, only if its context is still exactly as read. */
  commitReversal(write: {
    context: BookingContext;
    booking: Booking;
    reversal: Reversal;
    change: Pick<LedgerChange, "period" | "pool">;
  }): Promise<LedgerWriteOutcome>;
  getBooking(contractId: string, bookingId: string): Promise<Booking | null>;
  /** Bookings of a month, newest first. */
  listBookings(contractId: string, month: Month, page: PageRequest): Promise<Page<Booking>>;
}

/** The usage a balance or a notice reads: a month of a monthly quota, a prepaid pool. */
export interface UsageRepository {
  getPeriod(contractId: string, month: Month): Promise<PeriodUsage | null>;
  getPool(contractId: string): Promise<PoolUsage | null>;
}

export interface IdempotencyRepository {
  /** The stored record for `key`, if one is still within its lifetime. */
  find(key: string): Promise<{ fingerprint: string; response: IdempotentResponse | null } | null>;
  /**
   * Claims `key` before a multi-step effect; false when someone holds it. A claim whose request died
   * (older than the function timeout, never completed) can be claimed again: the effect then runs
   * again with the same identifiers and finds itself already done.
   */
  begin(key: string, fingerprint: string): Promise<boolean>;
  complete(key: string, fingerprint: string, response: IdempotentResponse): Promise<void>;
  /** Releases a claim whose request failed, so a retry can run. */
  release(key: string): Promise<void>;
}

/** Storing alerts: all that a function raising them needs. */
export interface AlertWrites {
  /** Stores an alert once per cause; false when that cause already has its alert. */
  saveAlert(alert: Alert): Promise<boolean>;
}

export interface AlertRepository extends AlertWrites {
  /** Alerts newest first; of one customer, or of all when `customerId` is absent. */
  listAlerts(query: {
    customerId?: string | undefined;
    type?: string | undefined;
    since?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<Alert>>;
  /** Stored alerts not yet published whose publish-after moment is at or before `now` (the outbox). */
  unpublishedAlerts(now: string, limit: number): Promise<Alert[]>;
  /** Takes alerts out of the outbox after they were published (one request for all of them). */
  markAlertsPublished(alerts: Alert[], at: string): Promise<void>;
}

/** What a check of the SLA watch did. */
export type SlaCheckOutcome =
  /** The alerts were stored and the ticket's watch moved on, in one write. */
  | "raised"
  /**
   * The ticket was answered, or its watch has moved past this stage: what a repeated sweep, a
   * redelivered message or a slower concurrent consumer finds.
   */
  | "not_watched"
  /** An alert of this cause exists although the watch had not moved on (a safety net; not expected). */
  | "already_raised";

export interface TicketRepository {
  /** Stores a new ticket; it carries its first watch entry, so it is watched from this write on. */
  /**
   * Stores a new ticket with its watch entry; false when that id exists already (a retried request).
   * With `receivedMonth` (the billing month it was received in) the write fails with
   * `PeriodClosedError` when that month is closed system-wide, atomically with the close's start.
   */
  createTicket(ticket: Ticket, guard?: { receivedMonth: Month }): Promise<boolean>;
  getTicket(id: string): Promise<Ticket | null>;
  /** Tickets of a contract, newest received first. */
  listTicketsOfContract(
    customerId: string,
    contractId: string,
    query: { status?: TicketStatus | undefined } & PageRequest,
  ): Promise<Page<Ticket>>;
  /** Tickets of a contract received in `[from, to)` (ISO instants). */
  ticketsReceivedBetween(customerId: string, contractId: string, from: string, to: string): Promise<Ticket[]>;
  /**
   * Replaces a ticket after an event or a check, on the condition that its version is still
   * `expectedVersion` (0: stored by v1, no version); false when someone wrote it since it was read.
   * Its watch entry and queue position go with it.
   */
  saveTicket(ticket: Ticket, expectedVersion: number): Promise<boolean>;
  /** The queue across customers: soonest running deadline first, then the tickets without one. */
  listTicketQueue(query: {
    status?: TicketStatus | undefined;
    customerId?: string | undefined;
    priority?: Priority | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<Ticket>>;
  /**
   * The watch entries due at `now`. Reads only due entries, however many tickets are watched; `read`
   * counts the items DynamoDB read for it.
   */
  dueWatchEntries(now: string, limit: number): Promise<{ entries: SlaWatchEntry[]; read: number }>;
  /**
   * Stores the alerts of a check together with the ticket as it is after them (their marks, its next
   * watch moment), in one write conditional on the ticket's version: an alert exists at most once per
   * cause, and a ticket that changed since the check read it gets no alert from that reading
   * ("not_watched"). The alerts enter the outbox from `publishAfter` on.
   */
  commitSlaAlerts(write: {
    ticket: Ticket;
    expectedVersion: number;
    alerts: Alert[];
    publishAfter: string;
  }): Promise<SlaCheckOutcome>;
}

/** One start of a month close (the admin route or the schedule). */
export interface MonthCloseRun {
  month: Month;
  startedAt: string;
  enqueuedJobs: number;
}

/** The system-wide close: the last month closed (nothing may land in it or before), and the runs. */
export interface MonthCloseStatus {
  closedThrough: Month | null;
  runs: MonthCloseRun[];
}

/** What a contract-month's close (and its statement preview) reads. */
export interface MonthState {
  contract: Contract;
  /** monthly: the month's usage, null when nothing was booked. */
  period: PeriodUsage | null;
  /** prepaid: the contract's pool. */
  pool: PoolUsage | null;
}

export interface MonthCloseRepository {
  /** Contracts whose status is `active` (the ones a close or a notice may concern), a page at a time. */
  listActiveContracts(page: PageRequest): Promise<Page<Contract>>;
  /** The contract with the month's usage (monthly) or its pool (prepaid), read consistently. */
  loadMonthState(contractId: string, month: Month): Promise<MonthState | null>;
  /**
   * Every booking of the contract dated in `month` (any status), read consistently: a statement's
   * booking list and totals, also once the month is closed (then they no longer change).
   */
  listMonthBookings(contractId: string, month: Month): Promise<Booking[]>;
  /**
   * Closes a contract-month: the contract (closed through the month, version bumped), the period or
   * pool, the statement's frozen figures and the alert, all or nothing. `stale` when the contract, the
   * month's usage or the pool changed since they were read (or a concurrent close won): read again
   * and re-plan.
   */
  commitMonthClose(plan: MonthClosePlan): Promise<"written" | "stale">;
  /** The system-wide close status (`closedThrough` null before the first close). */
  getMonthCloseStatus(): Promise<MonthCloseStatus>;
  /**
   * Moves `closedThrough` to `month` when it is later (it never moves backwards), before any close
   * job is sent: from then on no contract, ticket or booking may land in that month or earlier.
   */
  advanceClosedThrough(month: Month): Promise<void>;
  /** Records a start of the close (kept for the status). */
  recordMonthCloseRun(run: MonthCloseRun): Promise<void>;
  /** The figures the close froze (closed months only); absent ones are left out. */
  getClosedMonthFigures(wanted: { contractId: string; month: Month }[]): Promise<ClosedMonthFigures[]>;
}

/** An issued invoice as stored: final, with what its credit notes took off it so far. */
export interface StoredInvoice {
  invoice: IssuedInvoice;
  /** Grand total of the credit notes issued for it (0 for a credit note itself). */
  creditedCents: number;
}

/** What became of an issue. */
export type IssueOutcome =
  /** Numbered and stored now, with its alert, in one transaction. */
  | { outcome: "issued"; invoice: IssuedInvoice }
  /** Its source was invoiced before (a retried, repeated or concurrent issue): that invoice. */
  | { outcome: "exists"; invoice: IssuedInvoice };

export interface InvoiceQuery {
  customerId?: string | undefined;
  /** Issue dates from/to, both included (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  status?: "issued" | "credited" | "partially_credited" | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface InvoiceRepository {
  getProviderSettings(): Promise<ProviderSettings | null>;
  putProviderSettings(settings: ProviderSettings): Promise<void>;
  /**
   * Issues a draft on `issueDate`: allocates the next number of that calendar year and stores the
   * invoice, the counter, the invoice's source marker and the alert `alertOf` makes, in one transaction.
   * So a number is used once and none is skipped, and a source (a customer-month, a pool, a top-up) is
   * invoiced once: a second issue for it finds the first (`exists`).
   */
  issueInvoice(
    draft: Invoice,
    issueDate: string,
    alertOf: (invoice: IssuedInvoice) => Alert,
  ): Promise<IssueOutcome>;
  /**
   * Issues a credit note for `invoiceId` like `issueInvoice`, and adds its grand total to the invoice's
   * credited cents in the same transaction, only if they are still `creditedCentsSeen`; `stale` when a
   * concurrent credit note moved them (read again and decide again).
   */
  issueCreditNote(
    draft: Invoice,
    issueDate: string,
    alertOf: (invoice: IssuedInvoice) => Alert,
    credited: { invoiceId: string; creditedCentsSeen: number },
  ): Promise<IssueOutcome | { outcome: "stale" }>;
  getInvoice(id: string): Promise<StoredInvoice | null>;
  /** The invoice of a source, if it was issued. */
  invoiceOfSource(source: InvoiceSource): Promise<StoredInvoice | null>;
  /** Invoices newest issue date first; of one customer, or of all. */
  listInvoices(query: InvoiceQuery): Promise<Page<StoredInvoice>>;
}

/**
 * Every repository, by name. Each use case asks only for the repositories it uses
 * (`UseCaseDeps<Pick<Store, "contracts" | "usage">>`), so a function's composition root builds only
 * those; a whole `Store` (tests, the local runtime) satisfies every use case.
 */
export interface Store {
  customers: CustomerRepository;
  contracts: ContractRepository;
  usage: UsageRepository;
  ledger: LedgerRepository;
  monthClose: MonthCloseRepository;
  idempotency: IdempotencyRepository;
  tickets: TicketRepository;
  alerts: AlertRepository;
  invoices: InvoiceRepository;
}
