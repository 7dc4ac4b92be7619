import { hoursMinutes, percentOf } from "../format.js";
import { bookingsView, monthPickerView } from "./bookings.js";
import { h } from "./dom.js";
import { historyView } from "./history-chart.js";
import { panelContent } from "./panel.js";
import { ticketsView } from "./tickets.js";
import { words } from "./words.js";

/**
 * The customer's contracts, one card each: the current month (a monthly quota) or the pool (prepaid)
 * as used vs. quota with the forecast, and the card's other panels (chart, tickets, bookings), each
 * bound to its own part of the state.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("./dom.js").RenderContext} RenderContext
 * @typedef {import("./words.js").Words} Words
 * @typedef {import("../i18n.js").MessageKey} MessageKey
 * @typedef {import("../loader.js").Loader} Loader
 * @typedef {import("./bookings.js").BookingActions} BookingActions
 */

/** @param {string} contractId */
export const figuresKey = (contractId) => `${contractId}:current`;

/**
 * A contract's figures: the current month's balance, or the pool's.
 * @param {Loader} loader
 * @param {any} contract
 * @param {string} currentMonth
 */
export function loadFigures(loader, contract, currentMonth) {
  const query = contract.kind === "monthly" ? `?month=${currentMonth}` : "";
  return loader.panel(figuresKey(contract.id), () =>
    loader.shared(`/contracts/${encodeURIComponent(contract.id)}/balance${query}`),
  );
}

/**
 * @param {BookingActions} actions
 */
export function contractsView(actions) {
  return {
    /** @param {State} s */
    select: (s) => [s.language, s.contracts, s.currentMonth],
    /**
     * @param {State} s
     * @param {RenderContext} context
     */
    render(s, context) {
      const w = words(s.language);
      const contracts = s.contracts;
      if (!contracts) return null;
      if (contracts.status === "loading") return h("p", { class: "muted" }, w.t("loading"));
      if (contracts.status !== "loaded") return h("p", { class: "message" }, w.failure(contracts.failure));
      /** @type {any[]} */
      const list = contracts.data;
      if (list.length === 0) return h("p", { class: "muted" }, w.t("noContracts"));
      const ids = new Set(list.map((c) => c.id));
      return list.map((contract) => contractCard(w, contract, s.currentMonth, ids, context, actions));
    },
  };
}

/**
 * @param {Words} w
 * @param {any} contract
 * @param {string} currentMonth
 * @param {Set<string>} shown the ids of the contracts on the page
 * @param {RenderContext} context
 * @param {BookingActions} actions
 */
function contractCard(w, contract, currentMonth, shown, { mount }, actions) {
  const t = w.t;
  const monthly = contract.kind === "monthly";
  /** @type {string[]} */
  const categories = contract.categories ?? [];
  const covers = categories.map((c) => w.label("category_", c)).join(", ");

  const current = h("div", { "data-panel": "current" });
  mount(
    current,
    (s) => [s.language, s.panels[figuresKey(contract.id)]],
    (s, panel) => {
      const now = words(s.language);
      return panelContent(panel, s.panels[figuresKey(contract.id)], now, (balance) =>
        monthly ? monthFigures(now, balance) : poolFigures(now, balance),
      );
    },
  );
  const history = h("div", { "data-panel": "history" });
  const chart = historyView(contract, actions);
  mount(history, chart.select, chart.render);
  const tickets = h("div", { "data-panel": "tickets" });
  const ticketList = ticketsView(contract);
  mount(tickets, ticketList.select, ticketList.render);
  const monthPicker = h("select", {
    "aria-label": t("month"),
    class: "month-picker",
    "data-focus": `month-${contract.id}`,
  });
  const picker = monthPickerView(contract);
  mount(monthPicker, picker.select, picker.render);
  monthPicker.addEventListener("change", () =>
    actions.showMonth(contract, /** @type {HTMLSelectElement} */ (monthPicker).value),
  );
  const bookings = h("div", { "data-panel": "bookings" });
  const bookingList = bookingsView(contract, actions);
  mount(bookings, bookingList.select, bookingList.render);

  return h(
    "article",
    { class: `contract kind-${contract.kind}`, "data-contract-id": contract.id, "data-kind": contract.kind },
    h(
      "header",
      {},
      h("h2", {}, monthly ? t("kindMonthly") : t("kindPrepaid")),
      h("span", { class: `chip status-${contract.status}` }, w.label("status_", contract.status)),
      h("span", { class: "muted contract-id" }, contract.id),
      h("p", { class: "muted" }, t("covers", { categories: covers })),
      monthly && contract.fallbackContractId
        ? h(
            "p",
            { class: "muted" },
            // The pool is one of the cards below (monthly quotas come first): no need for its id.
            shown.has(contract.fallbackContractId)
              ? t("cascadeBelow")
              : t("cascade", { id: contract.fallbackContractId }),
          )
        : null,
    ),
    h(
      "section",
      { class: "panel current" },
      h("h3", {}, monthly ? w.month(currentMonth) : t("poolNow")),
      current,
    ),
    h("section", { class: "panel history" }, h("h3", {}, t("history")), history),
    h("section", { class: "panel tickets" }, h("h3", {}, t("tickets")), tickets),
    h(
      "section",
      { class: "panel bookings" },
      h("div", { class: "panel-head" }, h("h3", {}, t("bookings")), monthPicker),
      bookings,
    ),
  );
}

