import { allPages, itemsOf } from "../api.js";
import { monthIn } from "../format.js";
import { createLoader } from "../loader.js";
import { failed, LOADING, loaded } from "../store.js";
import { ALERTS_KEY, alertsView, loadAlerts } from "./alerts.js";
import { firstBookingMonth, loadBookings } from "./bookings.js";
import { contractsView, figuresKey, loadFigures } from "./contracts.js";
import { bind, byId } from "./dom.js";
import { historyKey, loadHistory } from "./history-chart.js";
import { loadTickets, ticketsKey } from "./tickets.js";

/**
 * The customer screen: the customer's alerts and a card per contract. Staff pick the customer (the
 * picker in the header); a customer sees its own.
 *
 * @typedef {import("../api.js").Api} Api
 * @typedef {import("../loader.js").Loader} Loader
 * @typedef {import("../store.js").State} State
 * @typedef {import("../store.js").Store<State>} AppStore
 * @typedef {import("./bookings.js").BookingActions} BookingActions
 */

const CUSTOMER_KEY = "koad.customer";

/**
 * @param {AppStore} store
 * @param {BookingActions} actions
 */
export function mountCustomerScreen(store, actions) {
  const alerts = alertsView();
  bind(store, byId("alerts"), alerts.select, alerts.render);
  const contracts = contractsView(actions);
  bind(store, byId("contracts"), contracts.select, contracts.render);
}

/** @param {string} customerId staff's choice, kept for the tab's next load */
export function rememberCustomer(customerId) {
  sessionStorage.setItem(CUSTOMER_KEY, customerId);
}

/**
 * Staff: every customer for the picker, then the one picked last in this tab (or the first).
 * @param {AppStore} store
 * @param {Api} api
 * @param {() => boolean} current false once the session that asked has ended
 * @param {(customerId: string, with_: Partial<State>) => void} open loads the chosen customer
 */
export async function loadCustomers(store, api, current, open) {
  /** @type {any[]} */
  let customers;
  try {
    customers = await allPages(api, "/customers", 1000);
  } catch (error) {
    if (current()) store.update({ customers: failed(error), contracts: failed(error) });
    return;
  }
  if (!current()) return;
  const locale = store.getState().language === "de" ? "de-DE" : "en-GB";
  customers.sort((a, b) => String(a.name).localeCompare(String(b.name), locale));
  const stored = sessionStorage.getItem(CUSTOMER_KEY);
  const chosen = customers.find((c) => c.id === stored) ?? customers[0];
  if (!chosen) store.update({ customers: loaded(customers), contracts: loaded([]) });
  else open(chosen.id, { customers: loaded(customers) });
}

/**
 * A customer's contracts, then every panel of every contract, each on its own. Returns the load at
 * once, for the actions that load more of it (another month's bookings, the next page).
 * @param {AppStore} store
 * @param {Api} api
 * @param {string} customerId
 * @param {Partial<State>} [with_] more state to set in the same change
 * @returns {Loader}
 */
export function loadCustomer(store, api, customerId, with_ = {}) {
  store.update((s) => ({
    ...with_,
    generation: s.generation + 1,
    customerId,
    contracts: LOADING,
    panels: {},
    bookings: {},
    now: Date.now(),
  }));
  const load = createLoader(store, api);
  void fillCustomer(load, customerId);
  return load;
}

/**
 * @param {Loader} load
 * @param {string} customerId
 */
async function fillCustomer(load, customerId) {
  const store = load.store;
  try {
    const state = store.getState();
    const known =
      state.customers?.status === "loaded"
        ? state.customers.data.find((/** @type {any} */ c) => c.id === customerId)
        : null;
    const path = `/customers/${encodeURIComponent(customerId)}`;
    const [customer, contractList] = await Promise.all([
      known ?? load.get(path),
      load.get(`${path}/contracts`),
    ]);
    if (!load.current()) return;
    // Monthly quotas first: their overflow goes to the pools below them.
    /** @type {any[]} */
    const contracts = itemsOf(contractList).sort(
      (a, b) =>
        Number(a.kind !== "monthly") - Number(b.kind !== "monthly") ||
        String(a.createdAt).localeCompare(String(b.createdAt)),
    );
    const currentMonth = monthIn(new Date(), customer.timezone ?? "Europe/Berlin");
    // Every panel starts loading in the same change that shows the cards, so the page never looks
    // settled in between.
    const keys = [
      ALERTS_KEY,
      ...contracts.flatMap((c) => [figuresKey(c.id), historyKey(c.id), ticketsKey(c.id)]),
    ];
    store.update({
      customer,
      currentMonth,
      contracts: loaded(contracts),
      panels: Object.fromEntries(keys.map((key) => [key, LOADING])),
    });
    void loadAlerts(load, customerId);
    for (const contract of contracts) {
      void loadFigures(load, contract, currentMonth);
      void loadHistory(load, customerId, contract, currentMonth);
      void loadTickets(load, contract);
      const month = firstBookingMonth(contract, currentMonth);
      if (month) void loadBookings(load, contract, month);
    }
  } catch (error) {
    if (load.current()) store.update({ contracts: failed(error) });
  }
}
