/**
 * The invoice as a domain value (SPEC §7): lines, VAT breakdown, totals and parties, computed here in
 * integer cents and tested here. XML (CII) and PDF are renderings of this value in adapters/; they
 * add no figure of their own.
 *
 * Money is integer cents, quantities integer minutes or pieces. Every rounding is half up and
 * happens in one place: a line's net amount (overage: minutes × rate / 60) and a VAT category's tax
 * (its net sum × rate / 100). EN 16931's sums (BR-CO-10 … BR-CO-17) then hold by construction.
 */
import { addDays, firstDayOf, type IsoDate, isIsoDate, lastDayOf, type Month } from "./calendar.js";
import type { ContractKind } from "./contract.js";
import { ValidationError } from "./errors.js";
import { CreditExceedsInvoiceError } from "./invoice-errors.js";

export { CreditExceedsInvoiceError } from "./invoice-errors.js";

export const DEFAULT_INVOICE_NUMBER_PREFIX = "RE-";
export const DEFAULT_PAYMENT_TERMS_DAYS = 14;
export const DEFAULT_VAT_RATE_PERCENT = 19;

export interface PostalAddress {
  street: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  countryCode: string;
}

/** The provider's invoicing settings (`PUT /settings/provider`); invoicing starts once they are set. */
export interface ProviderSettings {
  legalName: string;
  address: PostalAddress;
  /** USt-IdNr. (BT-31); required for reverse charge. */
  vatId: string | null;
  /** Steuernummer (BT-32); an invoice needs the VAT ID or the tax number. */
  taxNumber: string | null;
  /** The seller contact (BG-6), mandatory in XRechnung (BR-DE-2). */
  contact: { name: string; phone: string; email: string };
  /** Where the customer pays (BG-17, SEPA credit transfer). */
  bank: { iban: string; bic: string | null; holder: string };
  invoiceNumberPrefix: string;
  paymentTermsDays: number;
  /** The standard VAT rate (category S), e.g. 19; at most two decimals. */
  vatRatePercent: number;
}

/** What `PUT /settings/provider` takes: the settings with the defaults left out. */
export type ProviderSettingsInput = Omit<
  ProviderSettings,
  "invoiceNumberPrefix" | "paymentTermsDays" | "vatRatePercent"
> & {
  invoiceNumberPrefix?: string | undefined;
  paymentTermsDays?: number | undefined;
  vatRatePercent?: number | undefined;
};

/** The settings with SPEC §7's defaults: prefix `RE-`, 14 days, 19 %. */
export function providerSettings(input: ProviderSettingsInput): ProviderSettings {
  const settings: ProviderSettings = {
    ...input,
    invoiceNumberPrefix: input.invoiceNumberPrefix ?? DEFAULT_INVOICE_NUMBER_PREFIX,
    paymentTermsDays: input.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS,
    vatRatePercent: input.vatRatePercent ?? DEFAULT_VAT_RATE_PERCENT,
  };
  const problems: Record<string, string> = {};
  if (!Number.isInteger(settings.paymentTermsDays) || settings.paymentTermsDays < 0) {
    problems.paymentTermsDays = "must be a whole number of days, 0 or more";
  }
  if (!isRate(settings.vatRatePercent))
    problems.vatRatePercent = "must be 0 to 100 with at most two decimals";
  if (!settings.vatId && !settings.taxNumber) problems.vatId = "a VAT ID or a tax number is required";
  if (Object.keys(problems).length > 0) throw new ValidationError("invalid provider settings", problems);
  return settings;
}

export type VatTreatment = "standard" | "reverse_charge";
export type InvoiceLanguage = "de" | "en";

/** A customer's billing data (`PATCH /customers/{id}` `billing`). */
export interface CustomerBilling {
  legalName: string;
  address: PostalAddress;
  email: string;
  vatId?: string | null | undefined;
  /** The Leitweg-ID of a public-sector customer; without it the customer number is the buyer reference. */
  buyerReference?: string | null | undefined;
  /** `reverse_charge`: a business in another EU country, which needs its VAT ID. */
  vatTreatment: VatTreatment;
  /** The language of the PDF and of the line texts; German by default. */
  language?: InvoiceLanguage | undefined;
}

