import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../domain/errors.js";
import {
  CreditExceedsInvoiceError,
  categoryTaxCents,
  creditNoteDraft,
  formatInvoiceNumber,
  type Invoice,
  type InvoiceLine,
  issueInvoice,
  lineNetCents,
  monthlyInvoiceDraft,
  poolInvoiceDraft,
  topUpInvoiceDraft,
  totalsOf,
  vatBreakdownOf,
} from "../../domain/invoice.js";
import {
  aGermanCustomer,
  aMonthlyContract,
  anEuCustomer,
  anIssuedMonthInvoice,
  aPoolOverage,
  aProvider,
  aPublicCustomer,
  parties,
  required,
} from "../support/invoice-fixtures.js";

/** EN 16931's calculation rules, checked on any invoice. */
function expectBrCoSums(invoice: Invoice): void {
  const net = invoice.lines.reduce((s, l) => s + l.netCents, 0);
  // BR-CO-10: sum of line net amounts
  expect(invoice.totals.lineTotalCents).toBe(net);
  // BR-CO-13: tax basis = line total − allowances + charges (none)
  expect(invoice.totals.taxBasisCents).toBe(invoice.totals.lineTotalCents);
  // BR-CO-14: tax total = Σ category tax
  expect(invoice.totals.taxCents).toBe(invoice.vatBreakdown.reduce((s, b) => s + b.taxCents, 0));
  // BR-CO-15: grand total = basis + tax
  expect(invoice.totals.grandTotalCents).toBe(invoice.totals.taxBasisCents + invoice.totals.taxCents);
  // BR-CO-16: due = grand total − prepaid (none) + rounding (none)
  expect(invoice.totals.duePayableCents).toBe(invoice.totals.grandTotalCents);
  // BR-CO-17 / BR-S-08: each category's basis is the sum of its lines
  for (const b of invoice.vatBreakdown) {
    const lines = invoice.lines.filter(
      (l) => l.vatCategory === b.category && l.vatRatePercent === b.ratePercent,
    );
    expect(b.basisCents).toBe(lines.reduce((s, l) => s + l.netCents, 0));
  }
}

describe("monthlyInvoiceDraft", () => {
  it("bills each monthly contract's fee and overage of the month, and a pool's billed overage", () => {
    // Prepare
    const contracts = [
      aMonthlyContract({ overageMinutes: 95 }),
      aMonthlyContract({ contractId: "con_m2", contractName: "Office IT", feeCents: 45_000 }),
      aPoolOverage(),
    ];

    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts }),
    );

    // Assess
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.unitCode, l.netCents])).toEqual([
      ["Managed Linux servers: Monatspauschale November 2026", 1, "C62", 120_000],
      // 95 min × 95,00 €/h = 150,41666… → 150,42
      ["Managed Linux servers: Mehraufwand November 2026", 95, "MIN", 15_042],
      ["Office IT: Monatspauschale November 2026", 1, "C62", 45_000],
      // 45 min × 110,00 €/h = 82,50
      ["Project pool 2026: Mehraufwand November 2026", 45, "MIN", 8_250],
    ]);
    expect(invoice.lines[1]).toMatchObject({ unitPriceCents: 9_500, priceBaseQuantity: 60 });
    expect(invoice.servicePeriod).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(invoice.source).toEqual({ kind: "month", customerId: "cus_1001", month: "2026-11" });
    expect(invoice.typeCode).toBe(380);
    expect(invoice.number).toBeNull();
  });

  it("computes the totals in integer cents with the tax rounded half up per category", () => {
    // Prepare: 1.882,92 € net × 19 % = 357,7548 € → 357,75 €
    const contracts = [
      aMonthlyContract({ overageMinutes: 95 }),
      aMonthlyContract({ contractId: "con_m2", contractName: "Office IT", feeCents: 45_000 }),
      aPoolOverage(),
    ];

    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts }),
    );

    // Assess
    expect(invoice.totals).toEqual({
      lineTotalCents: 188_292,
      taxBasisCents: 188_292,
      taxCents: 35_775,
      grandTotalCents: 224_067,
      duePayableCents: 224_067,
    });
    expect(invoice.vatBreakdown).toEqual([
      {
        category: "S",
        ratePercent: 19,
        basisCents: 188_292,
        taxCents: 35_775,
        exemptionReason: null,
        exemptionReasonCode: null,
      },
    ]);
    expectBrCoSums(invoice);
  });

  it("rounds an overage line half up to the cent", () => {
    // Prepare: 1 min × 90,00 €/h = 1,50 € exactly; 1 min × 1,00 €/h = 1,666… ct → 2; 1 min × 0,30 €/h = 0,5 ct → 1
    const overage = (rate: number) =>
      required(
        monthlyInvoiceDraft(parties(aGermanCustomer()), {
          month: "2026-11",
          contracts: [aMonthlyContract({ feeCents: 0, overageMinutes: 1, overageRateCentsPerHour: rate })],
        }),
      ).lines[0]?.netCents;

    // Act / Assess
    expect(overage(9_000)).toBe(150);
    expect(overage(100)).toBe(2);
    expect(overage(30)).toBe(1);
  });

  it("leaves out block-policy overage and a prepaid pool's price (invoiced when the pool was created)", () => {
    // Prepare
    const contracts = [
      aMonthlyContract({ overageMinutes: 30, overagePolicy: "block" }),
      aPoolOverage({ feeCents: 500_000, overageMinutes: 0 }),
    ];

    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts }),
    );

    // Assess
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.totals.lineTotalCents).toBe(120_000);
  });

  it("makes nothing for a month of zero", () => {
    // Prepare
    const contracts = [aMonthlyContract({ feeCents: 0 }), aPoolOverage({ overageMinutes: 0 })];

    // Act
    const invoice = monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts });

    // Assess
    expect(invoice).toBeNull();
  });

  it("refuses figures of another month", () => {
    // Prepare
    const contracts = [aMonthlyContract({ month: "2026-10" })];

    // Act / Assess
    expect(() => monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts })).toThrow(
      ValidationError,
    );
  });

  it("writes the lines in English for an English-speaking customer", () => {
    // Prepare
    const billing = aGermanCustomer({ language: "en" });

    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(billing), {
        month: "2026-03",
        contracts: [aMonthlyContract({ month: "2026-03" })],
      }),
    );

    // Assess
    expect(invoice.lines[0]?.description).toBe("Managed Linux servers: monthly fee March 2026");
  });
});

