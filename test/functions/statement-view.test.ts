import { describe, expect, it } from "vitest";
import { monthSlaReport } from "../../domain/sla-month-report.js";
import { previewStatement } from "../../domain/statement.js";
import type { CustomerStatement } from "../../domain/use-cases/month-close.js";
import {
  csvField,
  customerStatementView,
  statementCsv,
  wantsCsv,
} from "../../functions/http/statement-view.js";
import { csvRecords } from "../support/csv.js";
import { book, type Ledger, monthlyContract } from "../support/month-close-fixtures.js";

function statementWith(descriptions: string[]): CustomerStatement {
  const ledger: Ledger = {
    contract: monthlyContract({ categories: ["service", "project"] }),
    period: null,
    pool: null,
    bookings: [],
  };
  for (const [i, description] of descriptions.entries()) {
    book(ledger, `2026-01-${String(i + 10)}`, 30, i % 2 ? "project" : "service", description);
  }
  const contract = previewStatement({ ...ledger, month: "2026-01" });
  return {
    customerId: "cus_1",
    month: "2026-01",
    status: "open",
    contracts: [contract],
    totalCents: 50_000,
    sla: monthSlaReport([], "2026-01", new Date("2026-01-31T12:00:00Z")),
  };
}

describe("statementCsv", () => {
  it("writes one row per booking, category and summary rows per contract, and a total", () => {
    // Prepare
    const statement = statementWith(["Printer", "Server"]);
    // Act
    const records = csvRecords(statementCsv(statement));
    // Assess
    expect(records.map((r) => r.record)).toEqual([
      "booking",
      "booking",
      "category",
      "category",
      "summary",
      "total",
    ]);
    const summary = records.find((r) => r.record === "summary");
    expect(summary).toMatchObject({
      quota_minutes: "600",
      used_minutes: "60",
      remaining_minutes: "540",
      fee_cents: "50000",
    });
    expect(records.filter((r) => r.record === "category").map((r) => [r.category, r.billed_minutes])).toEqual(
      [
        ["service", "30"],
        ["project", "30"],
      ],
    );
  });

  it("quotes commas, quotes and line breaks so every description survives a CSV reader", () => {
    const tricky = ['Router, switch and "AP"', "Line one\r\nline two", "Plain; semicolon", "Ünïcödé ✓"];
    const records = csvRecords(statementCsv(statementWith(tricky)));
    expect(records.filter((r) => r.record === "booking").map((r) => r.description)).toEqual(tricky);
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    const records = csvRecords(statementCsv(statementWith(['=HYPERLINK("x")', "+1", "@SUM(A1)"])));
    expect(records.filter((r) => r.record === "booking").map((r) => r.description)).toEqual([
      '\'=HYPERLINK("x")',
      "'+1",
      "'@SUM(A1)",
    ]);
    expect(csvField(-5)).toBe("-5");
  });
});

describe("wantsCsv", () => {
  it("answers CSV only when the client accepts text/csv", () => {
    expect(wantsCsv("text/csv")).toBe(true);
    expect(wantsCsv("application/json, text/csv;q=0.5")).toBe(true);
    expect(wantsCsv("text/csv;q=0")).toBe(false);
    expect(wantsCsv("application/json")).toBe(false);
    expect(wantsCsv(undefined)).toBe(false);
  });
});

describe("customerStatementView", () => {
  it("lists the spec's fields and no internal ones", () => {
    const view = customerStatementView(statementWith(["Printer"]));
    expect(Object.keys(view.contracts[0] ?? {})).toEqual(
      expect.arrayContaining([
        "contractId",
        "kind",
        "quotaMinutes",
        "usedMinutes",
        "usedByCategory",
        "overageMinutes",
        "overageCents",
        "expiredMinutes",
        "remainingMinutes",
        "feeCents",
        "bookings",
      ]),
    );
    expect(JSON.stringify(view)).not.toMatch(/"version"|"pk"|"customerId":"cus_1","kind"/);
  });
});
