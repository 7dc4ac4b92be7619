import { type Actor, assertAllowed, assertSees } from "../access.js";
import type { Alert } from "../alert.js";
import { isoInstant, type Month } from "../calendar.js";
import { type Contract, isMonthClosed, type NewContract } from "../contract.js";
import { NotFoundError } from "../errors.js";
import {
  type CreditLineInput,
  creditNoteDraft,
  type Invoice,
  type IssuedInvoice,
  type MonthlyInvoiceContract,
  monthlyInvoiceDraft,
  type ProviderSettings,
  type ProviderSettingsInput,
  poolInvoiceDraft,
  providerSettings,
  topUpInvoiceDraft,
} from "../invoice.js";
import type { InvoiceQuery, IssueOutcome, Page, StoredInvoice } from "../repositories.js";
import { hasStatementFor } from "../statement.js";
import { createContract, today, topUpPool } from "./contracts.js";
import type { StoreOf, UseCaseDeps } from "./deps.js";

/** Optimistic retries of a credit note against concurrent credit notes of the same invoice. */
const MAX_CREDIT_ATTEMPTS = 10;

export async function getProviderSettings(
  deps: UseCaseDeps<StoreOf<"invoices">>,
  actor: Actor,
): Promise<ProviderSettings> {
  assertAllowed(actor, "settings.manage");
  const settings = await deps.store.invoices.getProviderSettings();
  if (!settings) throw new NotFoundError("Provider settings are not set; invoicing has not started");
  return settings;
}

/** Sets the provider's invoicing settings (SPEC §7); invoicing starts once they are set. */
export async function putProviderSettings(
  deps: UseCaseDeps<StoreOf<"invoices">>,
  actor: Actor,
  input: ProviderSettingsInput,
): Promise<ProviderSettings> {
  assertAllowed(actor, "settings.manage");
  const settings = providerSettings(input);
  await deps.store.invoices.putProviderSettings(settings);
  return settings;
}

/** Whether invoicing has started: what a close says in its answer. */
export async function invoicingStatus(
  deps: UseCaseDeps<StoreOf<"invoices">>,
): Promise<"configured" | "not_configured"> {
  return (await deps.store.invoices.getProviderSettings()) ? "configured" : "not_configured";
}

/** The `invoice.issued` alert of an invoice or credit note, stored in the transaction that issues it. */
function issuedAlert(deps: UseCaseDeps<unknown>, invoice: IssuedInvoice): Alert {
  return {
    id: deps.ids.newId("alr"),
    type: "invoice.issued",
    customerId: invoice.buyer.customerId,
    contractId: invoice.lines[0]?.contractId ?? "",
    at: isoInstant(deps.clock.now()),
    details: {
      invoiceId: invoice.id,
      number: invoice.number,
      typeCode: invoice.typeCode,
      grandTotalCents: invoice.totals.grandTotalCents,
    },
  };
}

/** Why a source got no invoice. */
export type InvoiceSkip =
  /** No provider settings yet: the close writes statements only. */
  | "not_configured"
  /** The customer has no billing data. */
  | "no_billing"
  /** The amount is zero: nothing is issued. */
  | "zero"
  /** Another contract of the customer that runs in the month is not closed yet: its close will issue. */
  | "waiting";

export type InvoiceStepOutcome = IssueOutcome | { outcome: InvoiceSkip };

type IssueStore = StoreOf<"invoices" | "customers">;

async function partiesFor(deps: UseCaseDeps<IssueStore>, customerId: string) {
  const [seller, customer] = await Promise.all([
    deps.store.invoices.getProviderSettings(),
    deps.store.customers.getCustomer(customerId),
  ]);
  if (!seller) return "not_configured" as const;
  if (!customer) throw new NotFoundError(`Customer ${customerId} not found`);
  if (!customer.billing) return "no_billing" as const;
  return { id: deps.ids.newId("inv"), seller, customerId, billing: customer.billing };
}

async function issue(deps: UseCaseDeps<IssueStore>, draft: Invoice | null): Promise<InvoiceStepOutcome> {
  if (!draft) return { outcome: "zero" };
  return deps.store.invoices.issueInvoice(draft, today(deps), (invoice) => issuedAlert(deps, invoice));
}

/**
 * The invoice step of the month close (SPEC §7): once the last contract of a customer that runs in
 * `month` is closed through it, issues the customer's invoice for the month from the figures the
 * closes froze. Safe to run any number of times, concurrently too: the store issues a customer-month
 * once (its natural key is part of the issuing transaction), so two workers finishing the customer's
 * last contracts together issue one invoice.
 */
