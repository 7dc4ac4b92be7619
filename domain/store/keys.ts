import type { Month } from "../calendar.js";

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
 * | (SLA watch) entries due by moment       | byDueAt    | gsi3pk DUE#<shard>          gsi3sk <ISO moment>#<ticketId>   |
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
  /** Booking ids start with `bk-<month>_`, so a month's bookings share this sort-key prefix. */
  bookingsOfMonth: (contractId: string, month: Month) => ({
    pk: `CONTRACT#${contractId}`,
    skPrefix: `BOOKING#bk-${month}_`,
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
};
