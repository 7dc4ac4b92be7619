/** The dashboard's words in English and German. `{name}` marks a value filled in at run time. */

const en = {
  title: "KoAd – your contracts",
  signInHeading: "Sign in",
  signInHint: "Paste the access token you were given, or open the link that carries it (#token=…).",
  tokenLabel: "Access token",
  signInSubmit: "Sign in",
  signInHostedUi: "Sign in with your company account",
  notAToken: "This is not a valid sign-in token. Please check that you copied all of it.",
  tokenExpired: "Your sign-in has expired. Please sign in again.",
  tokenRejected: "The sign-in was not accepted: the token is invalid or has expired. Please sign in again.",
  tokenNoCustomer: "This token names no customer, so there is nothing to show.",
  hostedUiFailed: "The sign-in failed: {message}",
  forbidden: "Your account may not see this.",
  loadFailed: "Could not be loaded ({code}).",
  notAvailable: "Not available yet.",
  loading: "Loading…",
  signOut: "Sign out",
  refresh: "Refresh",
  switchLanguage: "Deutsch",
  customer: "Customer",
  noContracts: "This customer has no contracts.",
  kindMonthly: "Monthly quota",
  kindPrepaid: "Prepaid pool",
  status_active: "active",
  status_ended: "ended",
  status_expired: "expired",
  status_open: "open",
  status_closed: "closed",
  covers: "Covers: {categories}",
  cascade: "Beyond the quota, time is drawn from prepaid pool {id}.",
  cascadeBelow: "Beyond the quota, time is drawn from the prepaid pool below.",
  category_service: "Service",
  category_project: "Project",
  category_consulting: "Consulting",
  category_training: "Training",
  poolNow: "Pool balance",
  currentPool: "Term {start} – {end}",
  usedOf: "of {quota} h used",
  remaining: "Remaining",
  fromPool: "From the pool",
  overage: "Overage",
  expired: "Expired",
  forecast: "Forecast",
  forecastMonth: "{used} h by month end at the current pace",
  forecastMonthExpiring: "{minutes} h would expire",
  forecastMonthOverage: "{minutes} h beyond the quota",
  forecastBurn: "{minutes} h per month (last 3 months)",
  forecastExhausts: "used up on {date}",
  forecastLasts: "lasts to the end of the term",
  forecastExpiringAtEnd: "{minutes} h would expire at the end of the term",
  history: "Last 12 months",
  seriesUsed: "Used",
  seriesPool: "From the pool",
  seriesOverage: "Overage",
  seriesExpired: "Expired",
  seriesQuota: "Quota",
  seriesBasis: "Monthly basis",
  chartLabel: "Hours per month, last 12 months",
  bookings: "Bookings",
  month: "Month",
  noBookings: "No bookings in this month.",
  showMore: "Show more",
  colDate: "Date",
  colCategory: "Category",
  colDescription: "Description",
  colTechnician: "Technician",
  colHours: "Hours",
  reversed: "reversed",
  partPool: "{minutes} h from the pool",
  partOverage: "{minutes} h overage",
  tickets: "Open tickets",
  noTickets: "No open tickets.",
  slaOk: "response due in {time} h",
  slaWarning: "response due in {time} h – deadline close",
  slaBreached: "SLA breached {time} h ago",
  slaMet: "answered in time",
  receivedAt: "received {at}",
  dueAt: "due {at}",
  alerts: "Alerts",
  noAlerts: "No alerts.",
  "alert_sla.warning": "SLA deadline close",
  "alert_sla.breached": "SLA breached",
  "alert_quota.threshold": "Quota threshold reached",
  "alert_quota.expired": "Time expired",
  "alert_quota.expiring": "Monthly quota about to expire",
  "alert_pool.expiring": "Prepaid pool about to expire",
  detailPriority: "priority {priority}",
  detailUnusedPercent: "{percent} % unused",
  detailDaysLeft: "{days} days left",
  detailMonthEndsOn: "month ends {date}",
  detailTermEnd: "term ends {date}",
  contract: "Contract",
  ticket: "Ticket",
  ticketNamed: "Ticket “{subject}”",
};

