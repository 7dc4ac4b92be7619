import { bookingIdPrefix, monthOfBookingId } from "../../domain/booking.js";
import type { Month } from "../../domain/calendar.js";

/**
 * Every key of the single table is built here, from named access patterns. Segments are labelled
 * (`CONTRACT#<id>`) so an item's key says what it is.
 *
 * | access pattern                          | index      | key                                                         |
 * |-----------------------------------------|------------|-------------------------------------------------------------|
 * | customer by id                          | table      | pk CUSTOMER#<id>            sk CUSTOMER                      |
 * | all customers, by name                  | byType     | gsi2pk TYPE#customer        gsi2sk <name>#<id>               |
 * | contract by id                          | table      | pk CONTRACT#<id>            sk CONTRACT                      |
 * | contracts of a customer                 | byCustomer | gsi1pk CUSTOMER#<id>        gsi1sk CONTRACT#<id>             |
 * | all contracts (month close starter)     | byType     | gsi2pk TYPE#contract        gsi2sk <contractId>              |
 * | a month of a monthly quota              | table      | pk CONTRACT#<id>            sk PERIOD#<YYYY-MM>              |
 * | the pool of a prepaid contract          | table      | pk CONTRACT#<id>            sk POOL                          |
 * | a booking by id                         | table      | pk CONTRACT#<id>            sk BOOKING#<bookingId>           |
 * | bookings of a month, newest first       | table      | pk CONTRACT#<id>            sk begins_with BOOKING#bk-<month> |
 * | top-ups of a pool                       | table      | pk CONTRACT#<id>            sk TOPUP#<topUpId>               |
 * | statement of a contract-month           | table      | pk CONTRACT#<id>            sk STATEMENT#<YYYY-MM>           |
 * | statements of a customer, by month      | byCustomer | gsi1pk CUSTOMER#<id>        gsi1sk STATEMENT#<month>#<contractId> |
 * | alert by cause (stored once per cause)  | table      | pk ALERT#<cause>            sk ALERT                         |
 * | alerts of a customer, newest first      | byCustomer | gsi1pk CUSTOMER#<id>        gsi1sk ALERT#<at>#<id>           |
 * | all alerts, newest first                | byType     | gsi2pk TYPE#alert           gsi2sk <at>#<id>                 |
 * | idempotency record                      | table      | pk IDEMPOTENCY#<scoped key> sk IDEMPOTENCY                   |
 * | ticket by id                            | table      | pk TICKET#<id>              sk TICKET                        |
 * | tickets of a contract, by receipt       | byCustomer | gsi1pk CUSTOMER#<id>        gsi1sk TICKET#<contractId>#<receivedAt>#<ticketId> |
 * | SLA watch: tickets due by moment        | byDueAt    | gsi3pk DUE#sla#<shard 0-3>  gsi3sk <ISO moment>#<ticketId>#<stage> |
 * | ticket queue: by open-ness, soonest due | byType     | gsi2pk TICKETS#<open|resolved> gsi2sk <dueAt or ~>#<ticketId> |
 * | alert outbox: unpublished, by moment    | byDueAt    | gsi3pk DUE#alert-outbox     gsi3sk <publish-after>#<alertId> |
 * | month close status (closedThrough, runs) | table     | pk SYSTEM#month-close       sk SYSTEM                        |
 * | provider settings (one item)            | table      | pk SETTINGS#provider        sk SETTINGS                      |
 * | invoice by id                           | table      | pk INVOICE#<id>             sk INVOICE                       |
 * | invoices of a customer, by issue date   | byCustomer | gsi1pk CUSTOMER#<id>        gsi1sk INVOICE#<issueDate>#<id>  |
 * | all invoices, by issue date             | byType     | gsi2pk TYPE#invoice         gsi2sk <issueDate>#<id>          |
 * | the invoice of a source (issued once)   | table      | pk INVOICE-OF#<source>      sk INVOICE-OF                    |
 * | last invoice number of a year           | table      | pk INVOICE-NUMBER#<year>    sk INVOICE-NUMBER                |
 *
 * The SLA watch is the ticket item itself: while a ticket is open its gsi3 attributes name its next
 * moment (warning, then breach), so a sweep that queries `gsi3sk <= now` in each shard reads only
 * the tickets that are due, and answering a ticket removes it from the index. The shards spread the
 * index's writes; the sweep reads all of them. An alert carries its outbox entry from the write that
 * stores it until it has been published.
 */
