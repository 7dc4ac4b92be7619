import { createApi } from "./api.js";
import { isExpired, isStaff, readToken, signInFromHash } from "./format.js";
import { pickLanguage } from "./i18n.js";
import { createStore, initialState, isBusy, LOADING } from "./store.js";
import { loadBookings, loadMoreBookings } from "./views/bookings.js";
import { loadCustomer, loadCustomers, mountCustomerScreen, rememberCustomer } from "./views/customer.js";
import { mountCustomerPicker } from "./views/customer-picker.js";
import { byId, watch } from "./views/dom.js";
import { mountHeader } from "./views/header.js";
import { mountSignIn } from "./views/sign-in.js";

/**
 * The workspace's entry: it makes the store, signs in and out, loads what the screen shown needs
 * through the API, and mounts the views, which render from the state alone. Every panel loads on
 * its own, so a slow or missing API route leaves the rest of the page working.
 *
 * @typedef {import("./api.js").Api} Api
 * @typedef {import("./loader.js").Loader} Loader
 * @typedef {import("./format.js").CognitoConfig} CognitoConfig
 * @typedef {import("./i18n.js").MessageKey} MessageKey
 * @typedef {import("./store.js").State} State
 */

const TOKEN_KEY = "koad.token";
const LANGUAGE_KEY = "koad.language";
/** How often the SLA countdowns are recomputed. */
const TICK_MS = 30_000;
/** Below this width the chart draws itself for a phone (styles.css has the same breakpoint). */
const NARROW = "(max-width: 480px)";

/**
 * The screens, by `state.view`, and the section of index.html each shows. A later view (time entry,
 * the ticket queue, admin screens) adds its section there, its entry here, and its modules in views/.
 * @type {Record<State["view"], string | null>}
 */
const SCREENS = { starting: null, signin: "signin", customer: "dashboard" };

const store = createStore(initialState());

// The signed-in session's API client and the current load. Not state: nothing renders from them.
/** @type {Api | null} */
let api = null;
/** @type {Loader | null} */
let loader = null;
/** Changes on every sign-in and sign-out, so a late 401 of an old session cannot sign out a new one. */
let session = 0;

// ---- signing in and out, and the screen it opens ----------------------------------------------

/** @returns {Promise<{ apiBaseUrl: string, cognito: CognitoConfig | null }>} */
async function loadConfig() {
  try {
    const response = await fetch("config.json", { cache: "no-store" });
    if (response.ok) {
      /** @type {any} */
      const config = await response.json();
      const cognito = config?.cognito;
      return {
        apiBaseUrl: typeof config?.apiBaseUrl === "string" ? config.apiBaseUrl : "",
        cognito:
          cognito && typeof cognito.domain === "string" && typeof cognito.clientId === "string"
            ? { domain: cognito.domain, clientId: cognito.clientId }
            : null,
      };
    }
  } catch {
    // No config.json: the API is on the same origin (the local system).
  }
  return { apiBaseUrl: "", cognito: null };
}

/**
 * @param {MessageKey | null} reason shown on the sign-in screen
 * @param {Record<string, string>} [values]
 */
function signOut(reason, values) {
  sessionStorage.removeItem(TOKEN_KEY);
  session++;
  api = null;
  loader = null;
  store.update((s) => ({
    view: "signin",
    signInMessage: reason ? { key: reason, values } : null,
    claims: null,
    generation: s.generation + 1,
    customers: null,
    customerId: null,
    customer: null,
    contracts: null,
    panels: {},
    bookings: {},
  }));
}

/** @param {string} token */
function signIn(token) {
  const claims = readToken(token);
  if (!claims) return signOut("notAToken");
  if (isExpired(claims, new Date())) return signOut("tokenExpired");
  if (!isStaff(claims) && !claims.customerId) return signOut("tokenNoCustomer");
  sessionStorage.setItem(TOKEN_KEY, token);
  const mine = ++session;
  api = createApi({
    baseUrl: store.getState().config.apiBaseUrl,
    token,
    onUnauthorized: () => {
      if (mine === session) signOut("tokenRejected");
    },
  });
  const staff = isStaff(claims);
  store.update((s) => ({
    view: "customer",
    signInMessage: null,
    claims,
    generation: s.generation + 1,
    customers: staff ? LOADING : null,
    contracts: staff ? null : LOADING,
    panels: {},
    bookings: {},
  }));
  if (staff) void loadCustomers(store, api, () => mine === session, openCustomer);
  else openCustomer(/** @type {string} */ (claims.customerId));
}

/**
 * @param {string} customerId
 * @param {Partial<State>} [with_]
 */
function openCustomer(customerId, with_) {
  if (api) loader = loadCustomer(store, api, customerId, with_);
}

const actions = {
  signIn,
  signOut: () => signOut(null),
  refresh() {
    const { customerId } = store.getState();
    if (customerId) openCustomer(customerId);
  },
  toggleLanguage() {
    const language = store.getState().language === "de" ? "en" : "de";
    localStorage.setItem(LANGUAGE_KEY, language);
    store.update({ language });
  },
  /** @param {string} customerId */
  pickCustomer(customerId) {
    rememberCustomer(customerId);
    openCustomer(customerId);
  },
  /** @param {any} contract @param {string} month */
  showMonth(contract, month) {
    if (loader) void loadBookings(loader, contract, month);
  },
  /** @param {any} contract */
  showMore(contract) {
    if (loader) void loadMoreBookings(loader, contract);
  },
};

// ---- start ---------------------------------------------------------------------------------------

function mount() {
  watch(
    store,
    (s) => [s.view],
    (s) => {
      for (const [view, id] of Object.entries(SCREENS)) if (id) byId(id).hidden = s.view !== view;
    },
  );
  watch(
    store,
    (s) => [isBusy(s)],
    (s) => byId("main").setAttribute("aria-busy", String(isBusy(s))),
  );
  mountHeader(store, actions);
  mountCustomerPicker(store, actions);
  mountSignIn(store, actions);
  mountCustomerScreen(store, actions);
}

async function boot() {
  store.update({
    language: pickLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? [navigator.language]),
  });
  mount();
  const narrow = matchMedia(NARROW);
  store.update({ narrow: narrow.matches });
  narrow.addEventListener("change", () => store.update({ narrow: narrow.matches }));
  setInterval(() => store.update({ now: Date.now() }), TICK_MS);
  store.update({ config: await loadConfig() });

  // A token in the address (a link, or Cognito's hosted UI coming back) is taken out of it at once,
  // so it is neither bookmarked nor left in the history.
  const fromHash = signInFromHash(location.hash);
  if (fromHash.token || fromHash.error) {
    history.replaceState(
      null,
      "",
      `${location.pathname}${location.search}${fromHash.rest ? `#${fromHash.rest}` : ""}`,
    );
  }
  if (fromHash.error) return signOut("hostedUiFailed", { message: fromHash.error });
  const token = fromHash.token ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return signOut(null);
  signIn(token);
}

void boot();
