import { renderInvoicePdf } from "../../adapters/pdf/invoice-pdf.js";
import { renderCiiInvoice } from "../../adapters/xml/cii-invoice.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { getInvoice } from "../../domain/use-cases/invoices.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { invoiceView } from "./invoice-views.js";
import { pathId } from "./params.js";

/**
 * The documents function: an invoice as JSON, XRechnung XML or ZUGFeRD PDF. It alone bundles the PDF
 * and XML renderers (pdfkit, fonts, xmlbuilder2), so no other function's bundle or cold start grows.
 */
export type DocumentsPorts = UseCaseDeps<StoreOf<"invoices">>;

/** The format an `Accept` header asks for, JSON unless XML or PDF is named (with q > 0). */
export function documentFormat(accept: string | undefined): "json" | "xml" | "pdf" {
  for (const part of (accept ?? "").split(",")) {
    const [type, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (type === "application/pdf") return "pdf";
    if (type === "application/xml" || type === "text/xml") return "xml";
    if (type === "application/json") return "json";
  }
  return "json";
}

export const documentRoutes: GroupRoutes<"documents", DocumentsPorts> = {
  "GET /invoices/{invoiceId}": async (request, ports) => {
    const stored = await getInvoice(ports, actorOf(request), pathId(request, "invoiceId"));
    const format = documentFormat(request.headers.accept);
    const file = `${stored.invoice.number}.${format}`;
    if (format === "xml") {
      return {
        statusCode: 200,
        body: renderCiiInvoice(stored.invoice, "xrechnung"),
        headers: {
          "content-type": "application/xml; charset=utf-8",
          "content-disposition": `attachment; filename="${file}"`,
        },
      };
    }
    if (format === "pdf") {
      return {
        statusCode: 200,
        body: await renderInvoicePdf(stored.invoice),
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename="${file}"`,
        },
      };
    }
    return { statusCode: 200, body: invoiceView(stored) };
  },
};