/** @type {Record<keyof typeof en, string>} */
const de = {
  title: "KoAd – Ihre Verträge",
  signInHeading: "Anmelden",
  signInHint: "Fügen Sie Ihr Zugangs-Token ein oder öffnen Sie den Link, der es enthält (#token=…).",
  tokenLabel: "Zugangs-Token",
  signInSubmit: "Anmelden",
  signInHostedUi: "Mit Firmenkonto anmelden",
  notAToken: "Das ist kein gültiges Anmelde-Token. Bitte prüfen Sie, ob es vollständig kopiert wurde.",
  tokenExpired: "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.",
  tokenRejected:
    "Die Anmeldung wurde nicht akzeptiert: Das Token ist ungültig oder abgelaufen. Bitte melden Sie sich erneut an.",
  tokenNoCustomer: "Dieses Token nennt keinen Kunden, daher gibt es nichts anzuzeigen.",
  hostedUiFailed: "Die Anmeldung ist fehlgeschlagen: {message}",
  forbidden: "Ihr Konto darf das nicht sehen.",
  loadFailed: "Konnte nicht geladen werden ({code}).",
  notAvailable: "Noch nicht verfügbar.",
  loading: "Wird geladen…",
  signOut: "Abmelden",
  refresh: "Aktualisieren",
  switchLanguage: "English",
  customer: "Kunde",
  noContracts: "Dieser Kunde hat keine Verträge.",
  kindMonthly: "Monatskontingent",
  kindPrepaid: "Prepaid-Stundenpool",
  status_active: "aktiv",
  status_ended: "beendet",
  status_expired: "verfallen",
  status_open: "offen",
  status_closed: "abgeschlossen",
  covers: "Abgedeckt: {categories}",
  cascade: "Über das Kontingent hinaus wird aus dem Prepaid-Pool {id} gebucht.",
  cascadeBelow: "Über das Kontingent hinaus wird aus dem Prepaid-Pool unten gebucht.",
  category_service: "Service",
  category_project: "Projekt",
  category_consulting: "Beratung",
  category_training: "Schulung",
  poolNow: "Poolstand",
  currentPool: "Laufzeit {start} – {end}",
  usedOf: "von {quota} h verbraucht",
  remaining: "Verbleibend",
  fromPool: "Aus dem Pool",
  overage: "Überschreitung",
  expired: "Verfallen",
  forecast: "Prognose",
  forecastMonth: "{used} h zum Monatsende beim jetzigen Tempo",
  forecastMonthExpiring: "{minutes} h würden verfallen",
  forecastMonthOverage: "{minutes} h über dem Kontingent",
  forecastBurn: "{minutes} h pro Monat (letzte 3 Monate)",
  forecastExhausts: "aufgebraucht am {date}",
  forecastLasts: "reicht bis zum Laufzeitende",
  forecastExpiringAtEnd: "{minutes} h würden zum Laufzeitende verfallen",
  history: "Letzte 12 Monate",
  seriesUsed: "Verbraucht",
  seriesPool: "Aus dem Pool",
  seriesOverage: "Überschreitung",
  seriesExpired: "Verfallen",
  seriesQuota: "Kontingent",
  seriesBasis: "Monatsbasis",
  chartLabel: "Stunden pro Monat, letzte 12 Monate",
  bookings: "Buchungen",
  month: "Monat",
  noBookings: "Keine Buchungen in diesem Monat.",
  showMore: "Mehr anzeigen",
  colDate: "Datum",
  colCategory: "Kategorie",
  colDescription: "Beschreibung",
  colTechnician: "Techniker",
  colHours: "Stunden",
  reversed: "storniert",
  partPool: "{minutes} h aus dem Pool",
  partOverage: "{minutes} h Überschreitung",
  tickets: "Offene Tickets",
  noTickets: "Keine offenen Tickets.",
  slaOk: "Reaktion fällig in {time} h",
  slaWarning: "Reaktion fällig in {time} h – Frist fast erreicht",
  slaBreached: "SLA verletzt seit {time} h",
  slaMet: "rechtzeitig beantwortet",
  receivedAt: "eingegangen {at}",
  dueAt: "fällig {at}",
  alerts: "Hinweise",
  noAlerts: "Keine Hinweise.",
  "alert_sla.warning": "SLA-Frist fast erreicht",
  "alert_sla.breached": "SLA verletzt",
  "alert_quota.threshold": "Kontingent-Schwelle erreicht",
  "alert_quota.expired": "Zeit verfallen",
  "alert_quota.expiring": "Monatskontingent verfällt bald",
  "alert_pool.expiring": "Prepaid-Pool verfällt bald",
  detailPriority: "Priorität {priority}",
  detailUnusedPercent: "{percent} % ungenutzt",
  detailDaysLeft: "noch {days} Tage",
  detailMonthEndsOn: "Monatsende {date}",
  detailTermEnd: "Laufzeitende {date}",
  contract: "Vertrag",
  ticket: "Ticket",
  ticketNamed: "Ticket „{subject}“",
};

export const MESSAGES = { en, de };

/** @typedef {keyof typeof MESSAGES} Language */
/** @typedef {keyof typeof en} MessageKey */

/**
 * The language to show: the one the user picked before, else the browser's first preference.
 * @param {string | null} stored
 * @param {readonly string[]} preferred navigator.languages
 * @returns {Language}
 */
export function pickLanguage(stored, preferred) {
  if (stored === "de" || stored === "en") return stored;
  for (const tag of preferred) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === "de" || base === "en") return base;
  }
  return "en";
}

/**
 * @param {Language} language
 * @returns {(key: MessageKey, values?: Record<string, string | number>) => string}
 */
export function translator(language) {
  const messages = MESSAGES[language];
  return (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * A message key built from data (a status, a category, an alert type), or null when there is none.
 * @param {string} key
 * @returns {MessageKey | null}
 */
export function knownKey(key) {
  return key in en ? /** @type {MessageKey} */ (key) : null;
}
