import { itemsOf } from "../api.js";
import { barChart } from "../chart.js";
import { inTerm, lastMonths, termMonths } from "../format.js";
import { h } from "./dom.js";
import { panelContent } from "./panel.js";
import { words } from "./words.js";

/**
 * A contract's last 12 months as a bar chart (used, from the pool, overage, expired, with the quota or
 * a pool's monthly basis as a line). A click on a month's bar shows that month's bookings.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("./dom.js").RenderContext} RenderContext
 * @typedef {import("./words.js").Words} Words
 * @typedef {import("../i18n.js").MessageKey} MessageKey
 * @typedef {import("../chart.js").ChartMonth} ChartMonth
 * @typedef {import("../loader.js").Loader} Loader
 * @typedef {import("./bookings.js").BookingActions} BookingActions
 */

/** @param {string} contractId */
export const historyKey = (contractId) => `${contractId}:history`;

/**
 * The chart's months: a monthly quota's from the balance of each month, a pool's draws from the
 * customer's monthly statements (shared by its pools). Without statements (the route is missing or
 * refuses) the panel says so; the pool's balance above still shows.
 * @param {Loader} loader
 * @param {string} customerId
 * @param {any} contract
 * @param {string} currentMonth
 */
export function loadHistory(loader, customerId, contract, currentMonth) {
  const months = lastMonths(currentMonth, 12);
  const term = termMonths(contract);
  return loader.panel(historyKey(contract.id), () =>
    contract.kind === "monthly"
      ? monthlyHistory(loader, contract, months, term)
      : poolHistory(loader, customerId, contract, months, term),
  );
}

/**
 * @param {Loader} loader
 * @param {any} contract
 * @param {string[]} months
 * @param {{ first: string, last: string | null }} term
 * @returns {Promise<ChartMonth[]>}
 */
function monthlyHistory(loader, contract, months, term) {
  return Promise.all(
    months.map(async (month) => {
      if (!inTerm(term, month)) return emptyMonth(month);
      const b = await loader.shared(`/contracts/${encodeURIComponent(contract.id)}/balance?month=${month}`);
      return {
        month,
        inTerm: true,
        used: b.usedMinutes,
        fromPool: b.fromPoolMinutes ?? 0,
        overage: b.overageMinutes,
        expired: b.expiredMinutes,
        limit: b.quotaMinutes,
      };
    }),
  );
}

/**
 * @param {Loader} loader
 * @param {string} customerId
 * @param {any} contract
 * @param {string[]} months
 * @param {{ first: string, last: string | null }} term
 * @returns {Promise<ChartMonth[]>}
 */
async function poolHistory(loader, customerId, contract, months, term) {
  const wanted = months.filter((month) => inTerm(term, month));
  const settled = await Promise.allSettled(
    wanted.map((month) => loader.shared(`/customers/${encodeURIComponent(customerId)}/statements/${month}`)),
  );
  const firstFailure = settled.find((s) => s.status === "rejected");
  if (firstFailure && settled.every((s) => s.status === "rejected")) throw firstFailure.reason;
  /** @type {Map<string, any>} */
  const lines = new Map();
  settled.forEach((result, i) => {
    if (result.status !== "fulfilled") return;
    const line = itemsOf(result.value?.contracts).find((c) => c.contractId === contract.id);
    if (line) lines.set(/** @type {string} */ (wanted[i]), line);
  });
  return months.map((month) => {
    if (!inTerm(term, month)) return emptyMonth(month);
    const line = lines.get(month);
    return {
      month,
      inTerm: true,
      used: line?.usedMinutes ?? 0,
      fromPool: 0,
      overage: line?.overageMinutes ?? 0,
      expired: line?.expiredMinutes ?? 0,
      limit: typeof contract.monthlyBasisMinutes === "number" ? contract.monthlyBasisMinutes : null,
    };
  });
}

/** @param {string} month @returns {ChartMonth} */
function emptyMonth(month) {
  return { month, inTerm: false, used: 0, fromPool: 0, overage: 0, expired: 0, limit: null };
}

/**
 * @param {any} contract
 * @param {BookingActions} actions
 */
export function historyView(contract, actions) {
  const monthly = contract.kind === "monthly";
  return {
    /** @param {State} s */
    select: (s) => [s.language, s.panels[historyKey(contract.id)], s.bookings[contract.id]?.month, s.narrow],
    /**
     * @param {State} s
     * @param {RenderContext} context
     */
    render(s, context) {
      const w = words(s.language);
      const selected = s.bookings[contract.id]?.month ?? "";
      return panelContent(context, s.panels[historyKey(contract.id)], w, (/** @type {ChartMonth[]} */ data) =>
        chartWithLegend(w, data, monthly, selected, s.narrow, (month) => actions.showMonth(contract, month)),
      );
    },
  };
}

/**
 * @param {Words} w
 * @param {ChartMonth[]} data
 * @param {boolean} monthly
 * @param {string} selected the month whose bookings are shown
 * @param {boolean} narrow a phone: a drawing as narrow as the screen, months by their initial
 * @param {(month: string) => void} onSelect
 */
function chartWithLegend(w, data, monthly, selected, narrow, onSelect) {
  const t = w.t;
  const chart = barChart(
    data,
    {
      label: t("chartLabel"),
      shortMonth: (month) => w.month(month, narrow ? "narrow" : "short"),
      describe: (m) =>
        [
          w.month(m.month),
          `${t("seriesUsed")} ${w.hours(m.used)}`,
          m.fromPool > 0 ? `${t("seriesPool")} ${w.hours(m.fromPool)}` : "",
          m.overage > 0 ? `${t("seriesOverage")} ${w.hours(m.overage)}` : "",
          m.expired > 0 ? `${t("seriesExpired")} ${w.hours(m.expired)}` : "",
          m.limit !== null ? `${monthly ? t("seriesQuota") : t("seriesBasis")} ${w.hours(m.limit)}` : "",
        ]
          .filter(Boolean)
          .join(" · "),
    },
    onSelect,
    narrow ? { width: 360, height: 220 } : {},
  );
  chart.querySelectorAll(".bar").forEach((bar) => {
    bar.classList.toggle("selected", bar.getAttribute("data-month") === selected);
  });
  /** @type {[string, MessageKey][]} */
  const series = [
    ["used", "seriesUsed"],
    ...(monthly ? /** @type {[string, MessageKey][]} */ ([["fromPool", "seriesPool"]]) : []),
    ["overage", "seriesOverage"],
    ["expired", "seriesExpired"],
    ["limit", monthly ? "seriesQuota" : "seriesBasis"],
  ];
  const legend = h(
    "ul",
    { class: "legend" },
    series.map(([name, key]) => h("li", {}, h("span", { class: `swatch s-${name}` }), t(key))),
  );
  return [chart, legend];
}