export const ATTR = {
  pk: "pk",
  sk: "sk",
  gsi1pk: "gsi1pk",
  gsi1sk: "gsi1sk",
  gsi2pk: "gsi2pk",
  gsi2sk: "gsi2sk",
  gsi3pk: "gsi3pk",
  gsi3sk: "gsi3sk",
  /** Epoch seconds; DynamoDB TTL deletes the item some time after. */
  expiresAt: "expiresAt",
} as const;

export const INDEX = {
  byCustomer: { name: "byCustomer", pk: ATTR.gsi1pk, sk: ATTR.gsi1sk },
  byType: { name: "byType", pk: ATTR.gsi2pk, sk: ATTR.gsi2sk },
  byDueAt: { name: "byDueAt", pk: ATTR.gsi3pk, sk: ATTR.gsi3sk },
} as const;

export interface Key {
  pk: string;
  sk: string;
}

export const keys = {
  customer: (id: string): Key => ({ pk: `CUSTOMER#${id}`, sk: "CUSTOMER" }),
  customersByName: (name: string, id: string) => ({
    gsi2pk: "TYPE#customer",
    gsi2sk: `${name.toLowerCase()}#${id}`,
  }),
  allCustomers: () => ({ gsi2pk: "TYPE#customer" }),

  contract: (id: string): Key => ({ pk: `CONTRACT#${id}`, sk: "CONTRACT" }),
  contractOfCustomer: (customerId: string, contractId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1sk: `CONTRACT#${contractId}`,
  }),
  contractsOfCustomer: (customerId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1skPrefix: "CONTRACT#",
  }),
  allContracts: (contractId: string) => ({ gsi2pk: "TYPE#contract", gsi2sk: contractId }),
  allContractsPartition: () => ({ gsi2pk: "TYPE#contract" }),

  period: (contractId: string, month: Month): Key => ({
    pk: `CONTRACT#${contractId}`,
    sk: `PERIOD#${month}`,
  }),
  pool: (contractId: string): Key => ({ pk: `CONTRACT#${contractId}`, sk: "POOL" }),
  booking: (contractId: string, bookingId: string): Key => ({
    pk: `CONTRACT#${contractId}`,
    sk: `BOOKING#${bookingId}`,
  }),
  /** What a booking's key says: its contract, its id and (from the id) its month. */
  bookingOfKey: (key: Key): { contractId: string; id: string; month: Month } => {
    const id = key.sk.slice("BOOKING#".length);
    return { contractId: key.pk.slice("CONTRACT#".length), id, month: monthOfBookingId(id) };
  },
  /** A month's bookings share this sort-key prefix (`bookingIdPrefix`). */
  bookingsOfMonth: (contractId: string, month: Month) => ({
    pk: `CONTRACT#${contractId}`,
    skPrefix: `BOOKING#${bookingIdPrefix(month)}_`,
  }),
  topUp: (contractId: string, topUpId: string): Key => ({
    pk: `CONTRACT#${contractId}`,
    sk: `TOPUP#${topUpId}`,
  }),

  /** Written once, by the transaction that closes the month. */
  statement: (contractId: string, month: Month): Key => ({
    pk: `CONTRACT#${contractId}`,
    sk: `STATEMENT#${month}`,
  }),
  statementOfCustomer: (customerId: string, month: Month, contractId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1sk: `STATEMENT#${month}#${contractId}`,
  }),
  /** A customer's closed statements, by month (e.g. the dashboard's history). */
  statementsOfCustomer: (customerId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1skPrefix: "STATEMENT#",
  }),

  alert: (cause: string): Key => ({ pk: `ALERT#${cause}`, sk: "ALERT" }),
  alertOfCustomer: (customerId: string, at: string, alertId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1sk: `ALERT#${at}#${alertId}`,
  }),
  alertsOfCustomer: (customerId: string) => ({ gsi1pk: `CUSTOMER#${customerId}`, gsi1skPrefix: "ALERT#" }),
  allAlerts: (at: string, alertId: string) => ({ gsi2pk: "TYPE#alert", gsi2sk: `${at}#${alertId}` }),

  idempotency: (scopedKey: string): Key => ({ pk: `IDEMPOTENCY#${scopedKey}`, sk: "IDEMPOTENCY" }),

  ticket: (id: string): Key => ({ pk: `TICKET#${id}`, sk: "TICKET" }),
  ticketOfContract: (customerId: string, contractId: string, receivedAt: string, ticketId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1sk: `TICKET#${contractId}#${receivedAt}#${ticketId}`,
  }),
  ticketsOfContract: (customerId: string, contractId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1skPrefix: `TICKET#${contractId}#`,
  }),
  slaWatch: (ticketId: string, at: string, stage: string) => ({
    gsi3pk: `DUE#sla#${slaWatchShard(ticketId)}`,
    gsi3sk: `${at}#${ticketId}#${stage}`,
  }),
  /** `~` sorts after every instant: tickets without a running deadline come last. */
  ticketInQueue: (openness: "open" | "resolved", dueAt: string | null, ticketId: string) => ({
    gsi2pk: `TICKETS#${openness}`,
    gsi2sk: `${dueAt ?? "~"}#${ticketId}`,
  }),
  ticketQueue: (openness: "open" | "resolved") => ({ gsi2pk: `TICKETS#${openness}` }),
  slaWatchShards: (): string[] => Array.from({ length: SLA_WATCH_SHARDS }, (_, i) => `DUE#sla#${i}`),
  alertOutbox: (publishAfter: string, alertId: string) => ({
    gsi3pk: "DUE#alert-outbox",
    gsi3sk: `${publishAfter}#${alertId}`,
  }),
  alertOutboxPartition: () => "DUE#alert-outbox",

  /** The system-wide month close: `closedThrough` and the runs; guards every write into a month. */
  monthCloseStatus: (): Key => ({ pk: "SYSTEM#month-close", sk: "SYSTEM" }),
  providerSettings: (): Key => ({ pk: "SETTINGS#provider", sk: "SETTINGS" }),
  invoice: (id: string): Key => ({ pk: `INVOICE#${id}`, sk: "INVOICE" }),
  invoiceOfCustomer: (customerId: string, issueDate: string, invoiceId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1sk: `INVOICE#${issueDate}#${invoiceId}`,
  }),
  invoicesOfCustomer: (customerId: string) => ({
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1skPrefix: "INVOICE#",
  }),
  allInvoices: (issueDate: string, invoiceId: string) => ({
    gsi2pk: "TYPE#invoice",
    gsi2sk: `${issueDate}#${invoiceId}`,
  }),
  allInvoicesPartition: () => ({ gsi2pk: "TYPE#invoice" }),
  /** The natural key of what an invoice bills: `<customer>#<month>`, `pool#<contract>`, `topup#<id>`. */
  invoiceOfSource: (source: string): Key => ({ pk: `INVOICE-OF#${source}`, sk: "INVOICE-OF" }),
  invoiceNumber: (year: number): Key => ({ pk: `INVOICE-NUMBER#${year}`, sk: "INVOICE-NUMBER" }),
};

/** Partitions of the SLA watch index: writes spread over them, the sweep queries each. */
export const SLA_WATCH_SHARDS = 4;

/** A stable shard of a ticket id (FNV-1a). */
export function slaWatchShard(ticketId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ticketId.length; i++) {
    hash ^= ticketId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SLA_WATCH_SHARDS;
}
