import { hoursMinutes } from "../format.js";
import { knownKey, translator } from "../i18n.js";

/**
 * The words, numbers and dates of one language, as the views show them.
 *
 * @typedef {import("../i18n.js").Language} Language
 * @typedef {import("../i18n.js").MessageKey} MessageKey
 * @typedef {import("../store.js").Failure} Failure
 * @typedef {import("../store.js").Remote} Remote
 */

/**
 * @typedef {object} Words
 * @property {ReturnType<typeof translator>} t
 * @property {string} locale
 * @property {(prefix: string, value: string) => string} label a status, category or alert type in words (the raw value only when there is no word for it)
 * @property {(minutes: number) => string} hours `1:30 h`
 * @property {(isoDate: string) => string} date
 * @property {(instant: string) => string} dateTime
 * @property {(month: string, style?: "long" | "short" | "narrow") => string} month
 * @property {(failure: Failure) => string} failure why a panel is empty
 */

/** @type {Map<Language, Words>} */
const cache = new Map();

/**
 * @param {Language} language
 * @returns {Words}
 */
export function words(language) {
  const known = cache.get(language);
  if (known) return known;
  const t = translator(language);
  const locale = language === "de" ? "de-DE" : "en-GB";
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  /** @type {Words} */
  const result = {
    t,
    locale,
    label(prefix, value) {
      const key = knownKey(`${prefix}${value}`);
      return key ? t(key) : value;
    },
    hours: (minutes) => `${hoursMinutes(minutes)} h`,
    date(isoDate) {
      const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
    },
    dateTime(instant) {
      const date = new Date(instant);
      return Number.isNaN(date.getTime()) ? instant : dateTimeFormat.format(date);
    },
    month(month, style = "long") {
      const date = new Date(`${month}-01T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return month;
      const options =
        style === "long"
          ? /** @type {const} */ ({ month: "long", year: "numeric", timeZone: "UTC" })
          : /** @type {const} */ ({ month: style, timeZone: "UTC" });
      return new Intl.DateTimeFormat(locale, options).format(date);
    },
    failure(failure) {
      if (failure.status === 404) return t("notAvailable");
      if (failure.status === 403) return t("forbidden");
      if (failure.status === 401) return t("tokenRejected");
      return t("loadFailed", { code: failure.code });
    },
  };
  cache.set(language, result);
  return result;
}
