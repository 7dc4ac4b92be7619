import { itemsOf } from "../api.js";
import { h } from "./dom.js";
import { panelContent } from "./panel.js";
import { ticketsKey } from "./tickets.js";
import { words } from "./words.js";

/**
 * The customer's alerts, newest first (at most 20), in words: the alert's kind, its contract, month
 * and ticket, and its details with their labels.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("./dom.js").RenderContext} RenderContext
 * @typedef {import("./words.js").Words} Words
 * @typedef {import("../i18n.js").MessageKey} MessageKey
 * @typedef {import("../loader.js").Loader} Loader
 */

export const ALERTS_KEY = "alerts";

/**
 * @param {Loader} loader
 * @param {string} customerId
 */
export function loadAlerts(loader, customerId) {
  return loader.panel(ALERTS_KEY, async () => {
    const body = await loader.get(`/alerts?customerId=${encodeURIComponent(customerId)}`);
    return itemsOf(body)
      .sort((a, b) => String(b.at).localeCompare(String(a.at)))
      .slice(0, 20);
  });
}

/** @param {State} s @returns {any[]} */
function contractsOf(s) {
  return s.contracts?.status === "loaded" ? s.contracts.data : [];
}

export function alertsView() {
  return {
    /** @param {State} s */
    select: (s) => [
      s.language,
      s.panels[ALERTS_KEY],
      s.contracts,
      // The tickets' subjects name an alert's ticket once they are loaded.
      ...contractsOf(s).map((c) => s.panels[ticketsKey(c.id)]),
    ],
    /**
     * @param {State} s
     * @param {RenderContext} context
     */
    render(s, context) {
      const w = words(s.language);
      const contracts = contractsOf(s);
      const kinds = new Map(
        contracts.map((c) => [c.id, c.kind === "monthly" ? w.t("kindMonthly") : w.t("kindPrepaid")]),
      );
      /** @type {Map<string, string>} */
      const subjects = new Map();
      for (const contract of contracts) {
        const tickets = s.panels[ticketsKey(contract.id)];
        if (tickets?.status !== "loaded") continue;
        for (const ticket of tickets.data) subjects.set(ticket.id, String(ticket.subject));
      }
      return panelContent(context, s.panels[ALERTS_KEY], w, (/** @type {any[]} */ alerts) =>
        alerts.length === 0
          ? h("p", { class: "muted" }, w.t("noAlerts"))
          : h(
              "ul",
              { class: "alerts-list" },
              alerts.map((alert) => alertItem(w, alert, kinds, subjects)),
            ),
      );
    },
  };
}

/**
 * @param {Words} w
 * @param {any} alert
 * @param {Map<string, string>} kinds
 * @param {Map<string, string>} subjects
 */
function alertItem(w, alert, kinds, subjects) {
  const t = w.t;
  const subject = alert.ticketId ? subjects.get(alert.ticketId) : undefined;
  return h(
    "li",
    { class: `alert alert-${String(alert.type).replace(/\./g, "-")}`, "data-alert-type": alert.type },
    h("strong", {}, w.label("alert_", String(alert.type))),
    h(
      "span",
      {},
      [
        kinds.get(alert.contractId) ?? alert.contractId,
        alert.month ? w.month(alert.month) : "",
        subject ? t("ticketNamed", { subject }) : alert.ticketId ? `${t("ticket")} ${alert.ticketId}` : "",
        ...alertDetails(w, alert.details),
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    h("small", { class: "muted" }, alert.at ? w.dateTime(alert.at) : ""),
  );
}

/** Minutes in an alert's details and their words. */
/** @type {Record<string, MessageKey>} */
const DETAIL_LABELS = {
  usedMinutes: "seriesUsed",
  limitMinutes: "seriesQuota",
  quotaMinutes: "seriesQuota",
  remainingMinutes: "remaining",
  unusedMinutes: "remaining",
  expiredMinutes: "expired",
  overageMinutes: "overage",
};

/** The order details are told in, whatever order the API's map has them in. */
const DETAIL_ORDER = [
  "percent",
  "unusedPercent",
  "usedMinutes",
  "limitMinutes",
  "quotaMinutes",
  "unusedMinutes",
  "remainingMinutes",
  "overageMinutes",
  "expiredMinutes",
  "daysLeft",
  "monthEndsOn",
  "termEnd",
  "priority",
  "receivedAt",
  "responseDueAt",
];

/**
 * An alert's details in words, in a fixed order: percentages, minutes, dates and the ticket's
 * priority with their labels. Details the page has no words for (and `kind`, which the contract's
 * name already says) are left out, so no raw key or code reaches the screen.
 * @param {Words} w
 * @param {unknown} details
 * @returns {string[]}
 */
function alertDetails(w, details) {
  if (typeof details !== "object" || details === null) return [];
  const t = w.t;
  const given = /** @type {Record<string, unknown>} */ (details);
  const parts = [];
  for (const key of DETAIL_ORDER) {
    const value = given[key];
    if (typeof value === "number") {
      const label = DETAIL_LABELS[key];
      if (key === "percent") parts.push(`${value} %`);
      else if (key === "unusedPercent") parts.push(t("detailUnusedPercent", { percent: value }));
      else if (key === "daysLeft") parts.push(t("detailDaysLeft", { days: value }));
      else if (label) parts.push(`${t(label)} ${w.hours(value)}`);
    } else if (typeof value === "string") {
      if (key === "priority") parts.push(t("detailPriority", { priority: value }));
      else if (key === "receivedAt") parts.push(t("receivedAt", { at: w.dateTime(value) }));
      else if (key === "responseDueAt") parts.push(t("dueAt", { at: w.dateTime(value) }));
      else if (key === "monthEndsOn") parts.push(t("detailMonthEndsOn", { date: w.date(value) }));
      else if (key === "termEnd") parts.push(t("detailTermEnd", { date: w.date(value) }));
    }
  }
  return parts;
}
