import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Store } from "../repositories.js";
import { DynamoAlertStore } from "./alert-store.js";
import { BookingContexts } from "./booking-contexts.js";
import { ContractStore } from "./contract-store.js";
import { CustomerStore } from "./customer-store.js";
import { IdempotencyStore } from "./idempotency-store.js";
import { LedgerStore } from "./ledger-store.js";
import { MonthCloseStore } from "./month-close-store.js";
import { storeOf } from "./store-of.js";
import { DynamoTicketStore } from "./ticket-store.js";

export interface DynamoStoreOptions {
  /** "now" in epoch seconds, for idempotency lifetimes (a clock port in tests). */
  nowSeconds?: () => number;
}

/**
 * Every repository on the one table, as one `Store`: for tests, the local runtime and whatever needs
 * everything. A Lambda function builds only the repository stores its handlers use (functions/shared),
 * so its bundle carries only those. The stores of one `dynamoStore` share one booking-context cache:
 * a quota change, a top-up or a close drops what the ledger cached for the contract.
 */
export function dynamoStore(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: DynamoStoreOptions = {},
): Store {
  const table = { doc, name: tableName };
  const contexts = new BookingContexts();
  const clock = options.nowSeconds ? { nowSeconds: options.nowSeconds } : {};
  return storeOf(
    new CustomerStore(table),
    new ContractStore(table, contexts),
    new LedgerStore(table, contexts, clock),
    new MonthCloseStore(table, contexts),
    {
      idempotency: new IdempotencyStore(table, clock),
      tickets: new DynamoTicketStore(doc, tableName),
      alerts: new DynamoAlertStore(doc, tableName),
    },
  );
}
