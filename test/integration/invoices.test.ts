import { beforeEach, describe, expect, it } from "vitest";
import type { Contract } from "../../domain/contract.js";
import type { IssuedInvoice } from "../../domain/invoice.js";
import { type CustomerBilling, type Invoice, topUpInvoiceDraft } from "../../domain/invoice.js";
import type { Store } from "../../domain/repositories.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { creditInvoice, issueMonthlyInvoiceIfComplete } from "../../domain/use-cases/invoices.js";
import { monthCloseWorker } from "../../functions/jobs/month-close-worker.job.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { aGermanCustomer, aProvider, parties } from "../support/invoice-fixtures.js";
import { admin, bookOn, type World, world } from "../support/month-close-world.js";
import { closeQueueEvent } from "../support/sqs-events.js";

const AFTER_JANUARY = "2026-02-01T08:00:00Z";

/** A customer with billing data (written through the store) and monthly contracts billing overage. */
async function billedCustomer(w: World, billing: CustomerBilling | null, count: number) {
  const id = w.deps.ids.newId("cus");
  await w.deps.store.customers.putCustomer({
    id,
    name: "Bäckerei Müller",
    timezone: "Europe/Berlin",
    holidays: "DE",
    createdAt: "2026-01-01T00:00:00Z",
    billing,
  });
  const contracts: Contract[] = [];
  for (let i = 0; i < count; i++) {
    contracts.push(
      await createContract(w.deps, admin, {
        kind: "monthly",
        customerId: id,
        monthlyQuotaMinutes: 60,
        startMonth: "2026-01",
        feeCentsPerMonth: 10_000 * (i + 1),
        overage: { policy: "bill", rateCentsPerHour: 9_000 },
      }),
    );
  }
  return { id, contracts };
}

/** A top-up invoice draft of `customerId` (a source of its own per top-up id). */
function topUpDraft(id: string, topUpId: string, customerId = "cus_1001"): Invoice {
  const draft = topUpInvoiceDraft(parties(aGermanCustomer(), { id, customerId }), {
    contractId: "con_p1",
    contractName: "Pool",
    topUpId,
    minutes: 600,
    priceCents: 50_000,
    date: "2026-03-02",
    poolEndDate: "2027-01-01",
  });
  if (!draft) throw new Error("no draft");
  return draft;
}

const anAlert = (w: World) => (invoice: IssuedInvoice) => ({
  id: w.deps.ids.newId("alr"),
  type: "invoice.issued" as const,
  customerId: invoice.buyer.customerId,
  contractId: "",
  at: "2026-03-02T10:00:00Z",
  details: { invoiceId: invoice.id },
});

/** The store of a worker that dies right after its `dieAt`-th close transaction was written. */
function dyingAfterClose(store: Store, dieAt: number): Store {
  let commits = 0;
  return {
    ...store,
    monthClose: {
      ...store.monthClose,
      listActiveContracts: (p) => store.monthClose.listActiveContracts(p),
      loadMonthState: (c, m) => store.monthClose.loadMonthState(c, m),
      listMonthBookings: (c, m) => store.monthClose.listMonthBookings(c, m),
      getClosedMonthFigures: (x) => store.monthClose.getClosedMonthFigures(x),
      async commitMonthClose(plan) {
        commits += 1;
        if (commits > dieAt) throw new Error("the worker is dead");
        const written = await store.monthClose.commitMonthClose(plan);
        if (commits === dieAt) throw new Error("the worker died after this write");
        return written;
      },
    },
  };
}

let w: World;
beforeEach(async () => {
  w = await world("2026-01-10T10:00:00Z");
});

