import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CII_GUIDELINE, type CiiProfile, renderCiiInvoice } from "../../adapters/xml/cii-invoice.js";
import {
  creditNoteDraft,
  type IssuedInvoice,
  issueInvoice,
  monthlyInvoiceDraft,
  poolInvoiceDraft,
  topUpInvoiceDraft,
} from "../../domain/invoice.js";
import { type CiiVerdict, ramText, ramTexts, validateCii } from "../support/einvoice.js";
import {
  aGermanCustomer,
  aMonthlyContract,
  anEuCustomer,
  anIssuedMonthInvoice,
  aPoolOverage,
  aPublicCustomer,
  parties,
  required,
} from "../support/invoice-fixtures.js";

/** Every kind of invoice KoAd makes, issued. */
function everyKind(): Record<string, IssuedInvoice> {
  const issue = (draft: ReturnType<typeof monthlyInvoiceDraft>, n: number) =>
    issueInvoice(required(draft), `RE-2026-${String(n).padStart(5, "0")}`, "2026-12-01");
  const month = anIssuedMonthInvoice(aGermanCustomer(), "RE-2026-00001");
  return {
    "standard-fee-only": issue(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts: [aMonthlyContract()] }),
      2,
    ),
    "several-contracts-with-overage": month,
    "reverse-charge": issue(
      monthlyInvoiceDraft(parties(anEuCustomer()), {
        month: "2026-11",
        contracts: [aMonthlyContract({ overageMinutes: 125 }), aPoolOverage()],
      }),
      3,
    ),
    "leitweg-id": issue(
      monthlyInvoiceDraft(parties(aPublicCustomer()), {
        month: "2026-11",
        contracts: [aMonthlyContract({ overageMinutes: 20 })],
      }),
      4,
    ),
    "pool-price": issue(
      poolInvoiceDraft(parties(aGermanCustomer()), {
        contractId: "con_p1",
        contractName: "Project pool 2026",
        priceCents: 1_440_000,
        poolMinutes: 14_400,
        startDate: "2026-12-01",
        endDate: "2029-12-01",
      }),
      5,
    ),
    "top-up": issue(
      topUpInvoiceDraft(parties(aGermanCustomer({ vatId: null })), {
        contractId: "con_p1",
        contractName: "Project pool 2026",
        topUpId: "top_1",
        minutes: 600,
        priceCents: 95_000,
        date: "2026-12-01",
        poolEndDate: "2029-12-01",
      }),
      6,
    ),
    "credit-note-whole": issue(creditNoteDraft(month, { id: "inv_c1", reason: "Vertrag storniert" }), 7),
    "credit-note-partial": issue(
      creditNoteDraft(month, {
        id: "inv_c2",
        reason: "Kulanz",
        lines: [{ invoiceLineId: "2", netCents: 5_000 }],
      }),
      8,
    ),
    "credit-note-reverse-charge": issue(
      creditNoteDraft(anIssuedMonthInvoice(anEuCustomer(), "RE-2026-00009"), {
        id: "inv_c3",
        reason: "Wrong month",
      }),
      10,
    ),
  };
}

const PROFILES: CiiProfile[] = ["xrechnung", "factur-x"];