export async function issueMonthlyInvoiceIfComplete(
  deps: UseCaseDeps<IssueStore & StoreOf<"contracts" | "monthClose">>,
  customerId: string,
  month: Month,
): Promise<InvoiceStepOutcome> {
  const existing = await deps.store.invoices.invoiceOfSource({ kind: "month", customerId, month });
  if (existing) return { outcome: "exists", invoice: existing.invoice };
  const contracts = (await deps.store.contracts.listContractsOfCustomer(customerId)).filter((c) =>
    hasStatementFor(c, month),
  );
  if (contracts.some((c) => !isMonthClosed(c, month))) return { outcome: "waiting" };
  const parties = await partiesFor(deps, customerId);
  if (typeof parties === "string") return { outcome: parties };
  const figures = await deps.store.monthClose.getClosedMonthFigures(
    contracts.map((c) => ({ contractId: c.id, month })),
  );
  const byId = new Map(figures.map((f) => [f.contractId, f]));
  const lines: MonthlyInvoiceContract[] = [];
  for (const contract of sortedForInvoice(contracts)) {
    const f = byId.get(contract.id);
    if (!f) throw new Error(`Statement ${contract.id}/${month} is missing although the month is closed`);
    lines.push({
      contractId: contract.id,
      contractName: contractName(contract),
      kind: contract.kind,
      month,
      feeCents: contract.kind === "monthly" ? f.feeCents : 0,
      overageMinutes: f.overageMinutes,
      overageRateCentsPerHour: contract.overage.rateCentsPerHour,
      overagePolicy: contract.overage.policy,
    });
  }
  return issue(deps, monthlyInvoiceDraft(parties, { month, contracts: lines }));
}

function sortedForInvoice(contracts: Contract[]): Contract[] {
  return [...contracts].sort((a, b) =>
    a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1,
  );
}

/** The contract's name where contracts carry one (SPEC §6), else its id. */
function contractName(contract: Contract): string {
  const name = (contract as Contract & { name?: unknown }).name;
  return typeof name === "string" && name ? name : contract.id;
}

/** The invoice of a prepaid pool's price, issued when the contract is created (once per pool). */
export async function issuePoolInvoice(
  deps: UseCaseDeps<IssueStore>,
  contract: Contract,
): Promise<InvoiceStepOutcome> {
  if (contract.kind !== "prepaid") return { outcome: "zero" };
  const existing = await deps.store.invoices.invoiceOfSource({ kind: "pool", contractId: contract.id });
  if (existing) return { outcome: "exists", invoice: existing.invoice };
  const parties = await partiesFor(deps, contract.customerId);
  if (typeof parties === "string") return { outcome: parties };
  return issue(
    deps,
    poolInvoiceDraft(parties, {
      contractId: contract.id,
      contractName: contractName(contract),
      priceCents: contract.priceCents,
      poolMinutes: contract.monthlyBasisMinutes * 12 * contract.termYears,
      startDate: contract.startDate,
      endDate: contract.endDate,
    }),
  );
}

/** The invoice of a top-up's price, issued with the top-up (once per top-up). */
export async function issueTopUpInvoice(
  deps: UseCaseDeps<IssueStore>,
  contract: Contract,
  topUp: { id: string; minutes: number; priceCents: number },
): Promise<InvoiceStepOutcome> {
  if (contract.kind !== "prepaid" || topUp.priceCents === 0) return { outcome: "zero" };
  const source = { kind: "topup" as const, contractId: contract.id, topUpId: topUp.id };
  const existing = await deps.store.invoices.invoiceOfSource(source);
  if (existing) return { outcome: "exists", invoice: existing.invoice };
  const parties = await partiesFor(deps, contract.customerId);
  if (typeof parties === "string") return { outcome: parties };
  return issue(
    deps,
    topUpInvoiceDraft(parties, {
      contractId: contract.id,
      contractName: contractName(contract),
      topUpId: topUp.id,
      minutes: topUp.minutes,
      priceCents: topUp.priceCents,
      date: today(deps),
      poolEndDate: contract.endDate,
    }),
  );
}

/**
 * Issues a credit note (381) for an invoice: the whole invoice, or the given lines. At most the
 * invoice's full amount in total: the credited cents on the invoice move in the transaction that
 * issues the credit note, only from the value this decision read.
 */
