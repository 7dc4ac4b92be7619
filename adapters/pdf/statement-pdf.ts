/**
 * A customer's month statement as a PDF/A-3b (`Accept: application/pdf` on a statement): the blocks of
 * `statement-layout.ts` on A4, one section per contract with its figures and its bookings.
 */

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
import { type StatementLayout, type StatementPdfInput, statementLayout } from "./statement-layout.js";

export type { StatementPdfInput } from "./statement-layout.js";

/** The statement as a PDF; `createdAt` (default: the first day after the month, 00:00 UTC) keeps it reproducible. */
export async function renderStatementPdf(
  input: StatementPdfInput,
  options: { createdAt?: Date } = {},
): Promise<Buffer> {
  const layout = statementLayout(input);
  const [year, month] = input.month.split("-").map(Number);
  const createdAt = options.createdAt ?? new Date(Date.UTC(year ?? 2000, month ?? 1, 1));
  const doc = createPdfA3({
    title: layout.title,
    author: input.provider.legalName,
    subject: `${layout.title} – ${input.customer.legalName}`,
    lang: layout.language === "de" ? "de-DE" : "en-GB",
    createdAt,
  });
  drawStatement(doc, layout);
  return toBytes(doc);
}

const BOTTOM = PAGE.height - PAGE.bottom;

function drawStatement(doc: PDFKit.PDFDocument, layout: StatementLayout): void {
  let y: number = PAGE.top;
  textAt(doc, layout.senderLine, PAGE.left, y, { size: 7, color: COLOR.muted });
  y += 12;
  rule(doc, PAGE.left, PAGE.left + CONTENT_WIDTH, y, 0.3);
  y += 14;
  const top = y;
  for (const [i, line] of layout.customerBlock.entries()) {
    y += textAt(doc, line, PAGE.left, y, { width: 260, size: 10, bold: i === 0 });
  }
  let factsY = top;
  for (const [label, value] of layout.facts) {
    textAt(doc, label, PAGE.left + 300, factsY, { width: 90, size: 8.5, color: COLOR.muted });
    factsY += textAt(doc, value, PAGE.left + 390, factsY, {
      width: CONTENT_WIDTH - 390,
      size: 8.5,
      align: "right",
    });
  }
  y = Math.max(y, factsY) + 24;
  y += textAt(doc, layout.title, PAGE.left, y, { bold: true, size: 15 }) + 4;
  y += textAt(doc, layout.status, PAGE.left, y, { size: 8.5, color: COLOR.muted }) + 12;

  const figureColumns: Column[] = [
    { header: layout.figureHeaders[0] ?? "", width: 281, align: "left" },
    { header: layout.figureHeaders[1] ?? "", width: 100, align: "right" },
    { header: layout.figureHeaders[2] ?? "", width: 100, align: "right" },
  ];
  const widths = [56, 58, 185, 70, 52, 60];
  const bookingColumns: Column[] = layout.bookingHeaders.map((header, i) => ({
    header,
    width: widths[i] ?? 0,
    align: i >= 4 ? "right" : "left",
  }));

  for (const section of layout.sections) {
    if (y + 120 > BOTTOM) {
      doc.addPage();
      y = PAGE.top;
    }
    y += textAt(doc, section.heading, PAGE.left, y, { bold: true, size: 11.5 });
    y += textAt(doc, section.kind, PAGE.left, y, { size: 8.5, color: COLOR.muted }) + 6;
    y = table(doc, figureColumns, section.figures, y, { size: 8.5 }) + 10;
    if (y + 40 > BOTTOM) {
      doc.addPage();
      y = PAGE.top;
    }
    y += textAt(doc, layout.bookingsTitle, PAGE.left, y, { bold: true, size: 9.5 }) + 4;
    if (section.bookings.length === 0) {
      y += textAt(doc, layout.noBookings, PAGE.left, y, { size: 8.5, color: COLOR.muted }) + 18;
      continue;
    }
    y = table(doc, bookingColumns, section.bookings, y, { size: 7.5 }) + 22;
  }
  pageNumbers(doc, layout.pageLabel);
}
