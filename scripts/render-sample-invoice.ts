/**
 * Writes docs/sample-invoice.pdf (Factur-X) and docs/sample-invoice.xml (XRechnung 3.0) from the test
 * fixtures: `npx tsx scripts/render-sample-invoice.ts`. Both are reproducible (fixed dates).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderInvoicePdf } from "../adapters/pdf/invoice-pdf.js";
import { renderCiiInvoice } from "../adapters/xml/cii-invoice.js";
import { anIssuedMonthInvoice } from "../test/support/invoice-fixtures.js";

const docs = join(import.meta.dirname, "..", "docs");
const invoice = anIssuedMonthInvoice();
writeFileSync(join(docs, "sample-invoice.pdf"), await renderInvoicePdf(invoice));
writeFileSync(join(docs, "sample-invoice.xml"), renderCiiInvoice(invoice, "xrechnung"));
console.log(`wrote ${invoice.number} to docs/sample-invoice.pdf and docs/sample-invoice.xml`);
