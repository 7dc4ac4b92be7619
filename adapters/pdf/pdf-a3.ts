/**
 * A PDF/A-3b document with pdfkit: the DejaVu Sans fonts embedded (subset) from the `dejavu-fonts-ttf`
 * package, the sRGB output intent pdfkit ships, XMP with the PDF/A identification, and a few drawing
 * helpers the invoice and statement renderers share. Nothing here knows about invoices.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);

/**
 * A font file: beside the bundle (`fonts/<file>`, where the documents function's bundling copies it,
 * infra/koad-function.ts `bundleFiles`), else from the `dejavu-fonts-ttf` package (sources, tests).
 */
function fontFile(file: string): string {
  const bundled = fileURLToPath(new URL(`./fonts/${file}`, import.meta.url));
  return existsSync(bundled) ? bundled : require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

/**
 * The font files, by path: pdfkit keys a font by its source, so the default font and every later
 * `doc.font(FONT.regular)` are one embedded font (a subset of the glyphs used). Resolved at cold start,
 * so a bundle without the fonts fails at once.
 */
export const FONT = {
  regular: fontFile("DejaVuSans.ttf"),
  bold: fontFile("DejaVuSans-Bold.ttf"),
} as const;

/** A4 in points, and the margins every page keeps. */
export const PAGE = { width: 595.28, height: 841.89, left: 57, right: 57, top: 42, bottom: 80 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface PdfA3Options {
  title: string;
  author: string;
  subject: string;
  /** BCP 47, e.g. `de-DE`. */
  lang: string;
  /** The document's creation date; a fixed value keeps the output reproducible. */
  createdAt: Date;
  /** RDF descriptions (rdf:Description elements) added to the XMP packet, e.g. Factur-X's. */
  xmpDescriptions?: string[];
}

/** A new PDF/A-3b document on A4 with the fonts registered; write pages, then `toBytes` it. */
export function createPdfA3(options: PdfA3Options): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.top, bottom: 0, left: PAGE.left, right: PAGE.right },
    pdfVersion: "1.7",
    subset: "PDF/A-3b",
    lang: options.lang,
    displayTitle: true,
    bufferPages: true,
    // The default font must be an embedded one too: PDF/A allows no unembedded Helvetica.
    font: FONT.regular,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject,
      Creator: "KoAd",
      Producer: "KoAd (pdfkit)",
      // No ModDate: pdfkit's XMP has no xmp:ModifyDate, and PDF/A wants every Info entry mirrored there.
      CreationDate: options.createdAt,
    },
  });
  for (const description of options.xmpDescriptions ?? []) doc.appendXML(description);
  return doc;
}

/** Ends the document and collects its bytes. */
export function toBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

export const COLOR = { text: "#1a1a1a", muted: "#5c5c5c", rule: "#9a9a9a", band: "#eef1f4" } as const;

/** Text at a place, in one font and size, without moving pdfkit's cursor into the layout's way. */
export function textAt(
  doc: PDFKit.PDFDocument,
  value: string,
  x: number,
  y: number,
  options: {
    width?: number;
    align?: "left" | "right" | "center";
    bold?: boolean;
    size?: number;
    color?: string;
  } = {},
): number {
  doc
    .font(options.bold ? FONT.bold : FONT.regular)
    .fontSize(options.size ?? 9)
    .fillColor(options.color ?? COLOR.text);
  const width = options.width ?? CONTENT_WIDTH;
  doc.text(value, x, y, { width, align: options.align ?? "left", lineGap: 1 });
  return doc.heightOfString(value, { width, lineGap: 1 });
}

export function rule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, width = 0.5): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(COLOR.rule).stroke().restore();
}

export function band(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number): void {
  doc.save().rect(x, y, w, h).fillColor(COLOR.band).fill().restore();
}

/** One column of a table: its header, width share and alignment. */
export interface Column {
  header: string;
  width: number;
  align: "left" | "right";
}

/**
 * Draws a table from `y`, a new page (with the header again) when a row would cross the bottom
 * margin; `onNewPage` draws what each further page starts with and returns where the table goes on.
 * Returns the y below the table.
 */
export function table(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  rows: string[][],
  y: number,
  options: { size?: number; onNewPage?: () => number } = {},
): number {
  const size = options.size ?? 9;
  const pad = 4;
  const header = (top: number): number => {
    band(doc, PAGE.left, top, CONTENT_WIDTH, size + 2 * pad + 2);
    let x = PAGE.left;
    for (const c of columns) {
      textAt(doc, c.header, x + pad, top + pad, {
        width: c.width - 2 * pad,
        align: c.align,
        bold: true,
        size,
      });
      x += c.width;
    }
    return top + size + 2 * pad + 4;
  };
  let top = header(y);
  for (const row of rows) {
    doc.font(FONT.regular).fontSize(size);
    const height =
      Math.max(
        ...row.map((cell, i) => doc.heightOfString(cell, { width: (columns[i]?.width ?? 0) - 2 * pad })),
      ) +
      2 * pad;
    if (top + height > PAGE.height - PAGE.bottom) {
      doc.addPage();
      top = header(options.onNewPage?.() ?? PAGE.top);
    }
    let x = PAGE.left;
    row.forEach((cell, i) => {
      const c = columns[i];
      if (!c) return;
      textAt(doc, cell, x + pad, top + pad, { width: c.width - 2 * pad, align: c.align, size });
      x += c.width;
    });
    top += height;
    rule(doc, PAGE.left, PAGE.left + CONTENT_WIDTH, top, 0.25);
  }
  return top;
}

/** `Seite 1 von 2` at the foot of every page (the document buffers its pages for this). */
export function pageNumbers(doc: PDFKit.PDFDocument, label: (page: number, of: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    textAt(doc, label(i + 1, range.count), PAGE.left, PAGE.height - 30, {
      align: "right",
      size: 7,
      color: COLOR.muted,
    });
  }
}