describe("invoice store", () => {
  it("gives many concurrent issuers on one counter consecutive numbers, each once, none skipped", async () => {
    // Prepare
    const drafts = Array.from({ length: 25 }, (_, i) => topUpDraft(`inv_${i}`, `top_${i}`));
    // Act
    const issued = await Promise.all(
      drafts.map((d) => w.deps.store.invoices.issueInvoice(d, "2026-03-02", anAlert(w))),
    );
    // Assess
    expect(issued.every((r) => r.outcome === "issued")).toBe(true);
    const numbers = issued.map((r) => r.invoice.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 25 }, (_, i) => `RE-2026-${String(i + 1).padStart(5, "0")}`),
    );
  });

  it("issues a source once however often it is issued concurrently, and uses one number for it", async () => {
    // Prepare: five issuers of the same top-up, each with its own draft id
    const drafts = Array.from({ length: 5 }, (_, i) => topUpDraft(`inv_same_${i}`, "top_same"));
    // Act
    const results = await Promise.all(
      drafts.map((d) => w.deps.store.invoices.issueInvoice(d, "2026-03-02", anAlert(w))),
    );
    const next = await w.deps.store.invoices.issueInvoice(
      topUpDraft("inv_next", "top_other"),
      "2026-03-02",
      anAlert(w),
    );
    // Assess
    expect(results.filter((r) => r.outcome === "issued")).toHaveLength(1);
    expect(new Set(results.map((r) => r.invoice.id)).size).toBe(1);
    expect(results[0]!.invoice.number).toBe("RE-2026-00001");
    expect(next.invoice.number).toBe("RE-2026-00002");
  });

  it("counts each calendar year of the issue date from 1", async () => {
    // Act
    const december = await w.deps.store.invoices.issueInvoice(
      topUpDraft("inv_a", "top_a"),
      "2026-12-31",
      anAlert(w),
    );
    const january = await w.deps.store.invoices.issueInvoice(
      topUpDraft("inv_b", "top_b"),
      "2027-01-01",
      anAlert(w),
    );
    // Assess
    expect(december.invoice.number).toBe("RE-2026-00001");
    expect(january.invoice.number).toBe("RE-2027-00001");
  });
});

describe("invoices of the month close", () => {
  const jobs = (contracts: Contract[]) =>
    contracts.map((c) => JSON.stringify({ contractId: c.id, month: "2026-01" }));

  async function prepared(billing: CustomerBilling | null = aGermanCustomer()) {
    await w.deps.store.invoices.putProviderSettings(aProvider());
    const customer = await billedCustomer(w, billing, 3);
    // 90 minutes on the first contract: 30 over its 60-minute quota
    await bookOn(w.deps, customer.contracts[0]!.id, "2026-01-09", 90);
    w.deps.clock.set(AFTER_JANUARY);
    return customer;
  }

  async function invoicesOf(customerId: string) {
    return (await w.deps.store.invoices.listInvoices({ customerId, limit: 100 })).items;
  }

  it("issues one invoice per customer with each contract's fee and overage once its last contract closes", async () => {
    // Prepare
    const customer = await prepared();
    const worker = monthCloseWorker(w.deps);
    // Act: the first two contracts close; the customer's invoice waits for the third
    await worker(
      closeQueueEvent(jobs(customer.contracts.slice(0, 2))),
      lambdaContext("koad-monthCloseWorker"),
    );
    const waiting = await invoicesOf(customer.id);
    await worker(closeQueueEvent(jobs(customer.contracts.slice(2))), lambdaContext("koad-monthCloseWorker"));
    // Assess
    expect(waiting).toEqual([]);
    const [stored, ...more] = await invoicesOf(customer.id);
    expect(more).toEqual([]);
    expect(stored!.invoice.number).toBe("RE-2026-00001");
    expect(stored!.invoice.lines.map((l) => [l.contractId, l.netCents])).toEqual([
      [customer.contracts[0]!.id, 10_000],
      [customer.contracts[0]!.id, 4_500],
      [customer.contracts[1]!.id, 20_000],
      [customer.contracts[2]!.id, 30_000],
    ]);
    expect(stored!.invoice.totals).toMatchObject({
      lineTotalCents: 64_500,
      taxCents: 12_255,
      grandTotalCents: 76_755,
    });
    expect(stored!.invoice.issueDate).toBe("2026-02-01");
  });

  it("issues each invoice once when the close runs twice, concurrently, and after a crash half-way", async () => {
    // Prepare: three customers
    await w.deps.store.invoices.putProviderSettings(aProvider());
    const customers = [];
    for (let i = 0; i < 3; i++) customers.push(await billedCustomer(w, aGermanCustomer(), 2));
    w.deps.clock.set(AFTER_JANUARY);
    const all = customers.flatMap((c) => c.contracts);
    // Act: a worker dies after its 3rd close; SQS redelivers to two concurrent workers; a repeated close
    await monthCloseWorker({ ...w.deps, store: dyingAfterClose(w.deps.store, 3) })(
      closeQueueEvent(jobs(all)),
      lambdaContext("koad-monthCloseWorker"),
    );
    const healthy = monthCloseWorker(w.deps);
    const [a, b] = await Promise.all([
      healthy(closeQueueEvent(jobs(all)), lambdaContext("koad-monthCloseWorker")),
      healthy(closeQueueEvent(jobs([...all].reverse())), lambdaContext("koad-monthCloseWorker")),
    ]);
    const again = await healthy(closeQueueEvent(jobs(all)), lambdaContext("koad-monthCloseWorker"));
    // Assess
    expect([a.batchItemFailures, b.batchItemFailures, again.batchItemFailures]).toEqual([[], [], []]);
    const numbers: string[] = [];
    for (const c of customers) {
      const invoices = await invoicesOf(c.id);
      expect(invoices).toHaveLength(1);
      numbers.push(invoices[0]!.invoice.number);
    }
    expect(numbers.sort()).toEqual(["RE-2026-00001", "RE-2026-00002", "RE-2026-00003"]);
  });

  it("writes statements only while the provider settings are not set, and says so", async () => {
    // Prepare
    const customer = await billedCustomer(w, aGermanCustomer(), 1);
    w.deps.clock.set(AFTER_JANUARY);
    // Act
    const response = await monthCloseWorker(w.deps)(
      closeQueueEvent(jobs(customer.contracts)),
      lambdaContext("koad-monthCloseWorker"),
    );
    const step = await issueMonthlyInvoiceIfComplete(w.deps, customer.id, "2026-01");
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(await w.read.statementItems(customer.contracts[0]!.id)).toHaveLength(1);
    expect(step).toEqual({ outcome: "not_configured" });
    expect(await invoicesOf(customer.id)).toEqual([]);
  });

  it("issues no invoice to a customer without billing data, and says why", async () => {
    // Prepare
    const customer = await prepared(null);
    // Act
    await monthCloseWorker(w.deps)(
      closeQueueEvent(jobs(customer.contracts)),
      lambdaContext("koad-monthCloseWorker"),
    );
    const step = await issueMonthlyInvoiceIfComplete(w.deps, customer.id, "2026-01");
    // Assess
    expect(step).toEqual({ outcome: "no_billing" });
    expect(await invoicesOf(customer.id)).toEqual([]);
  });
});