describe("renderCiiInvoice", () => {
  const invoices = everyKind();
  const xml = new Map<string, string>();
  let folder: string;
  let verdicts: Map<string, CiiVerdict>;

  beforeAll(() => {
    // Prepare: every kind in both profiles, written to one folder and validated in one run
    folder = mkdtempSync(join(tmpdir(), "koad-cii-"));
    const files: string[] = [];
    for (const [kind, invoice] of Object.entries(invoices)) {
      for (const profile of PROFILES) {
        const file = join(folder, `${kind}.${profile}.xml`);
        const text = renderCiiInvoice(invoice, profile);
        writeFileSync(file, text);
        xml.set(file, text);
        files.push(file);
      }
    }

    // Act
    verdicts = validateCii(files);
  }, 120_000);

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  for (const kind of Object.keys(everyKind())) {
    for (const profile of PROFILES) {
      it(`writes a ${kind} invoice as ${profile} that passes the schema, EN 16931 and XRechnung rules`, () => {
        // Assess
        const file = join(folder, `${kind}.${profile}.xml`);
        const verdict = verdicts.get(file);
        expect(verdict, `no verdict for ${file}`).toBeDefined();
        expect(verdict?.errors ?? [], JSON.stringify(verdict?.errors, null, 2)).toEqual([]);
      });
    }
  }

  it("names each profile's specification (BT-24)", () => {
    // Act
    const x = renderCiiInvoice(invoices["standard-fee-only"]!, "xrechnung");
    const f = renderCiiInvoice(invoices["standard-fee-only"]!, "factur-x");

    // Assess
    expect(ramText(x, "GuidelineSpecifiedDocumentContextParameter", "ID")).toBe(
      "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
    );
    expect(ramText(f, "GuidelineSpecifiedDocumentContextParameter", "ID")).toBe("urn:cen.eu:en16931:2017");
    expect(CII_GUIDELINE["factur-x"]).toBe("urn:cen.eu:en16931:2017");
  });

  it("gives the Leitweg-ID, or the customer number, as the buyer reference (BT-10)", () => {
    // Act
    const withLeitwegId = renderCiiInvoice(invoices["leitweg-id"]!, "xrechnung");
    const without = renderCiiInvoice(invoices["standard-fee-only"]!, "xrechnung");

    // Assess
    expect(ramTexts(withLeitwegId, "BuyerReference")).toEqual(["04011000-12345-67"]);
    expect(ramTexts(without, "BuyerReference")).toEqual(["cus_1001"]);
  });

  it("writes reverse charge as category AE at 0 % with both VAT IDs, the exemption and the note", () => {
    // Act
    const text = renderCiiInvoice(invoices["reverse-charge"]!, "xrechnung");

    // Assess
    expect(new Set(ramTexts(text, "CategoryCode"))).toEqual(new Set(["AE"]));
    expect(ramTexts(text, "ExemptionReasonCode")).toEqual(["VATEX-EU-AE"]);
    expect(ramText(text, "SellerTradeParty", "SpecifiedTaxRegistration")).toBe("DE123456789");
    expect(ramText(text, "BuyerTradeParty", "SpecifiedTaxRegistration")).toBe("ATU12345678");
    expect(ramTexts(text, "Content").join(" ")).toContain("Steuerschuldnerschaft des Leistungsempfängers");
    expect(ramText(text, "SpecifiedTradeSettlementHeaderMonetarySummation", "TaxTotalAmount")).toBe("0.00");
  });

  it("writes a credit note as 381 referring to the invoice (BT-25, BT-26)", () => {
    // Act
    const text = renderCiiInvoice(invoices["credit-note-whole"]!, "xrechnung");

    // Assess
    expect(ramTexts(text, "TypeCode")[0]).toBe("381");
    expect(ramText(text, "InvoiceReferencedDocument", "IssuerAssignedID")).toBe("RE-2026-00001");
    expect(ramText(text, "InvoiceReferencedDocument", "FormattedIssueDateTime")).toBe("20261201");
  });

  it("writes the seller contact, SEPA payment means with the IBAN, the terms and the due date", () => {
    // Act
    const text = renderCiiInvoice(invoices["several-contracts-with-overage"]!, "factur-x");

    // Assess
    expect(ramText(text, "DefinedTradeContact", "PersonName")).toBe("Jana Petersen");
    expect(ramText(text, "TelephoneUniversalCommunication", "CompleteNumber")).toBe("+49 40 1234567");
    expect(ramText(text, "SpecifiedTradeSettlementPaymentMeans", "TypeCode")).toBe("58");
    expect(ramTexts(text, "IBANID")).toEqual(["DE02120300000000202051"]);
    expect(ramText(text, "SpecifiedTradePaymentTerms", "Description")).toBe(
      "Zahlbar ohne Abzug innerhalb von 14 Tagen bis 15.12.2026.",
    );
    expect(ramText(text, "SpecifiedTradePaymentTerms", "DueDateDateTime")).toBe("20261215");
  });

  it("writes overage as minutes priced per 60 minutes, and the domain's totals", () => {
    // Prepare
    const invoice = invoices["several-contracts-with-overage"]!;

    // Act
    const text = renderCiiInvoice(invoice, "xrechnung");

    // Assess
    expect(ramTexts(text, "BilledQuantity")).toEqual(["1", "95", "1", "45"]);
    expect(ramTexts(text, "BasisQuantity")).toEqual(["60", "60"]);
    expect(ramTexts(text, "LineTotalAmount")).toEqual(["1200.00", "150.42", "450.00", "82.50", "1882.92"]);
    expect(ramText(text, "SpecifiedTradeSettlementHeaderMonetarySummation", "GrandTotalAmount")).toBe(
      "2240.67",
    );
  });

  it("escapes what the customer typed", () => {
    // Prepare: a name with markup characters
    const invoice = anIssuedMonthInvoice(aGermanCustomer({ legalName: 'Huber <&> "Söhne"' }));

    // Act
    const text = renderCiiInvoice(invoice, "xrechnung");

    // Assess
    expect(text).toContain("Huber &lt;&amp;&gt;");
    expect(ramText(text, "BuyerTradeParty", "Name")).toBe('Huber <&> "Söhne"');
  });
});
