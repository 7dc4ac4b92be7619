/**
 * What an invoice PDF says, block by block, in the customer's language: every text and every figure,
 * formatted, but no coordinates. `invoice-pdf.ts` places these blocks on the page. All figures come
 * from the domain value; nothing is computed here but formatting.
 */
import {
  formatDate,
  type InvoiceLanguage,
  type InvoiceLine,
  type IssuedInvoice,
} from "../../domain/invoice.js";

const LABELS = {
  de: {
    invoice: "Rechnung",
    creditNote: "Gutschrift",
    number: "Rechnungsnummer",
    creditNumber: "Gutschriftnummer",
    date: "Rechnungsdatum",
    creditDate: "Datum",
    period: "Leistungszeitraum",
    customerNumber: "Kundennummer",
    buyerReference: "Leitweg-ID / Ihre Referenz",
    buyerVatId: "Ihre USt-IdNr.",
    due: "Fällig am",
    preceding: "Zur Rechnung",
    precedingDate: "Rechnungsdatum",
    continued: "Fortsetzung",
    intro: (start: string, end: string) =>
      `Für unsere Leistungen im Zeitraum ${start} bis ${end} berechnen wir Ihnen wie folgt:`,
    creditIntro: (number: string, date: string) =>
      `Zu unserer Rechnung ${number} vom ${date} schreiben wir Ihnen gut:`,
    pos: "Pos.",
    description: "Beschreibung",
    quantity: "Menge",
    unitPrice: "Einzelpreis",
    amount: "Betrag",
    net: "Nettobetrag",
    vat: (rate: string, basis: string) => `USt. ${rate} % auf ${basis}`,
    reverseChargeVat: "USt. 0 % (Steuerschuldnerschaft des Leistungsempfängers)",
    total: "Gesamtbetrag",
    creditTotal: "Gutschriftbetrag",
    transfer: (number: string) =>
      `Bitte überweisen Sie den Gesamtbetrag unter Angabe der Rechnungsnummer ${number} auf unser unten genanntes Konto.`,
    embedded:
      "Dieses Dokument enthält die elektronische Rechnung nach EN 16931 (ZUGFeRD 2.3 / Factur-X) als Anhang factur-x.xml.",
    vatId: "USt-IdNr.",
    taxNumber: "Steuernr.",
    phone: "Tel.",
    email: "E-Mail",
    iban: "IBAN",
    bic: "BIC",
    bank: "Bankverbindung",
    page: (page: number, of: number) => `Seite ${page} von ${of}`,
    minutes: "Min.",
    pieces: "Stk.",
    hours: "Std.",
    perHour: "/Std.",
  },
  en: {
    invoice: "Invoice",
    creditNote: "Credit note",
    number: "Invoice number",
    creditNumber: "Credit note number",
    date: "Invoice date",
    creditDate: "Date",
    period: "Service period",
    customerNumber: "Customer number",
    buyerReference: "Your reference",
    buyerVatId: "Your VAT ID",
    due: "Due date",
    preceding: "For invoice",
    precedingDate: "Invoice date",
    continued: "continued",
    intro: (start: string, end: string) =>
      `For our services from ${start} to ${end} we invoice you as follows:`,
    creditIntro: (number: string, date: string) => `For our invoice ${number} of ${date} we credit you:`,
    pos: "No.",
    description: "Description",
    quantity: "Quantity",
    unitPrice: "Unit price",
    amount: "Amount",
    net: "Net amount",
    vat: (rate: string, basis: string) => `VAT ${rate} % on ${basis}`,
    reverseChargeVat: "VAT 0 % (reverse charge: VAT to be accounted for by the recipient)",
    total: "Total",
    creditTotal: "Total credit",
    transfer: (number: string) =>
      `Please transfer the total to our account below, quoting the invoice number ${number}.`,
    embedded:
      "This document contains the EN 16931 e-invoice (ZUGFeRD 2.3 / Factur-X) as the attachment factur-x.xml.",
    vatId: "VAT ID",
    taxNumber: "Tax number",
    phone: "Phone",
    email: "E-mail",
    iban: "IBAN",
    bic: "BIC",
    bank: "Bank details",
    page: (page: number, of: number) => `Page ${page} of ${of}`,
    minutes: "min",
    pieces: "pc.",
    hours: "h",
    perHour: "/h",
  },
} as const;

/** Cents as the customer reads them: `1.234,56 €` (de) or `€1,234.56` (en). */
export function formatMoney(cents: number, language: InvoiceLanguage): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, "0");
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, language === "de" ? "." : ",");
  return language === "de" ? `${sign}${grouped},${rest} €` : `${sign}€${grouped}.${rest}`;
}

function formatRate(percent: number, language: InvoiceLanguage): string {
  const text = Number.isInteger(percent) ? String(percent) : percent.toFixed(2);
  return language === "de" ? text.replace(".", ",") : text;
}

export interface InvoiceLayout {
  language: InvoiceLanguage;
  /** `Rechnung RE-2026-00042`. */
  title: string;
  /** The small sender line above the address window (DIN 5008). */
  senderLine: string;
  /** The seller's letterhead, top right: name first. */
  sellerBlock: string[];
  /** The buyer's postal address, in the window. */
  buyerBlock: string[];
  /** Label and value beside the address: number, dates, period, customer number, reference. */
  facts: Array<[label: string, value: string]>;
  intro: string;
  table: { headers: string[]; rows: string[][] };
  totals: Array<{ label: string; value: string; strong: boolean }>;
  notes: string[];
  payment: string[];
  /** The line atop each further page: `Rechnung RE-2026-00042 – Fortsetzung`. */
  continued: string;
  /** Footer columns: company, contact, bank, tax. */
  footer: string[][];
  pageLabel: (page: number, of: number) => string;
}

