import type { Language } from "../../domain/notifications.js";

/** Formatting for mails: hours as h:mm, instants in the contract's time zone, money, months. */

const LOCALE: Record<Language, string> = { de: "de-DE", en: "en-GB" };

/** Minutes as `h:mm` (`90` → `1:30`, `1_000_005` → `16666:45`). */
export function hoursMinutes(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  const whole = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_ONLY = /^\d{4}-\d{2}$/;

/** An ISO instant as the wall clock of `timeZone` reads it (`4. Dez. 2026, 08:00`). */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // The zone's short name (MEZ, CET) says which clock the reader is shown.
  return new Intl.DateTimeFormat(LOCALE[language], {
    year: "numeric",
    month: language === "de" ? "2-digit" : "short",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    timeZone,
  }).format(date);
}

/** A calendar date `YYYY-MM-DD` (no time zone: it names a day). */
export function formatDate(isoDate: string, language: Language): string {
  if (!DATE_ONLY.test(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A month `YYYY-MM` (`November 2026`). */
export function formatMonth(month: string, language: Language): string {
  if (!MONTH_ONLY.test(month)) return month;
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALE[language], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Integer cents as money (`1.234,56 €`, `€1,234.56`). */
export function formatMoney(cents: number, language: Language, currency = "EUR"): string {
  return new Intl.NumberFormat(LOCALE[language], { style: "currency", currency }).format(cents / 100);
}

/** A whole percentage (`80 %` in German, `80%` in English). */
export function formatPercent(percent: number, language: Language): string {
  return language === "de" ? `${percent} %` : `${percent}%`;
}

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
