import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { InvoiceStore } from "../../adapters/dynamodb/invoice-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { invoiceRoutes } from "./invoices.routes.js";

/** Composition root of the invoices function: invoices, provider settings, idempotency records. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler(
    "invoices",
    invoiceRoutes,
    portsWith(config, given, { invoices: new InvoiceStore(table), idempotency: new IdempotencyStore(table) }),
  );
}

export const handler = compose(readConfig());