describe("buyer reference (BT-10, BR-DE-15)", () => {
  it("is the Leitweg-ID when the customer has one", () => {
    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(aPublicCustomer()), { month: "2026-11", contracts: [aMonthlyContract()] }),
    );

    // Assess
    expect(invoice.buyerReference).toBe("04011000-12345-67");
  });

  it("falls back to the customer number", () => {
    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts: [aMonthlyContract()] }),
    );

    // Assess
    expect(invoice.buyerReference).toBe("cus_1001");
  });
});

describe("reverse charge", () => {
  it("uses category AE at 0 % with the exemption reason and the legal note", () => {
    // Act
    const invoice = required(
      monthlyInvoiceDraft(parties(anEuCustomer()), {
        month: "2026-11",
        contracts: [aMonthlyContract({ overageMinutes: 60 })],
      }),
    );

    // Assess
    expect(invoice.lines.every((l) => l.vatCategory === "AE" && l.vatRatePercent === 0)).toBe(true);
    expect(invoice.vatBreakdown).toEqual([
      {
        category: "AE",
        ratePercent: 0,
        basisCents: 129_500,
        taxCents: 0,
        exemptionReason: "Reverse charge",
        exemptionReasonCode: "VATEX-EU-AE",
      },
    ]);
    expect(invoice.totals.grandTotalCents).toBe(129_500);
    expect(invoice.notes.some((n) => n.startsWith("Steuerschuldnerschaft des Leistungsempfängers"))).toBe(
      true,
    );
    expect(invoice.buyer.vatId).toBe("ATU12345678");
    expectBrCoSums(invoice);
  });

  it("is refused without the buyer's VAT ID", () => {
    // Prepare
    const billing = anEuCustomer({ vatId: null });

    // Act
    const act = () =>
      monthlyInvoiceDraft(parties(billing), { month: "2026-11", contracts: [aMonthlyContract()] });

    // Assess
    expect(act).toThrow(ValidationError);
    try {
      act();
    } catch (error) {
      expect((error as ValidationError).details).toEqual({
        "billing.vatId": "is required for reverse charge",
      });
    }
  });

  it("is refused without the provider's VAT ID", () => {
    // Prepare
    const withoutVatId = parties(anEuCustomer(), { seller: aProvider({ vatId: null }) });

    // Act / Assess
    expect(() => poolInvoiceDraft(withoutVatId, aPool())).toThrow(ValidationError);
  });
});

