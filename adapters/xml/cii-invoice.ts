/**
 * Renders an issued invoice (domain/invoice.ts) as a UN/CEFACT Cross Industry Invoice (CII D16B), the
 * syntax of XRechnung 3.0 and of ZUGFeRD 2.3 / Factur-X EN 16931. The document is built as a tree with
 * xmlbuilder2 (escaping, namespaces) and every figure is read from the domain value: this module
 * computes no amount, it only formats cents as decimals.
 *
 * Element order follows the D16B schema's sequences (the validator checks it); the BT-/BG- numbers are
 * EN 16931's.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { IsoDate } from "../../domain/calendar.js";
import {
  decimalAmount,
  type InvoiceLine,
  type IssuedInvoice,
  type PostalAddress,
  type VatBreakdown,
} from "../../domain/invoice.js";

/** `xrechnung`: XRechnung 3.0 (what `GET /invoices/{id}` answers as XML); `factur-x`: the XML inside the PDF. */
export type CiiProfile = "xrechnung" | "factur-x";

/** BT-24, the specification identifier of each profile. */
export const CII_GUIDELINE: Record<CiiProfile, string> = {
  xrechnung: "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
  "factur-x": "urn:cen.eu:en16931:2017",
};

/** BT-23: the Peppol billing process, which XRechnung recommends. */
const BUSINESS_PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

const NS = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
};

/** UNTDID 4461: 58 SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = "58";

/** The invoice as CII XML (UTF-8, with an XML declaration). */
export function renderCiiInvoice(invoice: IssuedInvoice, profile: CiiProfile): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const root = doc
    .ele(NS.rsm, "rsm:CrossIndustryInvoice")
    .att("http://www.w3.org/2000/xmlns/", "xmlns:rsm", NS.rsm)
    .att("http://www.w3.org/2000/xmlns/", "xmlns:ram", NS.ram)
    .att("http://www.w3.org/2000/xmlns/", "xmlns:qdt", NS.qdt)
    .att("http://www.w3.org/2000/xmlns/", "xmlns:udt", NS.udt);

  const context = rsm(root, "ExchangedDocumentContext");
  text(ram(ram(context, "BusinessProcessSpecifiedDocumentContextParameter"), "ID"), BUSINESS_PROCESS);
  text(ram(ram(context, "GuidelineSpecifiedDocumentContextParameter"), "ID"), CII_GUIDELINE[profile]);

  const header = rsm(root, "ExchangedDocument");
  text(ram(header, "ID"), invoice.number);
  text(ram(header, "TypeCode"), String(invoice.typeCode));
  date(ram(header, "IssueDateTime"), "udt", invoice.issueDate);
  for (const note of invoice.notes) text(ram(ram(header, "IncludedNote"), "Content"), note);

  const transaction = rsm(root, "SupplyChainTradeTransaction");
  for (const line of invoice.lines) lineItem(transaction, line);
  agreement(ram(transaction, "ApplicableHeaderTradeAgreement"), invoice);
  ram(transaction, "ApplicableHeaderTradeDelivery");
  settlement(ram(transaction, "ApplicableHeaderTradeSettlement"), invoice);

  return doc.end({ prettyPrint: true });
}

function rsm(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(NS.rsm, `rsm:${name}`);
}

function ram(parent: XMLBuilder, name: string): XMLBuilder {
  return parent.ele(NS.ram, `ram:${name}`);
}

function text(element: XMLBuilder, value: string): XMLBuilder {
  return element.txt(value);
}

/** A date as CII writes it: format 102, `YYYYMMDD`. */
function date(parent: XMLBuilder, ns: "udt" | "qdt", value: IsoDate): void {
  parent.ele(NS[ns], `${ns}:DateTimeString`).att("format", "102").txt(value.replaceAll("-", ""));
}

function amount(parent: XMLBuilder, name: string, cents: number, currency?: string): void {
  const element = ram(parent, name);
  if (currency) element.att("currencyID", currency);
  element.txt(decimalAmount(cents));
}

function lineItem(transaction: XMLBuilder, line: InvoiceLine): void {
  const item = ram(transaction, "IncludedSupplyChainTradeLineItem");
  text(ram(ram(item, "AssociatedDocumentLineDocument"), "LineID"), line.id);
  text(ram(ram(item, "SpecifiedTradeProduct"), "Name"), line.description);

  const price = ram(ram(item, "SpecifiedLineTradeAgreement"), "NetPriceProductTradePrice");
  amount(price, "ChargeAmount", line.unitPriceCents);
  if (line.priceBaseQuantity !== 1) {
    ram(price, "BasisQuantity").att("unitCode", line.unitCode).txt(String(line.priceBaseQuantity));
  }

  ram(ram(item, "SpecifiedLineTradeDelivery"), "BilledQuantity")
    .att("unitCode", line.unitCode)
    .txt(String(line.quantity));

  const settlement = ram(item, "SpecifiedLineTradeSettlement");
  const tax = ram(settlement, "ApplicableTradeTax");
  text(ram(tax, "TypeCode"), "VAT");
  text(ram(tax, "CategoryCode"), line.vatCategory);
  text(ram(tax, "RateApplicablePercent"), rate(line.vatRatePercent));
  if (line.period) period(settlement, line.period);
  amount(ram(settlement, "SpecifiedTradeSettlementLineMonetarySummation"), "LineTotalAmount", line.netCents);
}

