import { itemsOf } from "../api.js";
import { hoursMinutes, inTerm, lastMonths, termMonths } from "../format.js";
import { failed, failureOf, loaded } from "../store.js";
import { h } from "./dom.js";
import { panelContent } from "./panel.js";
import { words } from "./words.js";

/**
 * A contract's bookings of one month, newest first, 50 at a time ("show more"), with the month
 * picker. Reversals are struck through; cascade and overage parts are spelled out.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("../store.js").BookingsState} BookingsState
 * @typedef {import("./dom.js").RenderContext} RenderContext
 * @typedef {import("./words.js").Words} Words
 * @typedef {import("../loader.js").Loader} Loader
 */

/**
 * What the bookings and the chart ask of the app.
 * @typedef {object} BookingActions
 * @property {(contract: any, month: string) => void} showMonth
 * @property {(contract: any) => void} showMore
 */

/**
 * The months of the last 12 that a contract's term covers, newest first.
 * @param {any} contract
 * @param {string} currentMonth
 * @returns {string[]}
 */
export function bookingMonths(contract, currentMonth) {
  const term = termMonths(contract);
  return lastMonths(currentMonth, 12)
    .filter((month) => inTerm(term, month))
    .reverse();
}

/**
 * The month shown first: the current one, else the newest of the term.
 * @param {any} contract
 * @param {string} currentMonth
 * @returns {string | null}
 */
export function firstBookingMonth(contract, currentMonth) {
  const months = bookingMonths(contract, currentMonth);
  return months.includes(currentMonth) ? currentMonth : (months[0] ?? null);
}

/** @param {any} contract @param {string} month */
function bookingsPath(contract, month) {
  return `/contracts/${encodeURIComponent(contract.id)}/bookings?month=${month}&limit=50`;
}

/**
 * @param {Loader} loader
 * @param {string} contractId
 * @param {(b: BookingsState) => BookingsState} change
 */
function updateBookings(loader, contractId, change) {
  loader.store.update((s) => {
    const b = s.bookings[contractId];
    return b ? { bookings: { ...s.bookings, [contractId]: change(b) } } : {};
  });
}

/**
 * Loads a month's first page; an answer for a month no longer shown is dropped.
 * @param {Loader} loader
 * @param {any} contract
 * @param {string} month
 */
export async function loadBookings(loader, contract, month) {
  if (!loader.current()) return;
  /** @type {import("../store.js").Remote} */
  const pending = { status: "loading" };
  loader.store.update((s) => ({
    bookings: {
      ...s.bookings,
      [contract.id]: { month, list: pending, loadingMore: false, moreFailure: null },
    },
  }));
  let list;
  try {
    const page = await loader.get(bookingsPath(contract, month));
    list = loaded({ rows: itemsOf(page), cursor: typeof page?.cursor === "string" ? page.cursor : null });
  } catch (error) {
    list = failed(error);
  }
  if (!loader.current()) return;
  updateBookings(loader, contract.id, (b) => (b.list === pending ? { ...b, list } : b));
}

/**
 * Appends the next page of the month shown.
 * @param {Loader} loader
 * @param {any} contract
 */
export async function loadMoreBookings(loader, contract) {
  const shown = loader.store.getState().bookings[contract.id];
  if (shown?.list.status !== "loaded" || !shown.list.data.cursor || shown.loadingMore) return;
  const list = shown.list;
  updateBookings(loader, contract.id, (b) => ({ ...b, loadingMore: true }));
  const path = `${bookingsPath(contract, shown.month)}&cursor=${encodeURIComponent(list.data.cursor)}`;
  /** @type {(b: BookingsState) => BookingsState} */
  let change;
  try {
    const page = await loader.get(path);
    const rows = [...list.data.rows, ...itemsOf(page)];
    const cursor = typeof page?.cursor === "string" ? page.cursor : null;
    change = (b) => ({ ...b, list: loaded({ rows, cursor }), loadingMore: false });
  } catch (error) {
    const moreFailure = failureOf(error);
    change = (b) => ({ ...b, list: loaded({ ...list.data, cursor: null }), loadingMore: false, moreFailure });
  }
  if (!loader.current()) return;
  updateBookings(loader, contract.id, (b) => (b.list === list ? change(b) : b));
}

