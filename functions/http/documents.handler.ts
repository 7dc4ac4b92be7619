import { InvoiceStore } from "../../adapters/dynamodb/invoice-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { documentRoutes } from "./documents.routes.js";

/** Composition root of the documents function (the PDF and XML renderings): the invoices. */
export function compose(config: Config, given: Provided = {}) {
  return httpHandler(
    "documents",
    documentRoutes,
    portsWith(config, given, { invoices: new InvoiceStore(tableOf(config, given)) }),
  );
}

export const handler = compose(readConfig());
