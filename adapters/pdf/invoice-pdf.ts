/**
 * The invoice PDF: ZUGFeRD 2.3 / Factur-X EN 16931, a PDF/A-3b a person reads (the blocks of
 * `invoice-layout.ts` placed on A4, DIN 5008 address window) with the CII XML of the Factur-X profile
 * embedded as `factur-x.xml` (AFRelationship Alternative) and declared in the XMP.
 */
import type { IssuedInvoice } from "../../domain/invoice.js";
import { renderCiiInvoice } from "../xml/cii-invoice.js";
import { FACTUR_X_FILE_NAME, facturXXmp } from "./factur-x-xmp.js";
import { type InvoiceLayout, invoiceLayout } from "./invoice-layout.js";
import {
  COLOR,
  CONTENT_WIDTH,
  type Column,
  createPdfA3,
  PAGE,
  pageNumbers,
  rule,
  table,
  textAt,
  toBytes,
} from "./pdf-a3.js";

export interface InvoicePdfOptions {
  /** The PDF's creation date; default: the issue date (00:00 UTC), which keeps the PDF reproducible. */
  createdAt?: Date;
}

/** The invoice (or credit note) as a Factur-X PDF. */
export async function renderInvoicePdf(
  invoice: IssuedInvoice,
  options: InvoicePdfOptions = {},
): Promise<Buffer> {
  const layout = invoiceLayout(invoice);
  const createdAt = options.createdAt ?? new Date(`${invoice.issueDate}T00:00:00Z`);
  const doc = createPdfA3({
    title: layout.title,
    author: invoice.seller.legalName,
    subject: `${layout.title} – ${invoice.buyer.legalName}`,
    lang: layout.language === "de" ? "de-DE" : "en-GB",
    createdAt,
    xmpDescriptions: facturXXmp({ documentType: "INVOICE", conformanceLevel: "EN 16931", version: "1.0" }),
  });

  const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: FACTUR_X_FILE_NAME,
    type: "text/xml",
    description: "Factur-X / ZUGFeRD invoice (EN 16931)",
    creationDate: createdAt,
    modifiedDate: createdAt,
    // ZUGFeRD 2.3 asks for Alternative: the XML and the pages say the same.
    relationship: "Alternative",
  };
  doc.file(Buffer.from(renderCiiInvoice(invoice, "factur-x"), "utf8"), attachment);

  drawInvoice(doc, layout);
  return toBytes(doc);
}

const FOOTER_TOP = PAGE.height - 66;

function drawInvoice(doc: PDFKit.PDFDocument, layout: InvoiceLayout): void {
  // Letterhead, top right.
  const headX = PAGE.left + 280;
  const headWidth = CONTENT_WIDTH - 280;
  let y: number = PAGE.top;
  const [sellerName = "", ...sellerRest] = layout.sellerBlock;
  y += textAt(doc, sellerName, headX, y, { width: headWidth, align: "right", bold: true, size: 11 });
  for (const line of sellerRest)
    y += textAt(doc, line, headX, y, { width: headWidth, align: "right", size: 8.5 });

  // Address window (DIN 5008 form B: 45 mm from the top) with the sender line above it.
  const windowTop = 128;
  textAt(doc, layout.senderLine, PAGE.left, windowTop, { width: 240, size: 6.5, color: COLOR.muted });
  rule(doc, PAGE.left, PAGE.left + 240, windowTop + 9, 0.3);
  let buyerY = windowTop + 16;
  for (const [i, line] of layout.buyerBlock.entries()) {
    buyerY += textAt(doc, line, PAGE.left, buyerY, { width: 240, size: 10, bold: i === 0 });
  }

  // The facts beside the window.
  const factsX = PAGE.left + 260;
  const factsWidth = CONTENT_WIDTH - 260;
  let factsY = windowTop + 16;
  for (const [label, value] of layout.facts) {
    const h = textAt(doc, label, factsX, factsY, { width: 104, size: 8.5, color: COLOR.muted });
    const v = textAt(doc, value, factsX + 104, factsY, {
      width: factsWidth - 104,
      size: 8.5,
      align: "right",
    });
    factsY += Math.max(h, v) + 1.5;
  }

  y = Math.max(buyerY, factsY, 250) + 20;
  y += textAt(doc, layout.title, PAGE.left, y, { bold: true, size: 15 }) + 8;
  y += textAt(doc, layout.intro, PAGE.left, y, { size: 9.5 }) + 10;

  const widths = [32, 231, 58, 80, 80];
  const columns: Column[] = layout.table.headers.map((header, i) => ({
    header,
    width: widths[i] ?? 0,
    align: i <= 1 ? "left" : "right",
  }));
  const continued = (): number =>
    PAGE.top + textAt(doc, layout.continued, PAGE.left, PAGE.top, { size: 8.5, color: COLOR.muted }) + 10;
  y = table(doc, columns, layout.table.rows, y, { size: 8.5, onNewPage: continued }) + 8;

  // Totals, right-aligned under the amount column.
  const labelX = PAGE.left + 190;
  const labelWidth = 210;
  const valueX = labelX + labelWidth;
  const valueWidth = PAGE.left + CONTENT_WIDTH - valueX - 4;
  for (const total of layout.totals) {
    y = ensureSpace(doc, y, 30);
    if (total.strong) {
      rule(doc, labelX, PAGE.left + CONTENT_WIDTH, y, 0.8);
      y += 4;
    }
    const size = total.strong ? 10.5 : 9;
    const h = textAt(doc, total.label, labelX, y, { width: labelWidth - 8, size, bold: total.strong });
    textAt(doc, total.value, valueX, y, { width: valueWidth, size, bold: total.strong, align: "right" });
    y += h + 3;
  }
  y += 14;

  for (const note of layout.notes) {
    y = ensureSpace(doc, y, 30);
    y += textAt(doc, note, PAGE.left, y, { size: 9, bold: true }) + 4;
  }
  for (const [i, text] of layout.payment.entries()) {
    y = ensureSpace(doc, y, 30);
    const last = i === layout.payment.length - 1;
    y += textAt(doc, text, PAGE.left, y + (last ? 6 : 0), {
      size: last ? 7.5 : 9,
      color: last ? COLOR.muted : COLOR.text,
    });
    y += 4;
  }

  pageNumbers(doc, layout.pageLabel);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    footer(doc, layout.footer);
  }
}

function ensureSpace(doc: PDFKit.PDFDocument, y: number, needed: number): number {
  if (y + needed <= FOOTER_TOP - 10) return y;
  doc.addPage();
  return PAGE.top;
}

function footer(doc: PDFKit.PDFDocument, columns: string[][]): void {
  rule(doc, PAGE.left, PAGE.left + CONTENT_WIDTH, FOOTER_TOP - 6, 0.3);
  // The bank column holds the IBAN on one line.
  const widths = [0.23, 0.25, 0.29, 0.23].map((share) => share * CONTENT_WIDTH);
  let x = PAGE.left;
  columns.forEach((lines, i) => {
    const width = widths[i] ?? 0;
    let y = FOOTER_TOP;
    for (const line of lines) {
      y += textAt(doc, line, x, y, { width: width - 6, size: 6.5, color: COLOR.muted });
    }
    x += width;
  });
}