/** The buyer as an invoice records it: the billing data as it stood, and the customer it belongs to. */
export interface InvoiceBuyer {
  customerId: string;
  legalName: string;
  address: PostalAddress;
  email: string;
  vatId: string | null;
  vatTreatment: VatTreatment;
  language: InvoiceLanguage;
}

export type VatCategory = "S" | "AE";
/** UN/ECE Rec. 20: `C62` one (piece), `MIN` minute, `HUR` hour. */
export type UnitCode = "C62" | "MIN" | "HUR";

export interface DatePeriod {
  /** First day, included. */
  start: IsoDate;
  /** Last day, included. */
  end: IsoDate;
}

export interface InvoiceLine {
  /** `1`, `2`, … in the order of the invoice (BT-126). */
  id: string;
  description: string;
  /** Integer: minutes for overage, 1 for a fee or a price. */
  quantity: number;
  unitCode: UnitCode;
  /** The net price in cents for `priceBaseQuantity` units (BT-146, BT-149): overage is priced per 60 MIN. */
  unitPriceCents: number;
  priceBaseQuantity: number;
  /** quantity × unitPriceCents / priceBaseQuantity, rounded half up (BT-131). */
  netCents: number;
  vatCategory: VatCategory;
  vatRatePercent: number;
  /** The line's own period (BG-26), when it differs from the invoice's. */
  period: DatePeriod | null;
  /** The contract it bills, for the reader and for credit notes; not part of EN 16931. */
  contractId: string | null;
}

export interface VatBreakdown {
  category: VatCategory;
  ratePercent: number;
  basisCents: number;
  taxCents: number;
  /** BT-120/121: required for AE (BR-AE-10). */
  exemptionReason: string | null;
  exemptionReasonCode: string | null;
}

export interface InvoiceTotals {
  /** BT-106: Σ line net. */
  lineTotalCents: number;
  /** BT-109: line total (KoAd has no document allowances or charges). */
  taxBasisCents: number;
  /** BT-110: Σ per category tax. */
  taxCents: number;
  /** BT-112: tax basis + tax. */
  grandTotalCents: number;
  /** BT-115: grand total (nothing is prepaid). */
  duePayableCents: number;
}

/** What an invoice bills; one invoice per source (the adapter keeps each source invoiced once). */
export type InvoiceSource =
  | { kind: "month"; customerId: string; month: Month }
  | { kind: "pool"; contractId: string }
  | { kind: "topup"; contractId: string; topUpId: string }
  | { kind: "credit"; invoiceId: string };

export type InvoiceTypeCode = 380 | 381;

export interface Invoice {
  id: string;
  /** `RE-2026-00042`; null until issued. */
  number: string | null;
  /** 380 commercial invoice, 381 credit note. */
  typeCode: InvoiceTypeCode;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  servicePeriod: DatePeriod;
  currency: "EUR";
  seller: ProviderSettings;
  buyer: InvoiceBuyer;
  /** BT-10: the Leitweg-ID, or the customer number (XRechnung BR-DE-15). */
  buyerReference: string;
  lines: InvoiceLine[];
  vatBreakdown: VatBreakdown[];
  totals: InvoiceTotals;
  /** BT-22: free-text notes (reverse charge note, a credit note's reason). */
  notes: string[];
  /** BT-20: the payment terms in words; set when the invoice is issued. */
  paymentTerms: string | null;
  /** BT-25/26: the invoice a credit note corrects. */
  precedingInvoice: { number: string; issueDate: IsoDate } | null;
  source: InvoiceSource;
}

/** An issued invoice: numbered, dated, final. Only these are rendered. */
export type IssuedInvoice = Invoice & { number: string; issueDate: IsoDate; dueDate: IsoDate };

/** Who an invoice is from and to, and the id the caller chose for it (from the `IdGenerator` port). */
export interface InvoiceParties {
  id: string;
  seller: ProviderSettings;
  /** The customer's id (also the customer number, the fallback buyer reference) and its billing data. */
  customerId: string;
  billing: CustomerBilling;
}

// ---------------------------------------------------------------------------------------------------
// Rounding and totals

