import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../../adapters/pdf/invoice-pdf.js";
import {
  creditNoteDraft,
  type IssuedInvoice,
  issueInvoice,
  type MonthlyInvoiceContract,
  monthlyInvoiceDraft,
} from "../../domain/invoice.js";
import { type CiiVerdict, documentNumber, ramText, validateCii } from "../support/einvoice.js";
import {
  aGermanCustomer,
  aMonthlyContract,
  anEuCustomer,
  anIssuedMonthInvoice,
  parties,
  required,
} from "../support/invoice-fixtures.js";

/** Runs a poppler tool and answers its standard output; fails the test on a non-zero exit. */
function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

/** `2.240,67 €` or `€2,240.67` → 224067. */
function centsOf(text: string): number {
  const digits = text.replace(/[^\d]/g, "");
  return Number(digits);
}

/** "1234.56" (CII) → 123456. */
function centsOfDecimal(text: string | undefined): number {
  const [euros = "", cents = ""] = (text ?? "").split(".");
  return Number(euros) * 100 + Number(cents.padEnd(2, "0"));
}

interface Rendered {
  invoice: IssuedInvoice;
  pdf: string;
  xml: string;
  text: string;
}

describe("renderInvoicePdf", () => {
  let folder: string;
  const rendered = new Map<string, Rendered>();
  let verdicts: Map<string, CiiVerdict>;

  beforeAll(async () => {
    // Prepare: a German invoice, an English reverse-charge invoice and a credit note, each rendered,
    // its attachment extracted with pdfdetach and its text with pdftotext
    folder = mkdtempSync(join(tmpdir(), "koad-pdf-"));
    const german = anIssuedMonthInvoice();
    const invoices: Record<string, IssuedInvoice> = {
      german,
      english: anIssuedMonthInvoice(anEuCustomer(), "RE-2026-00043"),
      credit: issueInvoice(
        required(creditNoteDraft(german, { id: "inv_c1", reason: "Vertrag storniert" })),
        "RE-2026-00044",
        "2026-12-03",
      ),
    };
    for (const [name, invoice] of Object.entries(invoices)) {
      const pdf = join(folder, `${name}.pdf`);
      const xml = join(folder, `${name}.factur-x.xml`);
      // Act
      writeFileSync(pdf, await renderInvoicePdf(invoice));
      poppler("pdfdetach", ["-save", "1", "-o", xml, pdf]);
      rendered.set(name, { invoice, pdf, xml, text: poppler("pdftotext", ["-layout", pdf, "-"]) });
    }
    verdicts = validateCii([...rendered.values()].map((r) => r.xml));
  }, 120_000);

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const get = (name: string): Rendered => {
    const r = rendered.get(name);
    if (!r) throw new Error(`not rendered: ${name}`);
    return r;
  };

  it("declares PDF/A-3b and the Factur-X fields in its XMP", () => {
    // Act
    const meta = poppler("pdfinfo", ["-meta", get("german").pdf]);

    // Assess
    expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(meta).toContain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>");
    expect(meta).toContain("<fx:DocumentType>INVOICE</fx:DocumentType>");
    expect(meta).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    expect(meta).toContain("<fx:Version>1.0</fx:Version>");
    expect(meta).toContain("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#");
  });

  it("embeds factur-x.xml as the Alternative, with an sRGB output intent", () => {
    // Act
    const list = poppler("pdfdetach", ["-list", get("german").pdf]);
    const bytes = readFileSync(get("german").pdf, "latin1");

    // Assess
    expect(list).toMatch(/^1: factur-x\.xml$/m);
    expect(bytes).toContain("/AFRelationship /Alternative");
    expect(bytes).toMatch(/\/AF \[\d+ 0 R\]/);
    expect(bytes).toContain("/S /GTS_PDFA1");
    expect(bytes).toContain("/Subtype /text#2Fxml");
  });

  for (const name of ["german", "english", "credit"]) {
    it(`carries a valid Factur-X XML in the ${name} PDF`, () => {
      // Assess
      const r = get(name);
      const verdict = verdicts.get(r.xml);
      expect(verdict?.errors ?? ["no verdict"], JSON.stringify(verdict?.errors, null, 2)).toEqual([]);
      expect(ramText(readFileSync(r.xml, "utf8"), "GuidelineSpecifiedDocumentContextParameter", "ID")).toBe(
        "urn:cen.eu:en16931:2017",
      );
    });
  }

  it("embeds its fonts", () => {
    // Act
    const fonts = poppler("pdffonts", [get("german").pdf]);

    // Assess
    const rows = fonts.split("\n").slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    expect(fonts).toContain("DejaVuSans");
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe("yes");
  });

  for (const name of ["german", "english", "credit"]) {
    it(`says the same number, net, tax and total in the domain value, the XML and the text (${name})`, () => {
      // Prepare
      const { invoice, xml, text } = get(name);
      const cii = readFileSync(xml, "utf8");
      const words =
        invoice.buyer.language === "de"
          ? {
              net: "Nettobetrag",
              tax: "USt\\.[^\\n]*?",
              total: invoice.typeCode === 381 ? "Gutschriftbetrag" : "Gesamtbetrag",
            }
          : { net: "Net amount", tax: "VAT[^\\n]*?", total: "Total" };
      const amount = "(-?[€\\d.,]+(?: €)?)";
      const pdfFigure = (label: string) => {
        const match = new RegExp(`${label}\\s+${amount}\\s*$`, "m").exec(text);
        if (!match?.[1]) throw new Error(`no ${label} in the PDF text:\n${text}`);
        return centsOf(match[1]);
      };

      // Act
      const fromXml = {
        number: documentNumber(cii),
        net: centsOfDecimal(
          ramText(cii, "SpecifiedTradeSettlementHeaderMonetarySummation", "TaxBasisTotalAmount"),
        ),
        tax: centsOfDecimal(
          ramText(cii, "SpecifiedTradeSettlementHeaderMonetarySummation", "TaxTotalAmount"),
        ),
        total: centsOfDecimal(
          ramText(cii, "SpecifiedTradeSettlementHeaderMonetarySummation", "GrandTotalAmount"),
        ),
      };
      const fromPdf = {
        number: /(?:Rechnungsnummer|Gutschriftnummer|Invoice number)\s+(\S+)/.exec(text)?.[1],
        net: pdfFigure(words.net),
        tax: pdfFigure(words.tax),
        total: pdfFigure(words.total),
      };
      const fromDomain = {
        number: invoice.number,
        net: invoice.totals.taxBasisCents,
        tax: invoice.totals.taxCents,
        total: invoice.totals.grandTotalCents,
      };

      // Assess
      expect(fromXml).toEqual(fromDomain);
      expect(fromPdf).toEqual(fromDomain);
    });
  }

  it("is in German for a German customer and in English for an English-speaking one", () => {
    // Assess
    expect(get("german").text).toContain("Rechnung RE-2026-00042");
    expect(get("german").text).toContain("Leistungszeitraum");
    expect(get("english").text).toContain("Invoice RE-2026-00043");
    expect(get("english").text).toContain("Service period");
    expect(get("english").text).toContain("Steuerschuldnerschaft des Leistungsempfängers");
  });

  it("shows what a German invoice must: parties, dates, service period, VAT IDs, bank details", () => {
    // Prepare
    const text = get("german").text;

    // Assess
    for (const expected of [
      "Nordlicht IT-Service GmbH",
      "Bäckerei Müller & Söhne KG",
      "01.12.2026",
      "01.11.2026 – 30.11.2026",
      "15.12.2026",
      "DE123456789",
      "22/123/45678",
      "DE02 1203 0000 0000 2020 51",
      "USt. 19 % auf 1.882,92 €",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("names the invoice a credit note refers to", () => {
    // Assess
    expect(get("credit").text).toContain("Gutschrift RE-2026-00044");
    expect(get("credit").text).toMatch(/Zur Rechnung\s+RE-2026-00042/);
    expect(get("credit").text).toContain("Zu unserer Rechnung RE-2026-00042 vom 01.12.2026");
  });

  it("continues the line table on a second page when the lines do not fit", async () => {
    // Prepare
    const contracts: MonthlyInvoiceContract[] = Array.from({ length: 40 }, (_, i) =>
      aMonthlyContract({ contractId: `con_${i}`, contractName: `Standort ${i + 1}`, overageMinutes: 15 }),
    );
    const invoice = issueInvoice(
      required(monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts })),
      "RE-2026-00050",
      "2026-12-01",
    );
    const pdf = join(folder, "long.pdf");

    // Act
    writeFileSync(pdf, await renderInvoicePdf(invoice));

    // Assess
    const info = poppler("pdfinfo", [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = poppler("pdftotext", ["-layout", pdf, "-"]);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    expect(text).toContain("Standort 40: Mehraufwand November 2026");
    expect(text).toContain("Rechnung RE-2026-00050 – Fortsetzung");
  });
});