function aPool() {
  return {
    contractId: "con_p1",
    contractName: "Project pool 2026",
    priceCents: 1_440_000,
    poolMinutes: 14_400,
    startDate: "2026-02-15",
    endDate: "2027-02-15",
  };
}

describe("poolInvoiceDraft", () => {
  it("bills the pool's price with the term as the service period", () => {
    // Act
    const invoice = required(poolInvoiceDraft(parties(aGermanCustomer()), aPool()));

    // Assess
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({
      description: "Project pool 2026: Zeitkontingent 240 Std.",
      quantity: 1,
      unitPriceCents: 1_440_000,
      netCents: 1_440_000,
    });
    expect(invoice.servicePeriod).toEqual({ start: "2026-02-15", end: "2027-02-14" });
    expect(invoice.totals.taxCents).toBe(273_600);
    expect(invoice.source).toEqual({ kind: "pool", contractId: "con_p1" });
  });

  it("makes nothing for a pool without a price", () => {
    // Act / Assess
    expect(poolInvoiceDraft(parties(aGermanCustomer()), { ...aPool(), priceCents: 0 })).toBeNull();
  });
});

describe("topUpInvoiceDraft", () => {
  it("bills the top-up's price from its day to the end of the term", () => {
    // Act
    const invoice = required(
      topUpInvoiceDraft(parties(aGermanCustomer()), {
        contractId: "con_p1",
        contractName: "Project pool 2026",
        topUpId: "top_1",
        minutes: 1_200,
        priceCents: 190_000,
        date: "2026-09-10",
        poolEndDate: "2027-02-15",
      }),
    );

    // Assess
    expect(invoice.lines[0]?.description).toBe("Project pool 2026: Aufstockung um 20 Std.");
    expect(invoice.servicePeriod).toEqual({ start: "2026-09-10", end: "2027-02-14" });
    expect(invoice.totals.grandTotalCents).toBe(226_100);
    expect(invoice.source).toEqual({ kind: "topup", contractId: "con_p1", topUpId: "top_1" });
  });
});

describe("issueInvoice", () => {
  it("sets the number, the issue date, the due date after the payment terms and the terms text", () => {
    // Prepare
    const draft = required(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts: [aMonthlyContract()] }),
    );

    // Act
    const issued = issueInvoice(draft, "RE-2026-00042", "2026-12-01");

    // Assess
    expect(issued).toMatchObject({ number: "RE-2026-00042", issueDate: "2026-12-01", dueDate: "2026-12-15" });
    expect(issued.paymentTerms).toBe("Zahlbar ohne Abzug innerhalb von 14 Tagen bis 15.12.2026.");
    expect(draft.number).toBeNull();
  });

  it("tells a credit note's buyer when the credit is paid back", () => {
    // Prepare
    const credit = required(creditNoteDraft(anIssuedMonthInvoice(), { id: "inv_0002", reason: "Storno" }));

    // Act
    const issued = issueInvoice(credit, "RE-2026-00043", "2026-12-03");

    // Assess
    expect(issued.dueDate).toBe("2026-12-17");
    expect(issued.paymentTerms).toBe("Den Gutschriftbetrag erstatten wir Ihnen bis 17.12.2026.");
  });

  it("refuses to issue an invoice twice", () => {
    // Prepare
    const issued = anIssuedMonthInvoice();

    // Act / Assess
    expect(() => issueInvoice(issued, "RE-2026-00043", "2026-12-02")).toThrow(ValidationError);
  });
});

describe("formatInvoiceNumber", () => {
  it("writes {prefix}{YYYY}-{NNNNN}", () => {
    // Act / Assess
    expect(formatInvoiceNumber("RE-", 2026, 42)).toBe("RE-2026-00042");
    expect(formatInvoiceNumber("KA/", 2027, 1)).toBe("KA/2027-00001");
    expect(formatInvoiceNumber("RE-", 2026, 123_456)).toBe("RE-2026-123456");
  });

  it("refuses a sequence below 1", () => {
    // Act / Assess
    expect(() => formatInvoiceNumber("RE-", 2026, 0)).toThrow(ValidationError);
  });
});