/**
 * A used-vs-limit bar.
 * @param {number} used
 * @param {number} limit
 * @param {boolean} over
 */
function meter(used, limit, over) {
  const fill = h("span", { class: `meter-fill${over ? " over" : ""}` });
  fill.style.width = `${percentOf(used, limit)}%`;
  return h(
    "div",
    {
      class: "meter",
      role: "meter",
      "aria-valuemin": 0,
      "aria-valuemax": limit,
      "aria-valuenow": Math.min(used, limit),
    },
    fill,
  );
}

/**
 * @param {Words} w
 * @param {MessageKey} key
 * @param {string} field
 * @param {string} value
 */
function figure(w, key, field, value) {
  return [h("dt", {}, w.t(key)), h("dd", { "data-field": field }, value)];
}

/**
 * @param {Words} w
 * @param {any} balance the month's balance
 */
function monthFigures(w, balance) {
  const t = w.t;
  const forecast = balance.forecast;
  const booked = balance.usedMinutes + balance.fromPoolMinutes + balance.overageMinutes;
  const forecastText = forecast
    ? [
        t("forecastMonth", { used: hoursMinutes(forecast.projectedUsedMinutes) }),
        forecast.projectedOverageMinutes > 0
          ? t("forecastMonthOverage", { minutes: hoursMinutes(forecast.projectedOverageMinutes) })
          : forecast.projectedExpiringMinutes > 0
            ? t("forecastMonthExpiring", { minutes: hoursMinutes(forecast.projectedExpiringMinutes) })
            : "",
      ]
        .filter(Boolean)
        .join(" · ")
    : null;
  return [
    h(
      "p",
      { class: "headline" },
      h("strong", { "data-field": "used" }, hoursMinutes(balance.usedMinutes)),
      " ",
      t("usedOf", { quota: hoursMinutes(balance.quotaMinutes) }),
      h("span", { class: `chip status-${balance.status}` }, w.label("status_", balance.status)),
    ),
    meter(booked, balance.quotaMinutes, booked > balance.quotaMinutes),
    h(
      "dl",
      { class: "figures" },
      figure(w, "remaining", "remaining", w.hours(balance.remainingMinutes)),
      balance.fromPoolMinutes > 0
        ? figure(w, "fromPool", "from-pool", w.hours(balance.fromPoolMinutes))
        : null,
      balance.overageMinutes > 0 ? figure(w, "overage", "overage", w.hours(balance.overageMinutes)) : null,
      balance.expiredMinutes > 0 ? figure(w, "expired", "expired", w.hours(balance.expiredMinutes)) : null,
      forecastText ? figure(w, "forecast", "forecast", forecastText) : null,
    ),
  ];
}

/**
 * @param {Words} w
 * @param {any} balance the pool's balance
 */
function poolFigures(w, balance) {
  const t = w.t;
  const forecast = balance.forecast;
  const forecastText = forecast
    ? [
        t("forecastBurn", { minutes: hoursMinutes(forecast.burnMinutesPerMonth) }),
        forecast.exhaustsOn
          ? t("forecastExhausts", { date: w.date(forecast.exhaustsOn) })
          : t("forecastLasts"),
        forecast.expiringMinutesAtTermEnd > 0
          ? t("forecastExpiringAtEnd", { minutes: hoursMinutes(forecast.expiringMinutesAtTermEnd) })
          : "",
      ]
        .filter(Boolean)
        .join(" · ")
    : null;
  return [
    h(
      "p",
      { class: "headline" },
      h("strong", { "data-field": "used" }, hoursMinutes(balance.usedMinutes)),
      " ",
      t("usedOf", { quota: hoursMinutes(balance.totalMinutes) }),
    ),
    h(
      "p",
      { class: "muted" },
      t("currentPool", { start: w.date(balance.termStart), end: w.date(balance.termEnd) }),
    ),
    meter(balance.usedMinutes, balance.totalMinutes, balance.overageMinutes > 0),
    h(
      "dl",
      { class: "figures" },
      figure(w, "remaining", "remaining", w.hours(balance.remainingMinutes)),
      balance.overageMinutes > 0 ? figure(w, "overage", "overage", w.hours(balance.overageMinutes)) : null,
      balance.expiredMinutes > 0 ? figure(w, "expired", "expired", w.hours(balance.expiredMinutes)) : null,
      forecastText ? figure(w, "forecast", "forecast", forecastText) : null,
    ),
  ];
}