function quantityText(line: InvoiceLine, language: InvoiceLanguage): string {
  const l = LABELS[language];
  const unit = line.unitCode === "MIN" ? l.minutes : line.unitCode === "HUR" ? l.hours : l.pieces;
  return `${line.quantity} ${unit}`;
}

function unitPriceText(line: InvoiceLine, language: InvoiceLanguage): string {
  // Overage is priced per 60 minutes: the customer reads it as a rate per hour.
  if (line.unitCode === "MIN" && line.priceBaseQuantity === 60) {
    return `${formatMoney(line.unitPriceCents, language)}${LABELS[language].perHour}`;
  }
  const base = line.priceBaseQuantity === 1 ? "" : ` / ${line.priceBaseQuantity}`;
  return `${formatMoney(line.unitPriceCents, language)}${base}`;
}

/** The blocks of an invoice or credit note PDF, in the buyer's language. */
export function invoiceLayout(invoice: IssuedInvoice): InvoiceLayout {
  const language = invoice.buyer.language;
  const l = LABELS[language];
  const date = (d: string) => formatDate(d, language);
  const money = (c: number) => formatMoney(c, language);
  const s = invoice.seller;
  const b = invoice.buyer;
  const credit = invoice.typeCode === 381;

  const facts: Array<[string, string]> = [
    [credit ? l.creditNumber : l.number, invoice.number],
    [credit ? l.creditDate : l.date, date(invoice.issueDate)],
  ];
  if (invoice.precedingInvoice) {
    facts.push([
      l.preceding,
      `${invoice.precedingInvoice.number} (${date(invoice.precedingInvoice.issueDate)})`,
    ]);
  }
  facts.push([l.period, `${date(invoice.servicePeriod.start)} – ${date(invoice.servicePeriod.end)}`]);
  facts.push([l.customerNumber, b.customerId]);
  if (invoice.buyerReference !== b.customerId) facts.push([l.buyerReference, invoice.buyerReference]);
  if (b.vatId) facts.push([l.buyerVatId, b.vatId]);
  if (!credit) facts.push([l.due, date(invoice.dueDate)]);

  const totals: InvoiceLayout["totals"] = [
    { label: l.net, value: money(invoice.totals.taxBasisCents), strong: false },
  ];
  for (const vat of invoice.vatBreakdown) {
    totals.push({
      label:
        vat.category === "AE"
          ? l.reverseChargeVat
          : l.vat(formatRate(vat.ratePercent, language), money(vat.basisCents)),
      value: money(vat.taxCents),
      strong: false,
    });
  }
  totals.push({
    label: credit ? l.creditTotal : l.total,
    value: money(invoice.totals.grandTotalCents),
    strong: true,
  });

  const payment = [
    ...(invoice.paymentTerms ? [invoice.paymentTerms] : []),
    ...(credit ? [] : [l.transfer(invoice.number)]),
  ];

  // A foreign address ends with the country's name in capitals (DIN 5008, UPU).
  const countries = new Intl.DisplayNames([language], { type: "region" });
  const address = (a: { street: string; postcode: string; city: string; countryCode: string }) => [
    a.street,
    `${a.postcode} ${a.city}`,
    ...(a.countryCode === s.address.countryCode
      ? []
      : [(countries.of(a.countryCode) ?? a.countryCode).toUpperCase()]),
  ];

  return {
    language,
    title: `${credit ? l.creditNote : l.invoice} ${invoice.number}`,
    continued: `${credit ? l.creditNote : l.invoice} ${invoice.number} – ${l.continued}`,
    senderLine: `${s.legalName} · ${s.address.street} · ${s.address.postcode} ${s.address.city}`,
    sellerBlock: [
      s.legalName,
      ...address(s.address),
      `${l.phone} ${s.contact.phone}`,
      `${l.email} ${s.contact.email}`,
    ],
    buyerBlock: [b.legalName, ...address(b.address)],
    facts,
    intro: invoice.precedingInvoice
      ? l.creditIntro(invoice.precedingInvoice.number, date(invoice.precedingInvoice.issueDate))
      : l.intro(date(invoice.servicePeriod.start), date(invoice.servicePeriod.end)),
    table: {
      headers: [l.pos, l.description, l.quantity, l.unitPrice, l.amount],
      rows: invoice.lines.map((line) => [
        line.id,
        line.description,
        quantityText(line, language),
        unitPriceText(line, language),
        money(line.netCents),
      ]),
    },
    totals,
    notes: invoice.notes,
    payment: [...payment, l.embedded],
    footer: [
      [s.legalName, ...address(s.address)],
      [s.contact.name, `${l.phone} ${s.contact.phone}`, s.contact.email],
      [
        l.bank,
        s.bank.holder,
        `${l.iban} ${groupIban(s.bank.iban)}`,
        ...(s.bank.bic ? [`${l.bic} ${s.bank.bic}`] : []),
      ],
      [
        ...(s.vatId ? [`${l.vatId} ${s.vatId}`] : []),
        ...(s.taxNumber ? [`${l.taxNumber} ${s.taxNumber}`] : []),
      ],
    ],
    pageLabel: l.page,
  };
}

/** `DE02 1203 0000 0000 2020 51`: an IBAN as people read it. */
export function groupIban(iban: string): string {
  return iban
    .replaceAll(" ", "")
    .replace(/(.{4})/g, "$1 ")
    .trim();
}