describe("creditNoteDraft", () => {
  it("credits the whole invoice by default, as a 381 referring to it", () => {
    // Prepare
    const invoice = anIssuedMonthInvoice();

    // Act
    const credit = required(creditNoteDraft(invoice, { id: "inv_0002", reason: "Vertrag storniert" }));

    // Assess
    expect(credit.typeCode).toBe(381);
    expect(credit.totals).toEqual(invoice.totals);
    expect(credit.lines.map((l) => l.netCents)).toEqual(invoice.lines.map((l) => l.netCents));
    expect(credit.precedingInvoice).toEqual({ number: "RE-2026-00042", issueDate: "2026-12-01" });
    expect(credit.source).toEqual({ kind: "credit", invoiceId: invoice.id });
    expect(credit.notes).toEqual(["Gutschrift zur Rechnung RE-2026-00042: Vertrag storniert"]);
    expect(credit.buyerReference).toBe(invoice.buyerReference);
    expect(credit.number).toBeNull();
  });

  it("credits part of a line", () => {
    // Prepare
    const invoice = anIssuedMonthInvoice();

    // Act
    const credit = required(
      creditNoteDraft(invoice, {
        id: "inv_0002",
        reason: "Kulanz",
        lines: [{ invoiceLineId: "2", netCents: 5_000 }],
      }),
    );

    // Assess
    expect(credit.lines).toEqual([
      expect.objectContaining({
        description: "Gutschrift: Managed Linux servers: Mehraufwand November 2026",
        quantity: 1,
        unitPriceCents: 5_000,
        netCents: 5_000,
      }),
    ]);
    expect(credit.totals).toMatchObject({ lineTotalCents: 5_000, taxCents: 950, grandTotalCents: 5_950 });
    expectBrCoSums(credit);
  });

  it("keeps reverse charge on a credit note for a reverse-charge invoice", () => {
    // Prepare
    const invoice = anIssuedMonthInvoice(anEuCustomer());

    // Act
    const credit = required(creditNoteDraft(invoice, { id: "inv_0002", reason: "Wrong contract" }));

    // Assess
    expect(credit.vatBreakdown.map((b) => b.category)).toEqual(["AE"]);
    expect(credit.notes).toContain("Steuerschuldnerschaft des Leistungsempfängers (reverse charge)");
  });

  it("refuses a credit above what is left to credit", () => {
    // Prepare: a partial credit of 5.950 cents was issued before
    const invoice = anIssuedMonthInvoice();

    // Act
    const act = () => creditNoteDraft(invoice, { id: "inv_0003", reason: "Storno", creditedCents: 5_950 });

    // Assess
    expect(act).toThrow(CreditExceedsInvoiceError);
    try {
      act();
    } catch (error) {
      expect((error as CreditExceedsInvoiceError).code).toBe("credit_exceeds_invoice");
      expect((error as CreditExceedsInvoiceError).details).toMatchObject({
        remainingCents: 224_067 - 5_950,
        requestedCents: 224_067,
      });
    }
  });

  it("allows crediting exactly what is left", () => {
    // Prepare
    const invoice = anIssuedMonthInvoice();
    const firstPart = required(
      creditNoteDraft(invoice, {
        id: "inv_0002",
        reason: "Kulanz",
        lines: [{ invoiceLineId: "1", netCents: 20_000 }],
      }),
    );
    const rest = invoice.lines.map((l) =>
      l.id === "1" ? { invoiceLineId: "1", netCents: l.netCents - 20_000 } : { invoiceLineId: l.id },
    );

    // Act
    const secondPart = creditNoteDraft(invoice, {
      id: "inv_0003",
      reason: "Storno",
      lines: rest,
      creditedCents: firstPart.totals.grandTotalCents,
    });

    // Assess: per-part rounding may leave the two tax amounts a cent apart from the invoice's; never above
    expect(secondPart).not.toBeNull();
    expect((secondPart?.totals.grandTotalCents ?? 0) + firstPart.totals.grandTotalCents).toBeLessThanOrEqual(
      invoice.totals.grandTotalCents,
    );
  });

  it("refuses a line credit above the line", () => {
    // Prepare
    const invoice = anIssuedMonthInvoice();

    // Act / Assess
    expect(() =>
      creditNoteDraft(invoice, {
        id: "inv_0002",
        reason: "x",
        lines: [{ invoiceLineId: "4", netCents: 8_251 }],
      }),
    ).toThrow(CreditExceedsInvoiceError);
  });

  it("refuses a draft, a line it does not have, and an empty reason", () => {
    // Prepare
    const draft = required(
      monthlyInvoiceDraft(parties(aGermanCustomer()), { month: "2026-11", contracts: [aMonthlyContract()] }),
    );
    const invoice = anIssuedMonthInvoice();

    // Act / Assess
    expect(() => creditNoteDraft(draft, { id: "c", reason: "x" })).toThrow(ValidationError);
    expect(() => creditNoteDraft(invoice, { id: "c", reason: "x", lines: [{ invoiceLineId: "9" }] })).toThrow(
      ValidationError,
    );
    expect(() => creditNoteDraft(invoice, { id: "c", reason: " " })).toThrow(ValidationError);
  });

  it("makes nothing for a zero credit", () => {
    // Act / Assess
    expect(
      creditNoteDraft(anIssuedMonthInvoice(), {
        id: "c",
        reason: "x",
        lines: [{ invoiceLineId: "1", netCents: 0 }],
      }),
    ).toBeNull();
  });
});