/** a × b / c rounded half up, for non-negative integers (exact while a × b stays below 2^53). */
function mulDivHalfUp(a: number, b: number, c: number): number {
  return Math.floor((a * b * 2 + c) / (c * 2));
}

function isRate(rate: number): boolean {
  return rate >= 0 && rate <= 100 && isHundredths(rate);
}

function isHundredths(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-9;
}

/** The tax of one VAT category: net sum × rate / 100, rounded half up to the cent (SPEC §7). */
export function categoryTaxCents(basisCents: number, ratePercent: number): number {
  // The rate in hundredths of a percent keeps 7.5 % (or any two-decimal rate) exact.
  return mulDivHalfUp(basisCents, Math.round(ratePercent * 100), 10_000);
}

/** A line's net amount: quantity × price / base quantity, rounded half up (overage: minutes × rate / 60). */
export function lineNetCents(quantity: number, unitPriceCents: number, priceBaseQuantity: number): number {
  return mulDivHalfUp(quantity, unitPriceCents, priceBaseQuantity);
}

const EXEMPTION: Record<VatCategory, { reason: string; code: string } | null> = {
  S: null,
  AE: { reason: "Reverse charge", code: "VATEX-EU-AE" },
};

/** The VAT breakdown (BG-23), one entry per category and rate, in the order they first appear. */
export function vatBreakdownOf(lines: InvoiceLine[]): VatBreakdown[] {
  const groups = new Map<string, { category: VatCategory; ratePercent: number; basisCents: number }>();
  for (const line of lines) {
    const key = `${line.vatCategory}/${line.vatRatePercent}`;
    const group = groups.get(key) ?? {
      category: line.vatCategory,
      ratePercent: line.vatRatePercent,
      basisCents: 0,
    };
    group.basisCents += line.netCents;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    ...g,
    taxCents: categoryTaxCents(g.basisCents, g.ratePercent),
    exemptionReason: EXEMPTION[g.category]?.reason ?? null,
    exemptionReasonCode: EXEMPTION[g.category]?.code ?? null,
  }));
}

/** The document totals (BG-22) from the lines and their breakdown (BR-CO-10, -13, -14, -15, -16). */
export function totalsOf(lines: InvoiceLine[], breakdown: VatBreakdown[]): InvoiceTotals {
  const lineTotalCents = lines.reduce((sum, l) => sum + l.netCents, 0);
  const taxCents = breakdown.reduce((sum, b) => sum + b.taxCents, 0);
  const grandTotalCents = lineTotalCents + taxCents;
  return {
    lineTotalCents,
    taxBasisCents: lineTotalCents,
    taxCents,
    grandTotalCents,
    duePayableCents: grandTotalCents,
  };
}

// ---------------------------------------------------------------------------------------------------
// Words in the customer's language