describe("credit notes", () => {
  async function issuedInvoice() {
    await w.deps.store.invoices.putProviderSettings(aProvider());
    const result = await w.deps.store.invoices.issueInvoice(
      topUpDraft("inv_x", "top_x"),
      "2026-03-02",
      anAlert(w),
    );
    return result.invoice;
  }

  it("credits the whole invoice as a 381 in the same series and refuses a second credit", async () => {
    // Prepare
    const invoice = await issuedInvoice();
    // Act
    const credit = await creditInvoice(w.deps, admin, invoice.id, { reason: "Doppelt berechnet" });
    const second = creditInvoice(w.deps, admin, invoice.id, { reason: "noch einmal" });
    // Assess
    expect(credit).toMatchObject({
      typeCode: 381,
      number: "RE-2026-00002",
      precedingInvoice: { number: invoice.number, issueDate: invoice.issueDate },
    });
    expect(credit.totals.grandTotalCents).toBe(invoice.totals.grandTotalCents);
    await expect(second).rejects.toMatchObject({ code: "credit_exceeds_invoice" });
    expect((await w.deps.store.invoices.getInvoice(invoice.id))?.creditedCents).toBe(
      invoice.totals.grandTotalCents,
    );
  });

  it("lets concurrent partial credit notes together credit at most the invoice's full amount", async () => {
    // Prepare: a 50,000 net invoice; four concurrent credit notes of 20,000 net each
    const invoice = await issuedInvoice();
    const line = invoice.lines[0]!;
    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        creditInvoice(w.deps, admin, invoice.id, {
          reason: "Teilgutschrift",
          lines: [{ invoiceLineId: line.id, netCents: 20_000 }],
        }),
      ),
    );
    // Assess
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    expect(fulfilled).toHaveLength(2);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code: string }).code),
    ).toEqual(["credit_exceeds_invoice", "credit_exceeds_invoice"]);
    expect((await w.deps.store.invoices.getInvoice(invoice.id))?.creditedCents).toBe(2 * 23_800);
  });
});