describe("invoice totals (property)", () => {
  const line = fc.record({
    quantity: fc.integer({ min: 0, max: 50_000 }),
    unitPriceCents: fc.integer({ min: 0, max: 2_000_000 }),
    priceBaseQuantity: fc.constantFrom(1, 60),
    vat: fc.constantFrom(
      { vatCategory: "S" as const, vatRatePercent: 19 },
      { vatCategory: "S" as const, vatRatePercent: 7 },
      { vatCategory: "AE" as const, vatRatePercent: 0 },
    ),
  });

  it("has gross = net + tax, and tax = Σ per category of the net sum × rate rounded half up", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (specs) => {
        // Prepare
        const lines: InvoiceLine[] = specs.map((s, i) => ({
          id: String(i + 1),
          description: `line ${i + 1}`,
          quantity: s.quantity,
          unitCode: "MIN",
          unitPriceCents: s.unitPriceCents,
          priceBaseQuantity: s.priceBaseQuantity,
          netCents: lineNetCents(s.quantity, s.unitPriceCents, s.priceBaseQuantity),
          ...s.vat,
          period: null,
          contractId: null,
        }));

        // Act
        const breakdown = vatBreakdownOf(lines);
        const totals = totalsOf(lines, breakdown);

        // Assess
        const net = lines.reduce((sum, l) => sum + l.netCents, 0);
        let expectedTax = 0;
        for (const rate of [0, 7, 19]) {
          const base = lines.filter((l) => l.vatRatePercent === rate).reduce((sum, l) => sum + l.netCents, 0);
          // half up in integers: (base × rate + 50) / 100, floored
          expectedTax += Math.floor((base * rate + 50) / 100);
        }
        expect(totals.lineTotalCents).toBe(net);
        expect(totals.taxCents).toBe(expectedTax);
        expect(totals.grandTotalCents).toBe(net + totals.taxCents);
        for (const l of lines) {
          const exact = (l.quantity * l.unitPriceCents) / l.priceBaseQuantity;
          expect(l.netCents - exact).toBeLessThanOrEqual(0.5);
          expect(exact - l.netCents).toBeLessThan(0.5);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("rounds a category's tax half up at exactly half a cent", () => {
    // Act / Assess: 50 ct × 19 % = 9,5 ct → 10; 150 ct × 7 % = 10,5 → 11; 149 ct × 7 % = 10,43 → 10
    expect(categoryTaxCents(50, 19)).toBe(10);
    expect(categoryTaxCents(150, 7)).toBe(11);
    expect(categoryTaxCents(149, 7)).toBe(10);
    expect(categoryTaxCents(1_000, 7.5)).toBe(75);
  });
});

describe("domain/invoice.ts", () => {
  it("imports nothing outside the domain (no PDF, XML or AWS library)", () => {
    // Prepare
    const files = ["invoice.ts", "invoice-errors.ts"].map((f) =>
      readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "domain", f), "utf8"),
    );

    // Act
    const sources = files.flatMap((text) =>
      [...text.matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gms)].map((m) => m[1]),
    );

    // Assess
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^\.\/[a-z-]+\.js$/);
  });
});
