/**
 * What a customer's month statement PDF says, in the customer's language: per contract its figures
 * (quota, used by category, from the pool, overage, expired, remaining, fee) and its bookings. Taken
 * from the domain's `ContractStatement`s as they are; nothing is computed here but formatting.
 */
import type { Month } from "../../domain/calendar.js";
import type { Category } from "../../domain/contract.js";
import { formatDate, type InvoiceLanguage, monthName, type PostalAddress } from "../../domain/invoice.js";
import type { ContractStatement } from "../../domain/statement.js";
import { formatMoney } from "./invoice-layout.js";

/** A customer's statement for one month: every contract's statement with the contract's name. */
export interface StatementPdfInput {
  provider: { legalName: string; address: PostalAddress };
  customer: { id: string; legalName: string; address?: PostalAddress | null | undefined };
  month: Month;
  language: InvoiceLanguage;
  contracts: Array<{ name: string; statement: ContractStatement }>;
}

const LABELS = {
  de: {
    title: (month: string) => `Leistungsnachweis ${month}`,
    preliminary: "Vorläufig: der Monat ist noch nicht abgeschlossen.",
    closed: (date: string) => `Abgeschlossen am ${date}.`,
    customer: "Kunde",
    customerNumber: "Kundennummer",
    monthly: "Monatskontingent",
    prepaid: (start: string, end: string) => `Prepaid-Zeitkontingent (Laufzeit ${start} – ${end})`,
    quotaMonthly: "Kontingent des Monats",
    quotaPool: "Kontingent (Pool gesamt)",
    used: "Aus dem Kontingent verbraucht",
    booked: "Gebucht",
    category: { service: "Service", project: "Projekt", consulting: "Beratung", training: "Schulung" },
    fromPool: "Aus dem Prepaid-Pool",
    cascadedIn: "Von Monatskontingenten entnommen",
    overage: "Mehraufwand",
    expired: "Verfallen",
    remaining: "Verbleibend",
    fee: "Pauschale",
    figure: "Position",
    time: "Zeit",
    amount: "Betrag",
    bookings: "Buchungen",
    noBookings: "Keine Buchungen in diesem Monat.",
    date: "Datum",
    what: "Tätigkeit",
    categoryHeader: "Kategorie",
    technician: "Techniker",
    minutes: "Dauer",
    billed: "Berechnet",
    page: (page: number, of: number) => `Seite ${page} von ${of}`,
    hours: "Std.",
  },
  en: {
    title: (month: string) => `Statement ${month}`,
    preliminary: "Preliminary: the month is not closed yet.",
    closed: (date: string) => `Closed on ${date}.`,
    customer: "Customer",
    customerNumber: "Customer number",
    monthly: "Monthly quota",
    prepaid: (start: string, end: string) => `Prepaid pool (term ${start} – ${end})`,
    quotaMonthly: "Quota of the month",
    quotaPool: "Quota (whole pool)",
    used: "Used from the quota",
    booked: "Booked",
    category: { service: "Service", project: "Project", consulting: "Consulting", training: "Training" },
    fromPool: "From the prepaid pool",
    cascadedIn: "Drawn by monthly quotas",
    overage: "Overage",
    expired: "Expired",
    remaining: "Remaining",
    fee: "Fee",
    figure: "Item",
    time: "Time",
    amount: "Amount",
    bookings: "Bookings",
    noBookings: "No bookings this month.",
    date: "Date",
    what: "Work",
    categoryHeader: "Category",
    technician: "Technician",
    minutes: "Duration",
    billed: "Billed",
    page: (page: number, of: number) => `Page ${page} of ${of}`,
    hours: "h",
  },
} as const;

/** Minutes as hours and minutes: `1:30 Std.` (de), `1:30 h` (en). */
export function formatMinutes(minutes: number, language: InvoiceLanguage): string {
  const sign = minutes < 0 ? "-" : "";
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")} ${LABELS[language].hours}`;
}

export interface StatementSection {
  heading: string;
  kind: string;
  /** Label, time, amount (empty where it has none). */
  figures: Array<[label: string, time: string, amount: string]>;
  bookings: string[][];
}

export interface StatementLayout {
  language: InvoiceLanguage;
  title: string;
  senderLine: string;
  customerBlock: string[];
  facts: Array<[label: string, value: string]>;
  status: string;
  figureHeaders: string[];
  bookingHeaders: string[];
  noBookings: string;
  bookingsTitle: string;
  sections: StatementSection[];
  pageLabel: (page: number, of: number) => string;
}

export function statementLayout(input: StatementPdfInput): StatementLayout {
  const language = input.language;
  const l = LABELS[language];
  const time = (m: number) => formatMinutes(m, language);
  const money = (c: number) => formatMoney(c, language);
  const monthWords = monthName(input.month, language);
  const statements = input.contracts.map((c) => c.statement);
  const open = statements.some((s) => s.status === "open");
  const closedAt = statements.map((s) => s.closedAt).find((at): at is string => at !== null);

  const sections = input.contracts.map(({ name, statement: s }): StatementSection => {
    const figures: StatementSection["figures"] = [
      [s.kind === "monthly" ? l.quotaMonthly : l.quotaPool, time(s.quotaMinutes), ""],
      [l.used, time(s.usedMinutes), ""],
    ];
    for (const [category, minutes] of Object.entries(s.usedByCategory) as Array<[Category, number]>) {
      if (minutes > 0) figures.push([`${l.booked}: ${l.category[category]}`, time(minutes), ""]);
    }
    if (s.kind === "monthly" && s.fromPoolMinutes > 0)
      figures.push([l.fromPool, time(s.fromPoolMinutes), ""]);
    if (s.kind === "prepaid" && s.cascadedInMinutes > 0)
      figures.push([l.cascadedIn, time(s.cascadedInMinutes), ""]);
    if (s.overageMinutes > 0) figures.push([l.overage, time(s.overageMinutes), money(s.overageCents)]);
    figures.push([l.expired, time(s.expiredMinutes), ""]);
    figures.push([l.remaining, time(s.remainingMinutes), ""]);
    if (s.feeCents > 0) figures.push([l.fee, "", money(s.feeCents)]);
    return {
      heading: name,
      kind:
        s.kind === "monthly"
          ? l.monthly
          : l.prepaid(formatDate(s.termStart ?? "", language), formatDate(s.termEnd ?? "", language)),
      figures,
      bookings: s.bookings.map((b) => [
        formatDate(b.date, language),
        l.category[b.category],
        b.ticketId ? `${b.description} (${b.ticketId})` : b.description,
        b.technician,
        time(b.minutes),
        time(b.billedMinutes),
      ]),
    };
  });

  const customerAddress = input.customer.address
    ? [input.customer.address.street, `${input.customer.address.postcode} ${input.customer.address.city}`]
    : [];
  return {
    language,
    title: l.title(monthWords),
    senderLine: `${input.provider.legalName} · ${input.provider.address.street} · ${input.provider.address.postcode} ${input.provider.address.city}`,
    customerBlock: [input.customer.legalName, ...customerAddress],
    facts: [[l.customerNumber, input.customer.id]],
    status: open || !closedAt ? l.preliminary : l.closed(formatDate(closedAt.slice(0, 10), language)),
    figureHeaders: [l.figure, l.time, l.amount],
    bookingHeaders: [l.date, l.categoryHeader, l.what, l.technician, l.minutes, l.billed],
    noBookings: l.noBookings,
    bookingsTitle: l.bookings,
    sections,
    pageLabel: l.page,
  };
}
