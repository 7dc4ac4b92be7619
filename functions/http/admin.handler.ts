import { IdempotencyStore } from "../../adapters/dynamodb/idempotency-store.js";
import { InvoiceStore } from "../../adapters/dynamodb/invoice-store.js";
import { MonthCloseStore } from "../../adapters/dynamodb/month-close-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { closeJobQueueOf } from "../shared/queues.js";
import { adminRoutes } from "./admin.routes.js";

/** Composition root of the admin function: the active contracts, idempotency records, the close queue. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler("admin", adminRoutes, {
    ...portsWith(config, given, {
      monthClose: new MonthCloseStore(table),
      idempotency: new IdempotencyStore(table),
      invoices: new InvoiceStore(table),
    }),
    closeJobs: closeJobQueueOf(config),
  });
}

export const handler = compose(readConfig());
