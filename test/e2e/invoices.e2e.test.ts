import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CustomerBilling } from "../../domain/invoice.js";
import { FixedClock } from "../../domain/ports.js";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { signLocalToken } from "../../infra/local/token.js";
import { validateCii } from "../support/einvoice.js";
import { aGermanCustomer, anEuCustomer } from "../support/invoice-fixtures.js";
import { PROVIDER_SETTINGS } from "../support/route-fixtures.js";
import { until } from "../support/wait.js";

let system: LocalSystem;
let dataDir: string;
const clock = new FixedClock(new Date("2026-01-05T10:00:00Z"));
const tokens: Record<string, string> = {};

interface InvoiceBody {
  id: string;
  number: string;
  typeCode: number;
  status: string;
  customerId: string;
  lines: { description: string; netCents: number; vatCategory: string; contractId: string }[];
  totals: { lineTotalCents: number; taxCents: number; grandTotalCents: number };
  notes: string[];
  precedingInvoice: { number: string } | null;
  source: { kind: string };
}

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; accept?: string; key?: string } = {},
) {
  const response = await fetch(`${system.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
      ...(options.key ? { "idempotency-key": options.key } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  let body: any = null;
  if ((response.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(text);
  return { status: response.status, body, text, bytes, headers: response.headers };
}

/** A customer with billing data, written through the store (PATCH /customers is another part's). */
async function billedCustomer(name: string, billing: CustomerBilling | null): Promise<string> {
  const id = `cus_${randomUUID().slice(0, 8)}`;
  await system.ports.store.customers.putCustomer({
    id,
    name,
    timezone: "Europe/Berlin",
    holidays: "DE",
    createdAt: clock.now().toISOString(),
    billing,
  });
  return id;
}

async function contract(body: Record<string, unknown>) {
  const made = await call("POST", "/contracts", { token: tokens.admin, body, key: randomUUID() });
  expect(made.status, made.text).toBe(201);
  return made.body as { id: string; invoicing: { status: string; invoiceId?: string } };
}

async function book(contractId: string, minutes: number) {
  const booked = await call("POST", `/contracts/${contractId}/bookings`, {
    token: tokens.technician,
    key: randomUUID(),
    body: { date: "2026-01-05", minutes, category: "service", description: "Server patched" },
  });
  expect(booked.status, booked.text).toBe(201);
}

const monthly = (customerId: string, feeCentsPerMonth: number) => ({
  customerId,
  kind: "monthly",
  monthlyQuotaMinutes: 60,
  startMonth: "2026-01",
  feeCentsPerMonth,
  overage: { policy: "bill", rateCentsPerHour: 9_000 },
});

let german: string;
let eu: string;
let unbilled: string;
let germanMonthly: { id: string };
let pool: { id: string; invoicing: { status: string; invoiceId?: string } };
let topUpInvoicing: { status: string; invoiceId?: string };
let folder: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "koad-invoices-e2e-"));
  folder = mkdtempSync(join(tmpdir(), "koad-invoices-xml-"));
  system = await startLocalSystem({
    port: 0,
    inMemory: true,
    dataDir,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `koad-e2e-${randomUUID()}`,
    visibilityTimeoutSeconds: 2,
    given: { clock },
  });
  tokens.admin = await signLocalToken(system.signingKey, { role: "admin" });
  tokens.technician = await signLocalToken(system.signingKey, { role: "technician" });
  // Prepare: settings, three customers (German, reverse charge, no billing data), contracts, bookings
  const settings = await call("PUT", "/settings/provider", {
    token: tokens.admin,
    body: PROVIDER_SETTINGS,
    key: randomUUID(),
  });
  expect(settings.status, settings.text).toBe(200);
  german = await billedCustomer("Bäckerei Müller", aGermanCustomer());
  eu = await billedCustomer("Alpenblick", anEuCustomer());
  unbilled = await billedCustomer("Ohne Rechnungsdaten", null);
  germanMonthly = await contract(monthly(german, 100_000));
  pool = await contract({
    customerId: german,
    kind: "prepaid",
    monthlyBasisMinutes: 600,
    termYears: 1,
    startDate: "2026-01-01",
    priceCents: 240_000,
  });
  const euMonthly = await contract(monthly(eu, 50_000));
  const unbilledMonthly = await contract(monthly(unbilled, 30_000));
  await book(germanMonthly.id, 90);
  await book(euMonthly.id, 30);
  await book(unbilledMonthly.id, 30);
  const topUp = await call("POST", `/contracts/${pool.id}/topups`, {
    token: tokens.admin,
    key: randomUUID(),
    body: { minutes: 600, priceCents: 20_000 },
  });
  expect(topUp.status, topUp.text).toBe(201);
  topUpInvoicing = topUp.body.invoicing;
  // Act: January ends; the close runs through the queue
  clock.set(new Date("2026-02-01T08:00:00Z"));
  const started = await call("POST", "/admin/month-close", {
    token: tokens.admin,
    body: { month: "2026-01" },
    key: randomUUID(),
  });
  expect(started.status, started.text).toBe(202);
  expect(started.body.invoicing).toBe("configured");
  await until("the January invoices", async () => {
    const listed = await call("GET", "/invoices?from=2026-02-01", { token: tokens.admin });
    return listed.body.items.filter((i: InvoiceBody) => i.source.kind === "month").length >= 2 ? true : null;
  });
}, 120_000);

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

async function invoicesOf(customerId: string): Promise<InvoiceBody[]> {
  return (await call("GET", `/invoices?customerId=${customerId}`, { token: tokens.admin })).body.items;
}

describe("invoices over HTTP", () => {
  it("issues one invoice per customer for the closed month with each contract's fee and overage", async () => {
    // Act
    const monthInvoices = (await invoicesOf(german)).filter((i) => i.source.kind === "month");
    // Assess: fee 1,000.00 + 30 min over at 90.00/h = 45.00; 19 % VAT
    expect(monthInvoices).toHaveLength(1);
    const [invoice] = monthInvoices;
    expect(invoice!.lines.map((l) => [l.contractId, l.netCents])).toEqual([
      [germanMonthly.id, 100_000],
      [germanMonthly.id, 4_500],
    ]);
    expect(invoice!.totals).toMatchObject({
      lineTotalCents: 104_500,
      taxCents: 19_855,
      grandTotalCents: 124_355,
    });
    expect(invoice!.number).toMatch(/^RE-2026-\d{5}$/);
  });

  it("invoices a prepaid pool's price at its creation and a top-up's price when it is made", async () => {
    // Act
    const all = await invoicesOf(german);
    // Assess
    expect(pool.invoicing.status).toBe("issued");
    expect(topUpInvoicing.status).toBe("issued");
    const byKind = Object.fromEntries(all.map((i) => [i.source.kind, i]));
    expect(byKind.pool).toMatchObject({ id: pool.invoicing.invoiceId, totals: { lineTotalCents: 240_000 } });
    expect(byKind.topup).toMatchObject({ id: topUpInvoicing.invoiceId, totals: { lineTotalCents: 20_000 } });
    // Numbers are consecutive in the order of issue, none skipped
    expect(all.map((i) => i.number).sort()).toEqual(["RE-2026-00001", "RE-2026-00002", expect.any(String)]);
  });

  it("invoices a reverse charge customer with category AE, no tax and the legal note", async () => {
    // Act
    const [invoice, ...more] = await invoicesOf(eu);
    // Assess
    expect(more).toEqual([]);
    expect(invoice!.lines.every((l) => l.vatCategory === "AE")).toBe(true);
    expect(invoice!.totals).toMatchObject({ lineTotalCents: 50_000, taxCents: 0, grandTotalCents: 50_000 });
    expect(invoice!.notes.join(" ")).toContain("Steuerschuldnerschaft des Leistungsempfängers");
  });

  it("issues no invoice to a customer without billing data", async () => {
    expect(await invoicesOf(unbilled)).toEqual([]);
  });

  it("credits an invoice once with a 381 referring to it, and refuses more than its amount", async () => {
    // Prepare
    const topUp = (await invoicesOf(german)).find((i) => i.source.kind === "topup")!;
    // Act
    const credit = await call("POST", `/invoices/${topUp.id}/credit-note`, {
      token: tokens.admin,
      key: randomUUID(),
      body: { reason: "Aufstockung storniert" },
    });
    const again = await call("POST", `/invoices/${topUp.id}/credit-note`, {
      token: tokens.admin,
      key: randomUUID(),
      body: { reason: "noch einmal" },
    });
    const after = await call("GET", `/invoices/${topUp.id}`, { token: tokens.admin });
    // Assess
    expect(credit.status, credit.text).toBe(201);
    expect(credit.body).toMatchObject({ typeCode: 381, precedingInvoice: { number: topUp.number } });
    expect(credit.body.totals.grandTotalCents).toBe(topUp.totals.grandTotalCents);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("credit_exceeds_invoice");
    expect(after.body.status).toBe("credited");
  });

  it("serves an invoice as a ZUGFeRD PDF with factur-x.xml embedded", async () => {
    // Prepare
    const [invoice] = (await invoicesOf(german)).filter((i) => i.source.kind === "month");
    // Act
    const pdf = await call("GET", `/invoices/${invoice!.id}`, {
      token: tokens.admin,
      accept: "application/pdf",
    });
    // Assess
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const file = join(folder, "invoice.pdf");
    writeFileSync(file, pdf.bytes);
    expect(execFileSync("pdfdetach", ["-list", file], { encoding: "utf8" })).toContain("factur-x.xml");
  });

  it("shows a customer only its own invoices: another's is not found", async () => {
    // Prepare
    const customer = await signLocalToken(system.signingKey, { role: "customer", customerId: german });
    const [foreign] = await invoicesOf(eu);
    // Act
    const listed = await call("GET", `/invoices?customerId=${eu}`, { token: customer });
    const across = await call("GET", `/invoices/${foreign!.id}`, { token: customer });
    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((i: InvoiceBody) => i.customerId === german)).toBe(true);
    expect(across.status).toBe(404);
  });
  it("serves every invoice as XRechnung XML that passes the official rules", async () => {
    // Prepare: every kind of invoice made here (monthly, pool, top-up, reverse charge, credit notes)
    const all = [...(await invoicesOf(german)), ...(await invoicesOf(eu))];
    const files: string[] = [];
    for (const invoice of all) {
      const xml = await call("GET", `/invoices/${invoice.id}`, {
        token: tokens.admin,
        accept: "application/xml",
      });
      expect(xml.status).toBe(200);
      expect(xml.headers.get("content-type")).toContain("application/xml");
      const file = join(folder, `${invoice.number}.xml`);
      writeFileSync(file, xml.text);
      files.push(file);
    }
    // Act
    const verdicts = validateCii(files);
    // Assess
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(verdicts.get(file)?.errors, file).toEqual([]);
  }, 180_000);
});
