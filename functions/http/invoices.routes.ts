import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import {
  creditInvoice,
  getProviderSettings,
  listInvoices,
  putProviderSettings,
} from "../../domain/use-cases/invoices.js";
import {
  creditNoteSchema,
  invoiceListQuerySchema,
  providerSettingsSchema,
} from "../schemas/invoice.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { invoiceView } from "./invoice-views.js";
import { pageOf, pathId } from "./params.js";

/** The invoices function's ports: the invoices and provider settings, idempotency records. */
export type InvoicesPorts = UseCaseDeps<StoreOf<"invoices" | "idempotency">>;

export const invoiceRoutes: GroupRoutes<"invoices", InvoicesPorts> = {
  "GET /settings/provider": async (request, ports) => {
    return { statusCode: 200, body: await getProviderSettings(ports, actorOf(request)) };
  },
  "PUT /settings/provider": async (request, ports) => {
    const input = parseWith(providerSettingsSchema, request.body);
    return { statusCode: 200, body: await putProviderSettings(ports, actorOf(request), input) };
  },
  "GET /invoices": async (request, ports) => {
    const query = parseWith(invoiceListQuerySchema, request.query, "query");
    const page = await listInvoices(ports, actorOf(request), {
      ...pageOf(query),
      customerId: query.customerId,
      from: query.from,
      to: query.to,
      status: query.status,
    });
    return {
      statusCode: 200,
      body: { items: page.items.map(invoiceView), ...(page.cursor ? { cursor: page.cursor } : {}) },
    };
  },
  "POST /invoices/{invoiceId}/credit-note": async (request, ports) => {
    const input = parseWith(creditNoteSchema, request.body);
    const invoiceId = pathId(request, "invoiceId");
    const credit = await creditInvoice(ports, actorOf(request), invoiceId, input);
    return { statusCode: 201, body: invoiceView({ invoice: credit, creditedCents: 0 }) };
  },
};