const MONTH_NAMES: Record<InvoiceLanguage, string[]> = {
  de: [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

const WORDS = {
  de: {
    fee: (name: string, month: string) => `${name}: Monatspauschale ${month}`,
    overage: (name: string, month: string) => `${name}: Mehraufwand ${month}`,
    pool: (name: string, minutes: number) => `${name}: Zeitkontingent ${formatHours(minutes, "de")} Std.`,
    topUp: (name: string, minutes: number) => `${name}: Aufstockung um ${formatHours(minutes, "de")} Std.`,
    credit: (number: string) => `Gutschrift zur Rechnung ${number}`,
    creditPart: (description: string) => `Gutschrift: ${description}`,
    reverseCharge: "Steuerschuldnerschaft des Leistungsempfängers",
    terms: (days: number, due: string) =>
      days === 0
        ? "Zahlbar sofort ohne Abzug."
        : `Zahlbar ohne Abzug innerhalb von ${days} Tagen bis ${due}.`,
    refundTerms: (due: string) => `Den Gutschriftbetrag erstatten wir Ihnen bis ${due}.`,
  },
  en: {
    fee: (name: string, month: string) => `${name}: monthly fee ${month}`,
    overage: (name: string, month: string) => `${name}: additional time ${month}`,
    pool: (name: string, minutes: number) => `${name}: prepaid time, ${formatHours(minutes, "en")} h`,
    topUp: (name: string, minutes: number) => `${name}: top-up of ${formatHours(minutes, "en")} h`,
    credit: (number: string) => `Credit note for invoice ${number}`,
    creditPart: (description: string) => `Credit: ${description}`,
    // The German legal wording stays (§ 14a UStG); the English follows for the reader.
    reverseCharge: "Steuerschuldnerschaft des Leistungsempfängers (reverse charge)",
    terms: (days: number, due: string) =>
      days === 0
        ? "Payable immediately without deduction."
        : `Payable within ${days} days without deduction, by ${due}.`,
    refundTerms: (due: string) => `We will refund the credit by ${due}.`,
  },
} as const;

/** A month in words in the customer's language: "Oktober 2026", "October 2026". */
export function monthName(month: Month, language: InvoiceLanguage): string {
  return `${MONTH_NAMES[language][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function formatHours(minutes: number, language: InvoiceLanguage): string {
  const hours = minutes / 60;
  const text = Number.isInteger(hours) ? String(hours) : hours.toFixed(2);
  return language === "de" ? text.replace(".", ",") : text;
}

/** A date as the customer reads it: `18.12.2026` (de) or `2026-12-18` (en). */
export function formatDate(date: IsoDate, language: InvoiceLanguage): string {
  return language === "de" ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : date;
}

// ---------------------------------------------------------------------------------------------------
// Drafts

function buyerOf(parties: InvoiceParties): InvoiceBuyer {
  const b = parties.billing;
  return {
    customerId: parties.customerId,
    legalName: b.legalName,
    address: b.address,
    email: b.email,
    vatId: b.vatId ?? null,
    vatTreatment: b.vatTreatment,
    language: b.language ?? "de",
  };
}

/** The VAT of every line of this buyer: S at the provider's rate, or AE at 0 for reverse charge. */
function vatOf(parties: InvoiceParties): { vatCategory: VatCategory; vatRatePercent: number } {
  return parties.billing.vatTreatment === "reverse_charge"
    ? { vatCategory: "AE", vatRatePercent: 0 }
    : { vatCategory: "S", vatRatePercent: parties.seller.vatRatePercent };
}

function checkParties(parties: InvoiceParties): void {
  const problems: Record<string, string> = {};
  if (parties.billing.vatTreatment === "reverse_charge") {
    if (!parties.billing.vatId) problems["billing.vatId"] = "is required for reverse charge";
    if (!parties.seller.vatId) problems["seller.vatId"] = "is required for reverse charge";
  } else if (!parties.seller.vatId && !parties.seller.taxNumber) {
    problems["seller.vatId"] = "a VAT ID or a tax number is required";
  }
  if (Object.keys(problems).length > 0)
    throw new ValidationError("the invoice parties are incomplete", problems);
}

interface LineInput {
  description: string;
  quantity: number;
  unitCode: UnitCode;
  unitPriceCents: number;
  priceBaseQuantity?: number;
  /** Given when the net amount is not quantity × price (a partial credit). */
  netCents?: number;
  period?: DatePeriod | null;
  contractId: string | null;
}

function checkCounts(values: Record<string, number>): void {
  const problems: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isSafeInteger(value) || value < 0) problems[name] = "must be a whole number, 0 or more";
  }
  if (Object.keys(problems).length > 0) throw new ValidationError("invalid invoice figures", problems);
}

/**
 * An invoice draft from its lines; null when its total is zero (SPEC §7: nothing is issued for a zero
 * amount). Lines of zero are left out: a contract without a fee does not print a 0,00 line.
 */
function draft(
  parties: InvoiceParties,
  input: {
    typeCode: InvoiceTypeCode;
    servicePeriod: DatePeriod;
    lines: LineInput[];
    source: InvoiceSource;
    notes?: string[];
    precedingInvoice?: Invoice["precedingInvoice"];
  },
  vat: { vatCategory: VatCategory; vatRatePercent: number } = vatOf(parties),
): Invoice | null {
  checkParties(parties);
  const buyer = buyerOf(parties);
  const lines: InvoiceLine[] = [];
  for (const l of input.lines) {
    const base = l.priceBaseQuantity ?? 1;
    checkCounts({ quantity: l.quantity, unitPriceCents: l.unitPriceCents, priceBaseQuantity: base });
    const netCents = l.netCents ?? lineNetCents(l.quantity, l.unitPriceCents, base);
    if (netCents === 0) continue;
    lines.push({
      id: String(lines.length + 1),
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unitCode,
      unitPriceCents: l.unitPriceCents,
      priceBaseQuantity: base,
      netCents,
      ...vat,
      period: l.period ?? null,
      contractId: l.contractId,
    });
  }
  if (lines.length === 0) return null;
  const vatBreakdown = vatBreakdownOf(lines);
  const notes = [...(input.notes ?? [])];
  if (vat.vatCategory === "AE") notes.push(WORDS[buyer.language].reverseCharge);
  return {
    id: parties.id,
    number: null,
    typeCode: input.typeCode,
    issueDate: null,
    dueDate: null,
    servicePeriod: input.servicePeriod,
    currency: "EUR",
    seller: parties.seller,
    buyer,
    buyerReference: parties.billing.buyerReference || parties.customerId,
    lines,
    vatBreakdown,
    totals: totalsOf(lines, vatBreakdown),
    notes,
    paymentTerms: null,
    precedingInvoice: input.precedingInvoice ?? null,
    source: input.source,
  };
}

/**
 * One contract's figures of a closed month M, as the month close hands them over (from the closed
 * statement). Integer cents and minutes.
 */
export interface MonthlyInvoiceContract {
  contractId: string;
  /** The contract's `name`, printed on the line ("Managed Linux servers"). */
  contractName: string;
  kind: ContractKind;
  month: Month;
  /** monthly: the flat fee of M. prepaid: ignored (the price is invoiced when the pool is created). */
  feeCents: number;
  /** Overage minutes of M. */
  overageMinutes: number;
  overageRateCentsPerHour: number;
  overagePolicy: "block" | "bill";
}

/**
 * The invoice of a customer for a closed month M (SPEC §7): per monthly contract a line for its flat fee
 * of M and one for its overage of M (minutes × rate / 60, half up per line), and the overage of M of
 * each prepaid pool with policy `bill`. Null when the total is zero. Lines follow the order of
 * `contracts`, fee before overage.
 */
export function monthlyInvoiceDraft(
  parties: InvoiceParties,
  input: { month: Month; contracts: MonthlyInvoiceContract[] },
): Invoice | null {
  const language = parties.billing.language ?? "de";
  const words = WORDS[language];
  const period = { start: firstDayOf(input.month), end: lastDayOf(input.month) };
  const lines: LineInput[] = [];
  for (const c of input.contracts) {
    if (c.month !== input.month) {
      throw new ValidationError("a contract's figures are for another month", {
        month: `${c.contractId} is for ${c.month}, the invoice for ${input.month}`,
      });
    }
    checkCounts({ feeCents: c.feeCents, overageMinutes: c.overageMinutes, rate: c.overageRateCentsPerHour });
    const name = monthName(c.month, language);
    if (c.kind === "monthly") {
      lines.push({
        description: words.fee(c.contractName, name),
        quantity: 1,
        unitCode: "C62",
        unitPriceCents: c.feeCents,
        contractId: c.contractId,
      });
    }
    if (c.overagePolicy === "bill" && c.overageMinutes > 0) {
      lines.push({
        description: words.overage(c.contractName, name),
        quantity: c.overageMinutes,
        unitCode: "MIN",
        unitPriceCents: c.overageRateCentsPerHour,
        priceBaseQuantity: 60,
        contractId: c.contractId,
      });
    }
  }
  return draft(parties, {
    typeCode: 380,
    servicePeriod: period,
    lines,
    source: { kind: "month", customerId: parties.customerId, month: input.month },
  });
}

/** A prepaid pool as its creation invoices it. */
export interface PoolInvoiceInput {
  contractId: string;
  contractName: string;
  priceCents: number;
  /** The pool's size: monthlyBasisMinutes × 12 × termYears. */
  poolMinutes: number;
  startDate: IsoDate;
  /** The contract's `endDate`: the first day after the term (exclusive). */
  endDate: IsoDate;
}

/** The invoice for a prepaid pool's `priceCents`, made when the contract is created; service period: the term. */
export function poolInvoiceDraft(parties: InvoiceParties, pool: PoolInvoiceInput): Invoice | null {
  checkCounts({ priceCents: pool.priceCents, poolMinutes: pool.poolMinutes });
  const words = WORDS[parties.billing.language ?? "de"];
  return draft(parties, {
    typeCode: 380,
    servicePeriod: { start: pool.startDate, end: addDays(pool.endDate, -1) },
    lines: [
      {
        description: words.pool(pool.contractName, pool.poolMinutes),
        quantity: 1,
        unitCode: "C62",
        unitPriceCents: pool.priceCents,
        contractId: pool.contractId,
      },
    ],
    source: { kind: "pool", contractId: pool.contractId },
  });
}

/** A top-up of a prepaid pool with its (optional) price. */
export interface TopUpInvoiceInput {
  contractId: string;
  contractName: string;
  topUpId: string;
  minutes: number;
  priceCents: number;
  /** The day it was made. */
  date: IsoDate;
  /** The pool's `endDate` (exclusive): the added time serves until then. */
  poolEndDate: IsoDate;
}

/** The invoice for a top-up's `priceCents`, made with the top-up; service period: the top-up to the term's end. */
export function topUpInvoiceDraft(parties: InvoiceParties, topUp: TopUpInvoiceInput): Invoice | null {
  checkCounts({ priceCents: topUp.priceCents, minutes: topUp.minutes });
  const words = WORDS[parties.billing.language ?? "de"];
  if (topUp.poolEndDate <= topUp.date) {
    throw new ValidationError("a top-up after the term", { date: "must be before the pool's end date" });
  }
  return draft(parties, {
    typeCode: 380,
    servicePeriod: { start: topUp.date, end: addDays(topUp.poolEndDate, -1) },
    lines: [
      {
        description: words.topUp(topUp.contractName, topUp.minutes),
        quantity: 1,
        unitCode: "C62",
        unitPriceCents: topUp.priceCents,
        contractId: topUp.contractId,
      },
    ],
    source: { kind: "topup", contractId: topUp.contractId, topUpId: topUp.topUpId },
  });
}

/** One line of a partial credit note: a line of the invoice, wholly or for `netCents` of it. */
export interface CreditLineInput {
  /** The `id` of the invoice line credited. */
  invoiceLineId: string;
  /** The net amount credited; default: the whole line. */
  netCents?: number | undefined;
  /** Default: the invoice line's description. */
  description?: string | undefined;
}

/**
 * A credit note (381) for an issued invoice (SPEC §7, `POST /invoices/{id}/credit-note`): by default the
 * whole invoice, or the given lines. Same parties, period and VAT as the invoice; refers to it (BT-25/26);
 * the reason is a note. `creditedCents` is the grand total of the credit notes already issued for it:
 * a credit note beyond what is left is refused (`credit_exceeds_invoice`). Null for a zero credit.
 */
export function creditNoteDraft(
  invoice: Invoice,
  input: {
    id: string;
    reason: string;
    lines?: CreditLineInput[] | undefined;
    creditedCents?: number | undefined;
  },
): Invoice | null {
  if (invoice.number === null || invoice.issueDate === null) {
    throw new ValidationError("only an issued invoice can be credited", { invoiceId: "is not issued" });
  }
  if (invoice.typeCode !== 380) {
    throw new ValidationError("a credit note cannot be credited", { invoiceId: "is a credit note" });
  }
  if (!input.reason.trim())
    throw new ValidationError("a credit note needs a reason", { reason: "is required" });
  const language = invoice.buyer.language;
  const requested: CreditLineInput[] = input.lines ?? invoice.lines.map((l) => ({ invoiceLineId: l.id }));
  const lines: LineInput[] = requested.map((c) => {
    const line = invoice.lines.find((l) => l.id === c.invoiceLineId);
    if (!line) {
      throw new ValidationError("no such invoice line", {
        lines: `the invoice has no line ${c.invoiceLineId}`,
      });
    }
    if (c.netCents === undefined || c.netCents === line.netCents) {
      return { ...line, description: c.description ?? line.description };
    }
    checkCounts({ netCents: c.netCents });
    if (c.netCents > line.netCents) {
      throw new CreditExceedsInvoiceError("a credit line exceeds the invoice line", {
        invoiceLineId: line.id,
        lineNetCents: line.netCents,
        requestedNetCents: c.netCents,
      });
    }
    // A part of a line is one piece at the credited amount: quantity × price stays equal to the net.
    return {
      description: c.description ?? WORDS[language].creditPart(line.description),
      quantity: 1,
      unitCode: "C62" as const,
      unitPriceCents: c.netCents,
      contractId: line.contractId,
      period: line.period,
    };
  });
  const credit = draft(
    {
      id: input.id,
      seller: invoice.seller,
      customerId: invoice.buyer.customerId,
      billing: { ...invoice.buyer, buyerReference: invoice.buyerReference },
    },
    {
      typeCode: 381,
      servicePeriod: invoice.servicePeriod,
      lines,
      source: { kind: "credit", invoiceId: invoice.id },
      notes: [`${WORDS[language].credit(invoice.number)}: ${input.reason.trim()}`],
      precedingInvoice: { number: invoice.number, issueDate: invoice.issueDate },
    },
    {
      vatCategory: invoice.lines[0]?.vatCategory ?? "S",
      vatRatePercent: invoice.lines[0]?.vatRatePercent ?? 0,
    },
  );
  if (credit === null) return null;
  const remaining = invoice.totals.grandTotalCents - (input.creditedCents ?? 0);
  if (credit.totals.grandTotalCents > remaining) {
    throw new CreditExceedsInvoiceError("the credit note exceeds what is left to credit on the invoice", {
      invoiceId: invoice.id,
      remainingCents: Math.max(remaining, 0),
      requestedCents: credit.totals.grandTotalCents,
    });
  }
  return credit;
}

// ---------------------------------------------------------------------------------------------------
// Issue and number

/** An issued invoice's status: `issued`, or how far its credit notes took it back. */
export function invoiceStatus(stored: {
  invoice: Pick<Invoice, "totals">;
  creditedCents: number;
}): "issued" | "credited" | "partially_credited" {
  if (stored.creditedCents === 0) return "issued";
  return stored.creditedCents >= stored.invoice.totals.grandTotalCents ? "credited" : "partially_credited";
}

/** `{prefix}{YYYY}-{NNNNN}`: `formatInvoiceNumber("RE-", 2026, 42)` is `RE-2026-00042`. */
export function formatInvoiceNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) {
    throw new ValidationError("invalid invoice year", { year: "must be 2000 to 2099" });
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new ValidationError("invalid invoice sequence", { sequence: "must be a whole number from 1" });
  }
  return `${prefix}${year}-${String(sequence).padStart(5, "0")}`;
}

/**
 * Issues a draft: sets its number (allocated by the store in the transaction that issues it), its issue
 * date and its due date (issue date + the provider's payment terms) and the payment terms text.
 */
export function issueInvoice(draft: Invoice, number: string, issueDate: IsoDate): IssuedInvoice {
  if (draft.number !== null) {
    throw new ValidationError("the invoice is already issued", { number: `is ${draft.number}` });
  }
  if (!isIsoDate(issueDate))
    throw new ValidationError("invalid issue date", { issueDate: "must be YYYY-MM-DD" });
  if (!number.trim()) throw new ValidationError("invalid invoice number", { number: "is required" });
  const days = draft.seller.paymentTermsDays;
  const dueDate = addDays(issueDate, days);
  const words = WORDS[draft.buyer.language];
  return {
    ...draft,
    number,
    issueDate,
    dueDate,
    // A credit note's "due date" is when the provider pays back (BT-9 applies to the amount due either way).
    paymentTerms:
      draft.typeCode === 381
        ? words.refundTerms(formatDate(dueDate, draft.buyer.language))
        : words.terms(days, formatDate(dueDate, draft.buyer.language)),
  };
}

/** Cents as a decimal amount with two places and a dot (`123456` → `1234.56`), as CII writes it. */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