export async function creditInvoice(
  deps: UseCaseDeps<StoreOf<"invoices">>,
  actor: Actor,
  invoiceId: string,
  input: { reason: string; lines?: CreditLineInput[] | undefined },
): Promise<IssuedInvoice> {
  assertAllowed(actor, "invoices.credit");
  const creditId = deps.ids.newId("inv");
  // A retried request (the same Idempotency-Key, so the same id) finds the credit note it issued.
  const issued = await deps.store.invoices.getInvoice(creditId);
  if (issued?.invoice.source.kind === "credit" && issued.invoice.source.invoiceId === invoiceId) {
    return issued.invoice;
  }
  for (let attempt = 0; attempt < MAX_CREDIT_ATTEMPTS; attempt++) {
    const stored = await deps.store.invoices.getInvoice(invoiceId);
    if (!stored) throw new NotFoundError("Invoice not found");
    const draft = creditNoteDraft(stored.invoice, {
      id: creditId,
      reason: input.reason,
      lines: input.lines,
      creditedCents: stored.creditedCents,
    });
    if (!draft) throw new NotFoundError("Nothing to credit");
    const result = await deps.store.invoices.issueCreditNote(
      draft,
      today(deps),
      (invoice) => issuedAlert(deps, invoice),
      { invoiceId, creditedCentsSeen: stored.creditedCents },
    );
    if (result.outcome !== "stale") return result.invoice;
  }
  throw new Error(`Invoice ${invoiceId} kept changing while being credited`);
}

export async function getInvoice(
  deps: UseCaseDeps<StoreOf<"invoices">>,
  actor: Actor,
  invoiceId: string,
): Promise<StoredInvoice> {
  assertAllowed(actor, "invoices.read");
  const stored = await deps.store.invoices.getInvoice(invoiceId);
  if (!stored) throw new NotFoundError("Invoice not found");
  assertSees(actor, stored.invoice.buyer.customerId, "Invoice");
  return stored;
}

/** Invoices and credit notes, newest first; a customer's own only, whatever it asks for. */
export async function listInvoices(
  deps: UseCaseDeps<StoreOf<"invoices">>,
  actor: Actor,
  query: InvoiceQuery,
): Promise<Page<StoredInvoice>> {
  assertAllowed(actor, "invoices.read");
  const customerId = actor.role === "customer" ? (actor.customerId ?? "") : query.customerId;
  return deps.store.invoices.listInvoices({ ...query, customerId });
}

/**
 * The invoice step after a close job closed a contract through `months` (the months it closed, and
 * the job's month, which an earlier run may have closed before it died): for each, the customer's
 * invoice once its last contract of the month is closed.
 */
export async function invoiceAfterClose(
  deps: UseCaseDeps<IssueStore & StoreOf<"contracts" | "monthClose">>,
  contractId: string,
  months: Month[],
): Promise<{ month: Month; outcome: InvoiceStepOutcome["outcome"]; number?: string }[]> {
  const contract = await deps.store.contracts.getContract(contractId);
  if (!contract) throw new NotFoundError(`Contract ${contractId} not found`);
  const results = [];
  for (const month of [...new Set(months)].sort()) {
    const step = await issueMonthlyInvoiceIfComplete(deps, contract.customerId, month);
    results.push({
      month,
      outcome: step.outcome,
      ...("invoice" in step ? { number: step.invoice.number } : {}),
    });
  }
  return results;
}

/**
 * Creates a contract and, for a prepaid pool with a price, issues its invoice (SPEC §7: when the
 * contract is created; service period: the term). A retry finds the contract and its invoice made.
 */
export async function createContractInvoiced(
  deps: UseCaseDeps<IssueStore & StoreOf<"contracts">>,
  actor: Actor,
  input: NewContract,
): Promise<{ contract: Contract; invoice: InvoiceStepOutcome }> {
  const contract = await createContract(deps, actor, input);
  return { contract, invoice: await issuePoolInvoice(deps, contract) };
}

/** Tops up a pool and issues the invoice of the top-up's price, if it has one (SPEC §7). */
export async function topUpPoolInvoiced(
  deps: UseCaseDeps<IssueStore & StoreOf<"contracts">>,
  actor: Actor,
  contractId: string,
  input: { minutes: number; note?: string | undefined; priceCents?: number | undefined },
) {
  const topUp = await topUpPool(deps, actor, contractId, input);
  const contract = await deps.store.contracts.getContract(contractId);
  if (!contract) throw new NotFoundError("Contract not found");
  const invoice = await issueTopUpInvoice(deps, contract, {
    id: topUp.id,
    minutes: topUp.minutes,
    priceCents: input.priceCents ?? 0,
  });
  return { topUp, invoice };
}