/**
 * The month picker's options (the select itself belongs to the card).
 * @param {any} contract
 */
export function monthPickerView(contract) {
  return {
    /** @param {State} s */
    select: (s) => [s.language, s.currentMonth, s.bookings[contract.id]?.month],
    /** @param {State} s */
    render(s) {
      const w = words(s.language);
      const selected = s.bookings[contract.id]?.month;
      return bookingMonths(contract, s.currentMonth).map((m) =>
        h("option", { value: m, selected: m === selected }, w.month(m)),
      );
    },
  };
}

/**
 * @param {any} contract
 * @param {BookingActions} actions
 */
export function bookingsView(contract, actions) {
  return {
    /** @param {State} s */
    select: (s) => [s.language, s.bookings[contract.id]],
    /**
     * @param {State} s
     * @param {RenderContext} context
     */
    render(s, context) {
      const w = words(s.language);
      const shown = s.bookings[contract.id];
      if (!shown) return h("p", { class: "muted" }, w.t("noBookings"));
      return panelContent(
        context,
        shown.list,
        w,
        (/** @type {{ rows: any[], cursor: string | null }} */ data) =>
          bookingsTable(w, contract, shown, data, actions),
      );
    },
  };
}

/**
 * @param {Words} w
 * @param {any} contract
 * @param {BookingsState} shown
 * @param {{ rows: any[], cursor: string | null }} data
 * @param {BookingActions} actions
 */
function bookingsTable(w, contract, shown, data, actions) {
  const t = w.t;
  if (data.rows.length === 0) return h("p", { class: "muted" }, t("noBookings"));
  const table = h(
    "table",
    { class: "bookings-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t("colDate")),
        h("th", { scope: "col" }, t("colCategory")),
        h("th", { scope: "col" }, t("colDescription")),
        h("th", { scope: "col" }, t("colTechnician")),
        h("th", { scope: "col", class: "num" }, t("colHours")),
      ),
    ),
    h(
      "tbody",
      {},
      data.rows.map((booking) => bookingRow(w, booking)),
    ),
  );
  // aria-disabled, not disabled, while the next page loads: a disabled button would drop the focus.
  const more = h(
    "button",
    {
      type: "button",
      class: "more",
      "data-focus": `more-${contract.id}`,
      "aria-disabled": shown.loadingMore ? "true" : null,
    },
    t("showMore"),
  );
  more.hidden = !data.cursor;
  more.addEventListener("click", () => actions.showMore(contract));
  return [
    h("div", { class: "table-wrap" }, table),
    more,
    shown.moreFailure ? h("p", { class: "message" }, w.failure(shown.moreFailure)) : null,
  ];
}

/**
 * @param {Words} w
 * @param {any} booking
 */
function bookingRow(w, booking) {
  const t = w.t;
  const reversed = booking.status === "reversed";
  const parts = [
    booking.fromPoolMinutes > 0 && booking.fromQuotaMinutes + booking.overageMinutes > 0
      ? t("partPool", { minutes: hoursMinutes(booking.fromPoolMinutes) })
      : "",
    booking.overageMinutes > 0 ? t("partOverage", { minutes: hoursMinutes(booking.overageMinutes) }) : "",
    booking.ticketId ? `${t("ticket")} ${booking.ticketId}` : "",
  ].filter(Boolean);
  return h(
    "tr",
    { "data-booking-id": booking.id, class: reversed ? "reversed" : null },
    h("td", { class: "nowrap" }, w.date(booking.date)),
    h("td", {}, w.label("category_", String(booking.category))),
    h(
      "td",
      {},
      h("span", { class: "description" }, booking.description),
      reversed ? h("span", { class: "chip status-reversed" }, t("reversed")) : null,
      parts.length > 0 ? h("small", { class: "muted parts" }, parts.join(" · ")) : null,
    ),
    h("td", {}, booking.technician ?? ""),
    h(
      "td",
      { class: "num", "data-field": "hours", title: `${booking.minutes} min` },
      hoursMinutes(booking.billedMinutes ?? booking.minutes),
    ),
  );
}
