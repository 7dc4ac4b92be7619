/**
 * The workspace's one store: a state object that only `update` replaces, and listeners told of each
 * change. Views render from the state alone; actions and loaders change it only through `update`.
 *
 * @typedef {import("./format.js").TokenClaims} TokenClaims
 * @typedef {import("./format.js").CognitoConfig} CognitoConfig
 * @typedef {import("./i18n.js").Language} Language
 * @typedef {import("./i18n.js").MessageKey} MessageKey
 */

/**
 * Why something could not be loaded: the HTTP status (0 for none) and the API's stable code.
 * @typedef {{ status: number, code: string }} Failure
 */

/**
 * Something the page asked the API for: loading, loaded with its data, or failed (`unavailable` for a
 * route that is not there yet, 404; `error` otherwise).
 * @typedef {{ status: "loading" } | { status: "loaded", data: any } | { status: "unavailable" | "error", failure: Failure }} Remote
 */

/**
 * One contract's bookings panel: the month shown, its rows and cursor, and a "show more" in flight.
 * @typedef {object} BookingsState
 * @property {string} month YYYY-MM
 * @property {Remote} list loaded data: `{ rows: any[], cursor: string | null }`
 * @property {boolean} loadingMore
 * @property {Failure | null} moreFailure
 */

/**
 * @typedef {object} State
 * @property {{ apiBaseUrl: string, cognito: CognitoConfig | null }} config
 * @property {Language} language
 * @property {"starting" | "signin" | "customer"} view the screen shown; later views (time entry, tickets, admin) add theirs
 * @property {{ key: MessageKey, values?: Record<string, string> } | null} signInMessage
 * @property {TokenClaims | null} claims
 * @property {number} generation changes on every sign-in, sign-out and customer load, so late answers of an earlier one are dropped
 * @property {Remote | null} customers staff only: every customer, for the picker
 * @property {string | null} customerId
 * @property {any | null} customer
 * @property {string} currentMonth YYYY-MM in the customer's time zone
 * @property {Remote | null} contracts the customer's contracts, monthly quotas first
 * @property {Record<string, Remote>} panels `alerts`, and `<contractId>:current|history|tickets`
 * @property {Record<string, BookingsState>} bookings by contract id
 * @property {number} now milliseconds since the epoch, moved on by a clock tick (SLA countdowns)
 * @property {boolean} narrow a phone-sized viewport (the chart draws itself for it)
 */

/**
 * @template S
 * @typedef {object} Store
 * @property {() => S} getState
 * @property {(change: Partial<S> | ((state: S) => Partial<S>)) => void} update merges the change into a new state object
 * @property {(listener: (state: S) => void) => () => void} subscribe returns the unsubscribe
 */

/**
 * @template {object} S
 * @param {S} initial
 * @returns {Store<S>}
 */
export function createStore(initial) {
  let state = initial;
  /** @type {Set<(state: S) => void>} */
  const listeners = new Set();
  return {
    getState: () => state,
    update(change) {
      const patch = typeof change === "function" ? change(state) : change;
      state = { ...state, ...patch };
      // A copy: a listener may subscribe or unsubscribe others (a view re-rendering its parts).
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** @returns {State} */
export function initialState() {
  return {
    config: { apiBaseUrl: "", cognito: null },
    language: "en",
    view: "starting",
    signInMessage: null,
    claims: null,
    generation: 0,
    customers: null,
    customerId: null,
    customer: null,
    currentMonth: "",
    contracts: null,
    panels: {},
    bookings: {},
    now: Date.now(),
    narrow: false,
  };
}

/** @type {Remote} */
export const LOADING = Object.freeze({ status: "loading" });

/**
 * @param {any} data
 * @returns {Remote}
 */
export function loaded(data) {
  return { status: "loaded", data };
}

/**
 * A failed load as state: the API's status and code (an ApiError), or `error` for anything else.
 * @param {unknown} error
 * @returns {Remote}
 */
export function failed(error) {
  const failure = failureOf(error);
  return { status: failure.status === 404 ? "unavailable" : "error", failure };
}

/**
 * @param {unknown} error
 * @returns {Failure}
 */
export function failureOf(error) {
  const e = /** @type {{ status?: unknown, code?: unknown }} */ (error ?? {});
  if (typeof e.status === "number" && typeof e.code === "string") return { status: e.status, code: e.code };
  console.error(error);
  return { status: 0, code: "error" };
}

/**
 * Whether anything the page shows is still loading (`aria-busy` on <main>; the tests wait for it).
 * @param {State} state
 * @returns {boolean}
 */
export function isBusy(state) {
  if (state.view === "starting") return true;
  if (state.view === "signin") return false;
  if (state.customers?.status === "loading" || state.contracts?.status === "loading") return true;
  return (
    Object.values(state.panels).some((panel) => panel.status === "loading") ||
    Object.values(state.bookings).some((b) => b.list.status === "loading")
  );
}
