import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderStatementPdf, type StatementPdfInput } from "../../adapters/pdf/statement-pdf.js";
import type { ContractStatement, StatementBooking } from "../../domain/statement.js";

function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
  return run.stdout;
}

function aBooking(overrides: Partial<StatementBooking> = {}): StatementBooking {
  return {
    id: "bkg_1",
    date: "2026-11-03",
    minutes: 50,
    billedMinutes: 60,
    fromQuotaMinutes: 60,
    fromPoolMinutes: 0,
    overageMinutes: 0,
    category: "service",
    description: "Kernel-Updates auf web-01 und web-02",
    ticketId: null,
    technician: "Ole Hansen",
    ...overrides,
  };
}

function aMonthlyStatement(overrides: Partial<ContractStatement> = {}): ContractStatement {
  const bookings = [
    aBooking(),
    aBooking({
      id: "bkg_2",
      date: "2026-11-17",
      minutes: 600,
      billedMinutes: 600,
      description: "Migration Mailserver",
    }),
    aBooking({
      id: "bkg_3",
      date: "2026-11-28",
      minutes: 95,
      billedMinutes: 105,
      fromQuotaMinutes: 0,
      overageMinutes: 105,
      description: "Notfall: Zertifikat abgelaufen",
      ticketId: "tkt_42",
    }),
  ];
  return {
    contractId: "con_m1",
    customerId: "cus_1001",
    kind: "monthly",
    month: "2026-11",
    status: "closed",
    quotaMinutes: 660,
    usedMinutes: 660,
    fromPoolMinutes: 0,
    overageMinutes: 105,
    overageCents: 16_625,
    expiredMinutes: 0,
    remainingMinutes: 0,
    feeCents: 120_000,
    termStart: null,
    termEnd: null,
    closedAt: "2026-12-01T00:05:00+01:00",
    usedByCategory: { service: 765, project: 0, consulting: 0, training: 0 },
    cascadedInMinutes: 0,
    bookingCount: bookings.length,
    bookings,
    ...overrides,
  };
}

function aPoolStatement(): ContractStatement {
  return {
    ...aMonthlyStatement(),
    contractId: "con_p1",
    kind: "prepaid",
    quotaMinutes: 14_400,
    usedMinutes: 0,
    overageMinutes: 0,
    overageCents: 0,
    remainingMinutes: 12_000,
    feeCents: 0,
    termStart: "2026-02-15",
    termEnd: "2027-02-15",
    usedByCategory: { service: 0, project: 0, consulting: 0, training: 0 },
    bookingCount: 0,
    bookings: [],
  };
}

function aStatement(language: "de" | "en" = "de"): StatementPdfInput {
  return {
    provider: {
      legalName: "Nordlicht IT-Service GmbH",
      address: { street: "Hafenstraße 12", postcode: "20457", city: "Hamburg", countryCode: "DE" },
    },
    customer: {
      id: "cus_1001",
      legalName: "Bäckerei Müller & Söhne KG",
      address: { street: "Lindenallee 3", postcode: "22303", city: "Hamburg", countryCode: "DE" },
    },
    month: "2026-11",
    language,
    contracts: [
      { name: "Managed Linux servers", statement: aMonthlyStatement() },
      { name: "Project pool 2026", statement: aPoolStatement() },
    ],
  };
}

describe("renderStatementPdf", () => {
  let folder: string;
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    // Prepare / Act
    folder = mkdtempSync(join(tmpdir(), "koad-statement-"));
    pdf = join(folder, "statement.pdf");
    writeFileSync(pdf, await renderStatementPdf(aStatement()));
    text = poppler("pdftotext", ["-layout", pdf, "-"]);
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("is a PDF/A-3b with its fonts embedded", () => {
    // Act
    const meta = poppler("pdfinfo", ["-meta", pdf]);
    const fonts = poppler("pdffonts", [pdf]).split("\n").slice(2).filter(Boolean);

    // Assess
    expect(meta).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe("yes");
  });

  it("shows each contract's quota, use by category, overage with its charge, expiry, remainder and fee", () => {
    // Assess
    expect(text).toContain("Leistungsnachweis November 2026");
    expect(text).toContain("Abgeschlossen am 01.12.2026.");
    expect(text).toMatch(/Kontingent des Monats\s+11:00 Std\./);
    expect(text).toMatch(/Gebucht: Service\s+12:45 Std\./);
    expect(text).toMatch(/Mehraufwand\s+1:45 Std\.\s+166,25 €/);
    expect(text).toMatch(/Verfallen\s+0:00 Std\./);
    expect(text).toMatch(/Pauschale\s+1\.200,00 €/);
    expect(text).toContain("Prepaid-Zeitkontingent (Laufzeit 15.02.2026 – 15.02.2027)");
    expect(text).toMatch(/Verbleibend\s+200:00 Std\./);
  });

  it("lists the month's bookings, and says so when there are none", () => {
    // Assess
    expect(text).toContain("Kernel-Updates auf web-01 und web-02");
    expect(text).toContain("Notfall: Zertifikat abgelaufen (tkt_42)");
    expect(text).toMatch(/28\.11\.2026\s+Service/);
    expect(text).toContain("Keine Buchungen in diesem Monat.");
  });

  it("is in English for an English-speaking customer", async () => {
    // Prepare
    const english = join(folder, "statement-en.pdf");

    // Act
    writeFileSync(english, await renderStatementPdf(aStatement("en")));

    // Assess
    const words = poppler("pdftotext", ["-layout", english, "-"]);
    expect(words).toContain("Statement November 2026");
    expect(words).toMatch(/Overage\s+1:45 h\s+€166\.25/);
  });
});