function rate(percent: number): string {
  return Number.isInteger(percent) ? String(percent) : percent.toFixed(2);
}

function period(parent: XMLBuilder, value: { start: IsoDate; end: IsoDate }): void {
  const element = ram(parent, "BillingSpecifiedPeriod");
  date(ram(element, "StartDateTime"), "udt", value.start);
  date(ram(element, "EndDateTime"), "udt", value.end);
}

function address(party: XMLBuilder, value: PostalAddress): void {
  const element = ram(party, "PostalTradeAddress");
  text(ram(element, "PostcodeCode"), value.postcode);
  text(ram(element, "LineOne"), value.street);
  text(ram(element, "CityName"), value.city);
  text(ram(element, "CountryID"), value.countryCode);
}

function electronicAddress(party: XMLBuilder, email: string): void {
  // BT-34 / BT-49 with scheme EM (e-mail): XRechnung 3.0 asks for both parties' electronic addresses.
  ram(ram(party, "URIUniversalCommunication"), "URIID").att("schemeID", "EM").txt(email);
}

function taxRegistration(party: XMLBuilder, scheme: "VA" | "FC", id: string): void {
  ram(ram(party, "SpecifiedTaxRegistration"), "ID").att("schemeID", scheme).txt(id);
}

function agreement(element: XMLBuilder, invoice: IssuedInvoice): void {
  text(ram(element, "BuyerReference"), invoice.buyerReference);

  const s = invoice.seller;
  const seller = ram(element, "SellerTradeParty");
  text(ram(seller, "Name"), s.legalName);
  const contact = ram(seller, "DefinedTradeContact");
  text(ram(contact, "PersonName"), s.contact.name);
  text(ram(ram(contact, "TelephoneUniversalCommunication"), "CompleteNumber"), s.contact.phone);
  text(ram(ram(contact, "EmailURIUniversalCommunication"), "URIID"), s.contact.email);
  address(seller, s.address);
  electronicAddress(seller, s.contact.email);
  if (s.vatId) taxRegistration(seller, "VA", s.vatId);
  if (s.taxNumber) taxRegistration(seller, "FC", s.taxNumber);

  const b = invoice.buyer;
  const buyer = ram(element, "BuyerTradeParty");
  text(ram(buyer, "ID"), b.customerId);
  text(ram(buyer, "Name"), b.legalName);
  address(buyer, b.address);
  electronicAddress(buyer, b.email);
  if (b.vatId) taxRegistration(buyer, "VA", b.vatId);
}

function settlement(element: XMLBuilder, invoice: IssuedInvoice): void {
  const currency = invoice.currency;
  // BT-83: the remittance information the customer puts on the transfer.
  text(ram(element, "PaymentReference"), invoice.number);
  text(ram(element, "InvoiceCurrencyCode"), currency);

  const means = ram(element, "SpecifiedTradeSettlementPaymentMeans");
  text(ram(means, "TypeCode"), SEPA_CREDIT_TRANSFER);
  text(ram(means, "Information"), "SEPA credit transfer");
  const account = ram(means, "PayeePartyCreditorFinancialAccount");
  text(ram(account, "IBANID"), invoice.seller.bank.iban.replaceAll(" ", ""));
  text(ram(account, "AccountName"), invoice.seller.bank.holder);
  if (invoice.seller.bank.bic) {
    text(ram(ram(means, "PayeeSpecifiedCreditorFinancialInstitution"), "BICID"), invoice.seller.bank.bic);
  }

  for (const vat of invoice.vatBreakdown) headerTax(element, vat);
  period(element, invoice.servicePeriod);

  const terms = ram(element, "SpecifiedTradePaymentTerms");
  if (invoice.paymentTerms) text(ram(terms, "Description"), invoice.paymentTerms);
  date(ram(terms, "DueDateDateTime"), "udt", invoice.dueDate);

  const sums = ram(element, "SpecifiedTradeSettlementHeaderMonetarySummation");
  amount(sums, "LineTotalAmount", invoice.totals.lineTotalCents);
  amount(sums, "TaxBasisTotalAmount", invoice.totals.taxBasisCents);
  amount(sums, "TaxTotalAmount", invoice.totals.taxCents, currency);
  amount(sums, "GrandTotalAmount", invoice.totals.grandTotalCents);
  amount(sums, "DuePayableAmount", invoice.totals.duePayableCents);

  if (invoice.precedingInvoice) {
    const preceding = ram(element, "InvoiceReferencedDocument");
    text(ram(preceding, "IssuerAssignedID"), invoice.precedingInvoice.number);
    date(ram(preceding, "FormattedIssueDateTime"), "qdt", invoice.precedingInvoice.issueDate);
  }
}

function headerTax(element: XMLBuilder, vat: VatBreakdown): void {
  const tax = ram(element, "ApplicableTradeTax");
  amount(tax, "CalculatedAmount", vat.taxCents);
  text(ram(tax, "TypeCode"), "VAT");
  if (vat.exemptionReason) text(ram(tax, "ExemptionReason"), vat.exemptionReason);
  amount(tax, "BasisAmount", vat.basisCents);
  text(ram(tax, "CategoryCode"), vat.category);
  if (vat.exemptionReasonCode) text(ram(tax, "ExemptionReasonCode"), vat.exemptionReasonCode);
  text(ram(tax, "RateApplicablePercent"), rate(vat.ratePercent));
}
