import { ApiError, allPages, createApi, itemsOf } from "./api.js";
import { barChart } from "./chart.js";
import {
  hostedUiSignInUrl,
  hoursMinutes,
  isExpired,
  isStaff,
  lastMonths,
  monthIn,
  percentOf,
  readToken,
  signInFromHash,
  slaState,
} from "./format.js";
import { knownKey, pickLanguage, translator } from "./i18n.js";

/**
 * The customer dashboard: plain DOM, no framework, no build. Every panel loads on its own, so a slow
 * or missing API route leaves the rest of the page working. Data comes only from the public API.
 *
 * @typedef {import("./api.js").Api} Api
 * @typedef {import("./format.js").TokenClaims} TokenClaims
 * @typedef {import("./format.js").CognitoConfig} CognitoConfig
 * @typedef {import("./i18n.js").MessageKey} MessageKey
 * @typedef {import("./i18n.js").Language} Language
 * @typedef {import("./chart.js").ChartMonth} ChartMonth
 */

const TOKEN_KEY = "koad.token";
const CUSTOMER_KEY = "koad.customer";
const LANGUAGE_KEY = "koad.language";
/** How often the SLA countdowns are recomputed. */
const TICK_MS = 30_000;

const state = {
  /** @type {{ apiBaseUrl: string, cognito: CognitoConfig | null }} */
  config: { apiBaseUrl: "", cognito: null },
  /** @type {Language} */
  language: "en",
  t: translator("en"),
  /** @type {TokenClaims | null} */
  claims: null,
  /** @type {Api | null} */
  api: null,
  /** Changes on every sign-in, so a late 401 of an old session cannot sign out a new one. */
  session: 0,
  /** Changes on every load, so late answers of an earlier load are dropped. */
  generation: 0,
  /** @type {string | null} */
  customerId: null,
  /** @type {any[]} */
  customers: [],
  /** @type {{ key: MessageKey, values?: Record<string, string> } | null} */
  signInMessage: null,
  pending: 0,
  /** Countdown elements and the ticket each shows. */
  countdowns: /** @type {Map<HTMLElement, any>} */ (new Map()),
};

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return /** @type {T} */ (element);
}

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * Creates an element; text is always set as text, never parsed as HTML.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

// ---- words, numbers and dates ----------------------------------------------------------------

/** @returns {string} */
function locale() {
  return state.language === "de" ? "de-DE" : "en-GB";
}

/**
 * @param {string} prefix
 * @param {string} value
 * @returns {string}
 */
function label(prefix, value) {
  const key = knownKey(`${prefix}${value}`);
  return key ? state.t(key) : value;
}

/** @param {number} minutes */
function hours(minutes) {
  return `${hoursMinutes(minutes)} h`;
}

/** @param {string} isoDate YYYY-MM-DD */
function formatDate(isoDate) {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** @param {string} instant ISO-8601 */
function formatDateTime(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/**
 * @param {string} month YYYY-MM
 * @param {"long" | "short"} style
 */
function formatMonth(month, style = "long") {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  const options =
    style === "long"
      ? /** @type {const} */ ({ month: "long", year: "numeric", timeZone: "UTC" })
      : /** @type {const} */ ({ month: "short", timeZone: "UTC" });
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** @param {unknown} error */
function failureText(error) {
  if (error instanceof ApiError) {
    if (error.status === 404) return state.t("notAvailable");
    if (error.status === 403) return state.t("forbidden");
    if (error.status === 401) return state.t("tokenRejected");
    return state.t("loadFailed", { code: error.code });
  }
  console.error(error);
  return state.t("loadFailed", { code: "error" });
}

// ---- loading -------------------------------------------------------------------------------------

/** @param {number} change */
function busy(change) {
  state.pending += change;
  byId("main").setAttribute("aria-busy", String(state.pending > 0));
}

/**
 * Fills a panel from a loader: "loading", then its content, or a short message when it failed. The
 * panel's `data-state` says which (loaded, unavailable for a 404, error).
 * @param {HTMLElement} panel
 * @param {() => Promise<Child | Child[]>} load
 * @returns {Promise<void>}
 */
async function fill(panel, load) {
  const generation = state.generation;
  panel.dataset.state = "loading";
  panel.replaceChildren(h("p", { class: "muted" }, state.t("loading")));
  busy(1);
  try {
    const content = await load();
    if (generation !== state.generation) return;
    panel.replaceChildren(...[content].flat().map(toNode));
    panel.dataset.state = "loaded";
  } catch (error) {
    if (generation !== state.generation) return;
    panel.dataset.state = error instanceof ApiError && error.status === 404 ? "unavailable" : "error";
    panel.replaceChildren(h("p", { class: "muted" }, failureText(error)));
  } finally {
    busy(-1);
  }
}

/**
 * @param {Child} child
 * @returns {Node | string}
 */
function toNode(child) {
  if (typeof child === "number") return String(child);
  return child === null || child === undefined || child === false ? "" : child;
}

/**
 * @param {string} path
 * @returns {Promise<any>}
 */
function get(path) {
  if (!state.api) return Promise.reject(new ApiError(401, "unauthorized", "Not signed in"));
  return state.api.get(path);
}

// ---- sign-in -------------------------------------------------------------------------------------

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
 * @param {MessageKey | null} key
 * @param {Record<string, string>} [values]
 */
function showSignIn(key, values) {
  state.signInMessage = key ? { key, values } : null;
  byId("dashboard").hidden = true;
  byId("signin").hidden = false;
  byId("sign-out").hidden = true;
  byId("refresh").hidden = true;
  byId("picker").hidden = true;
  byId("customer-name").textContent = "";
  renderSignInMessage();
  byId("main").setAttribute("aria-busy", "false");
}

/** The sign-in screen's message and, when deployed with Cognito, the link to its hosted UI. */
function renderSignInMessage() {
  const message = byId("signin-message");
  message.hidden = !state.signInMessage;
  message.textContent = state.signInMessage
    ? state.t(state.signInMessage.key, state.signInMessage.values)
    : "";
  const cognito = state.config.cognito;
  byId("hosted-ui").replaceChildren(
    cognito
      ? h(
          "a",
          { class: "button", href: hostedUiSignInUrl(cognito, `${location.origin}${location.pathname}`) },
          state.t("signInHostedUi"),
        )
      : "",
  );
}

/** @param {MessageKey | null} reason */
function signOut(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.session++;
  state.generation++;
  state.claims = null;
  state.api = null;
  state.countdowns.clear();
  showSignIn(reason);
}

/** @param {string} token */
function signIn(token) {
  const claims = readToken(token);
  if (!claims) return signOut("notAToken");
  if (isExpired(claims, new Date())) return signOut("tokenExpired");
  if (!isStaff(claims) && !claims.customerId) return signOut("tokenNoCustomer");
  sessionStorage.setItem(TOKEN_KEY, token);
  const session = ++state.session;
  state.claims = claims;
  state.api = createApi({
    baseUrl: state.config.apiBaseUrl,
    token,
    onUnauthorized: () => {
      if (session === state.session) signOut("tokenRejected");
    },
  });
  void showDashboard();
}

// ---- the dashboard -------------------------------------------------------------------------------

async function showDashboard() {
  byId("signin").hidden = true;
  byId("dashboard").hidden = false;
  byId("sign-out").hidden = false;
  byId("refresh").hidden = false;
  const claims = state.claims;
  if (!claims) return;
  if (!isStaff(claims)) {
    byId("picker").hidden = true;
    return loadCustomer(/** @type {string} */ (claims.customerId));
  }
  const session = state.session;
  busy(1);
  try {
    state.customers = state.api ? await allPages(state.api, "/customers", 1000) : [];
  } catch (error) {
    if (session !== state.session) return;
    byId("contracts").replaceChildren(h("p", { class: "message" }, failureText(error)));
    return;
  } finally {
    busy(-1);
  }
  if (session !== state.session) return;
  state.customers.sort((a, b) => String(a.name).localeCompare(String(b.name), locale()));
  const picker = /** @type {HTMLSelectElement} */ (byId("customer-picker"));
  picker.replaceChildren(...state.customers.map((c) => h("option", { value: c.id }, c.name)));
  byId("picker").hidden = false;
  const stored = sessionStorage.getItem(CUSTOMER_KEY);
  const chosen = state.customers.find((c) => c.id === stored) ?? state.customers[0];
  if (!chosen) {
    byId("contracts").replaceChildren(h("p", { class: "muted" }, state.t("noContracts")));
    return;
  }
  picker.value = chosen.id;
  return loadCustomer(chosen.id);
}

/** @param {string} customerId */
async function loadCustomer(customerId) {
  state.customerId = customerId;
  const generation = ++state.generation;
  state.countdowns.clear();
  const contractsEl = byId("contracts");
  const alertsEl = byId("alerts");
  contractsEl.replaceChildren(h("p", { class: "muted" }, state.t("loading")));
  alertsEl.replaceChildren();
  busy(1);
  try {
    const known = state.customers.find((c) => c.id === customerId);
    const [customer, contractList] = await Promise.all([
      known ? Promise.resolve(known) : get(`/customers/${encodeURIComponent(customerId)}`),
      get(`/customers/${encodeURIComponent(customerId)}/contracts`),
    ]);
    if (generation !== state.generation) return;
    byId("customer-name").textContent = state.claims && isStaff(state.claims) ? "" : customer.name;
    // Monthly quotas first: their overflow goes to the pools below them.
    const contracts = itemsOf(contractList).sort(
      (a, b) =>
        Number(a.kind !== "monthly") - Number(b.kind !== "monthly") ||
        String(a.createdAt).localeCompare(String(b.createdAt)),
    );
    const currentMonth = monthIn(new Date(), customer.timezone ?? "Europe/Berlin");
    const statements = statementsOf(customerId);
    void fill(alertsEl, () => loadAlerts(customerId, contracts));
    if (contracts.length === 0) {
      contractsEl.replaceChildren(h("p", { class: "muted" }, state.t("noContracts")));
      return;
    }
    contractsEl.replaceChildren(
      ...contracts.map((contract) => contractCard(contract, currentMonth, statements)),
    );
  } catch (error) {
    if (generation !== state.generation) return;
    contractsEl.replaceChildren(h("p", { class: "message" }, failureText(error)));
  } finally {
    busy(-1);
  }
}

/**
 * A customer's monthly statements, each fetched once per load and shared by its prepaid contracts.
 * @param {string} customerId
 * @returns {(month: string) => Promise<any>}
 */
function statementsOf(customerId) {
  /** @type {Map<string, Promise<any>>} */
  const cache = new Map();
  return (month) => {
    let statement = cache.get(month);
    if (!statement) {
      statement = get(`/customers/${encodeURIComponent(customerId)}/statements/${month}`);
      cache.set(month, statement);
    }
    return statement;
  };
}

/**
 * @param {any} contract
 * @returns {{ first: string, last: string | null }}
 */
function termMonths(contract) {
  if (contract.kind === "monthly") return { first: contract.startMonth, last: contract.endMonth ?? null };
  return { first: String(contract.startDate).slice(0, 7), last: String(contract.endDate).slice(0, 7) };
}

/**
 * @param {any} contract
 * @param {string} currentMonth
 * @param {(month: string) => Promise<any>} statements
 * @returns {HTMLElement}
 */
function contractCard(contract, currentMonth, statements) {
  const t = state.t;
  const monthly = contract.kind === "monthly";
  const term = termMonths(contract);
  const months = lastMonths(currentMonth, 12);
  const inTerm = (/** @type {string} */ month) => month >= term.first && (!term.last || month <= term.last);
  /** @type {Map<string, Promise<any>>} */
  const balances = new Map();
  const balanceOf = (/** @type {string | null} */ month) => {
    const key = month ?? "pool";
    let balance = balances.get(key);
    if (!balance) {
      const query = month ? `?month=${month}` : "";
      balance = get(`/contracts/${encodeURIComponent(contract.id)}/balance${query}`);
      balances.set(key, balance);
    }
    return balance;
  };

  const current = h("div", { "data-panel": "current" });
  const history = h("div", { "data-panel": "history" });
  const tickets = h("div", { "data-panel": "tickets" });
  const bookings = h("div", { "data-panel": "bookings" });
  const bookingMonths = months.filter(inTerm).reverse();
  const monthPicker = /** @type {HTMLSelectElement} */ (
    h(
      "select",
      { "aria-label": t("month"), class: "month-picker" },
      bookingMonths.map((m) => h("option", { value: m }, formatMonth(m))),
    )
  );
  let selectedMonth = "";
  const markSelected = () => {
    history.querySelectorAll(".bar").forEach((bar) => {
      bar.classList.toggle("selected", bar.getAttribute("data-month") === selectedMonth);
    });
  };
  const showBookings = (/** @type {string} */ month) => {
    selectedMonth = month;
    monthPicker.value = month;
    markSelected();
    void fill(bookings, () => loadBookings(contract, month, bookings));
  };
  monthPicker.addEventListener("change", () => showBookings(monthPicker.value));

  /** @type {string[]} */
  const categories = contract.categories ?? [];
  const covers = categories.map((c) => label("category_", c)).join(", ");
  const card = h(
    "article",
    { class: `contract kind-${contract.kind}`, "data-contract-id": contract.id, "data-kind": contract.kind },
    h(
      "header",
      {},
      h("h2", {}, monthly ? t("kindMonthly") : t("kindPrepaid")),
      h("span", { class: `chip status-${contract.status}` }, label("status_", contract.status)),
      h("span", { class: "muted contract-id" }, contract.id),
      h("p", { class: "muted" }, t("covers", { categories: covers })),
      monthly && contract.fallbackContractId
        ? h("p", { class: "muted" }, t("cascade", { id: contract.fallbackContractId }))
        : null,
    ),
    h(
      "section",
      { class: "panel current" },
      h("h3", {}, monthly ? formatMonth(currentMonth) : t("poolNow")),
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

  void fill(current, async () =>
    monthly ? monthFigures(await balanceOf(currentMonth)) : poolFigures(await balanceOf(null)),
  );
  void fill(history, () =>
    monthly
      ? monthlyHistory(months, inTerm, balanceOf, showBookings)
      : poolHistory(contract, months, inTerm, statements, showBookings),
  ).then(markSelected);
  void fill(tickets, () => loadTickets(contract));
  if (bookingMonths[0]) showBookings(bookingMonths.includes(currentMonth) ? currentMonth : bookingMonths[0]);
  else bookings.replaceChildren(h("p", { class: "muted" }, state.t("noBookings")));
  return card;
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
 * @param {MessageKey} key
 * @param {string} field
 * @param {string} value
 */
function figure(key, field, value) {
  return [h("dt", {}, state.t(key)), h("dd", { "data-field": field }, value)];
}

/** @param {any} balance the month's balance */
function monthFigures(balance) {
  const t = state.t;
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
      h("span", { class: `chip status-${balance.status}` }, label("status_", balance.status)),
    ),
    meter(booked, balance.quotaMinutes, booked > balance.quotaMinutes),
    h(
      "dl",
      { class: "figures" },
      figure("remaining", "remaining", hours(balance.remainingMinutes)),
      balance.fromPoolMinutes > 0 ? figure("fromPool", "from-pool", hours(balance.fromPoolMinutes)) : null,
      balance.overageMinutes > 0 ? figure("overage", "overage", hours(balance.overageMinutes)) : null,
      balance.expiredMinutes > 0 ? figure("expired", "expired", hours(balance.expiredMinutes)) : null,
      forecastText ? figure("forecast", "forecast", forecastText) : null,
    ),
  ];
}

/** @param {any} balance the pool's balance */
function poolFigures(balance) {
  const t = state.t;
  const forecast = balance.forecast;
  const forecastText = forecast
    ? [
        t("forecastBurn", { minutes: hoursMinutes(forecast.burnMinutesPerMonth) }),
        forecast.exhaustsOn
          ? t("forecastExhausts", { date: formatDate(forecast.exhaustsOn) })
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
      t("currentPool", { start: formatDate(balance.termStart), end: formatDate(balance.termEnd) }),
    ),
    meter(balance.usedMinutes, balance.totalMinutes, balance.overageMinutes > 0),
    h(
      "dl",
      { class: "figures" },
      figure("remaining", "remaining", hours(balance.remainingMinutes)),
      balance.overageMinutes > 0 ? figure("overage", "overage", hours(balance.overageMinutes)) : null,
      balance.expiredMinutes > 0 ? figure("expired", "expired", hours(balance.expiredMinutes)) : null,
      forecastText ? figure("forecast", "forecast", forecastText) : null,
    ),
  ];
}

/**
 * @param {ChartMonth[]} data
 * @param {boolean} monthly
 * @param {(month: string) => void} onSelect
 */
function chartWithLegend(data, monthly, onSelect) {
  const t = state.t;
  const chart = barChart(
    data,
    {
      label: t("chartLabel"),
      shortMonth: (month) => formatMonth(month, "short"),
      describe: (m) =>
        [
          formatMonth(m.month),
          `${t("seriesUsed")} ${hours(m.used)}`,
          m.fromPool > 0 ? `${t("seriesPool")} ${hours(m.fromPool)}` : "",
          m.overage > 0 ? `${t("seriesOverage")} ${hours(m.overage)}` : "",
          m.expired > 0 ? `${t("seriesExpired")} ${hours(m.expired)}` : "",
          m.limit !== null ? `${monthly ? t("seriesQuota") : t("seriesBasis")} ${hours(m.limit)}` : "",
        ]
          .filter(Boolean)
          .join(" · "),
    },
    onSelect,
  );
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

/**
 * A monthly contract's last 12 months, from the balance of each month.
 * @param {string[]} months
 * @param {(month: string) => boolean} inTerm
 * @param {(month: string) => Promise<any>} balanceOf
 * @param {(month: string) => void} onSelect
 */
async function monthlyHistory(months, inTerm, balanceOf, onSelect) {
  const data = await Promise.all(
    months.map(async (month) => {
      if (!inTerm(month)) return emptyMonth(month);
      const b = await balanceOf(month);
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
  return chartWithLegend(data, true, onSelect);
}

/** @param {string} month @returns {ChartMonth} */
function emptyMonth(month) {
  return { month, inTerm: false, used: 0, fromPool: 0, overage: 0, expired: 0, limit: null };
}

/**
 * A pool's draws per month, from the customer's monthly statements. Without statements (the route is
 * missing or refuses) the panel says so; the pool's balance above still shows.
 * @param {any} contract
 * @param {string[]} months
 * @param {(month: string) => boolean} inTerm
 * @param {(month: string) => Promise<any>} statements
 * @param {(month: string) => void} onSelect
 */
async function poolHistory(contract, months, inTerm, statements, onSelect) {
  const wanted = months.filter(inTerm);
  const settled = await Promise.allSettled(wanted.map((month) => statements(month)));
  const firstFailure = settled.find((s) => s.status === "rejected");
  if (firstFailure && settled.every((s) => s.status === "rejected")) throw firstFailure.reason;
  /** @type {Map<string, any>} */
  const lines = new Map();
  settled.forEach((result, i) => {
    if (result.status !== "fulfilled") return;
    const line = itemsOf(result.value?.contracts).find((c) => c.contractId === contract.id);
    if (line) lines.set(/** @type {string} */ (wanted[i]), line);
  });
  const data = months.map((month) => {
    if (!inTerm(month)) return emptyMonth(month);
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
  return chartWithLegend(data, false, onSelect);
}

/**
 * One month's bookings, newest first, 50 at a time.
 * @param {any} contract
 * @param {string} month
 * @param {HTMLElement} panel
 */
async function loadBookings(contract, month, panel) {
  const t = state.t;
  const path = `/contracts/${encodeURIComponent(contract.id)}/bookings?month=${month}&limit=50`;
  const first = await get(path);
  const rows = itemsOf(first);
  if (rows.length === 0) return h("p", { class: "muted" }, t("noBookings"));
  const body = h("tbody", {}, rows.map(bookingRow));
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
    body,
  );
  let cursor = typeof first.cursor === "string" ? first.cursor : null;
  const more = h("button", { type: "button", class: "more" }, t("showMore"));
  more.hidden = !cursor;
  more.addEventListener("click", async () => {
    if (!cursor) return;
    more.setAttribute("disabled", "");
    try {
      const page = await get(`${path}&cursor=${encodeURIComponent(cursor)}`);
      body.append(...itemsOf(page).map(bookingRow));
      cursor = typeof page.cursor === "string" ? page.cursor : null;
    } catch (error) {
      panel.append(h("p", { class: "message" }, failureText(error)));
      cursor = null;
    }
    more.removeAttribute("disabled");
    more.hidden = !cursor;
  });
  return [h("div", { class: "table-wrap" }, table), more];
}

/** @param {any} booking */
function bookingRow(booking) {
  const t = state.t;
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
    h("td", { class: "nowrap" }, formatDate(booking.date)),
    h("td", {}, label("category_", String(booking.category))),
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

/**
 * The contract's open tickets with their SLA countdowns, nearest deadline first.
 * @param {any} contract
 */
async function loadTickets(contract) {
  const base = `/contracts/${encodeURIComponent(contract.id)}/tickets`;
  let body;
  try {
    body = await get(`${base}?status=open`);
  } catch (error) {
    // A list that knows no `status` filter: fetch all and keep the open ones below.
    if (!(error instanceof ApiError && error.status === 400)) throw error;
    body = await get(base);
  }
  const open = itemsOf(body)
    .filter((ticket) => !ticket.respondedAt)
    .sort((a, b) => String(a.responseDueAt).localeCompare(String(b.responseDueAt)));
  if (open.length === 0) return h("p", { class: "muted" }, state.t("noTickets"));
  return h("ul", { class: "tickets-list" }, open.map(ticketItem));
}

/** @param {any} ticket */
function ticketItem(ticket) {
  const t = state.t;
  const countdown = h("span", { class: "countdown" });
  const item = h(
    "li",
    { class: "ticket", "data-ticket-id": ticket.id },
    h("span", { class: `priority priority-${ticket.priority}` }, ticket.priority),
    h("span", { class: "subject" }, ticket.subject),
    countdown,
    h(
      "small",
      { class: "muted" },
      [
        ticket.receivedAt ? t("receivedAt", { at: formatDateTime(ticket.receivedAt) }) : "",
        ticket.responseDueAt ? t("dueAt", { at: formatDateTime(ticket.responseDueAt) }) : "",
      ]
        .filter(Boolean)
        .join(" · "),
    ),
  );
  state.countdowns.set(countdown, ticket);
  updateCountdown(countdown, ticket, new Date());
  return item;
}

/**
 * @param {HTMLElement} element
 * @param {any} ticket
 * @param {Date} now
 */
function updateCountdown(element, ticket, now) {
  const { state: sla, minutes } = slaState(ticket, now);
  const item = element.closest("li");
  if (item) item.dataset.sla = sla;
  element.textContent =
    sla === "breached"
      ? state.t("slaBreached", { time: hoursMinutes(-minutes) })
      : sla === "met"
        ? state.t("slaMet")
        : state.t(sla === "warning" ? "slaWarning" : "slaOk", { time: hoursMinutes(minutes) });
}

/**
 * The customer's alerts, newest first.
 * @param {string} customerId
 * @param {any[]} contracts
 */
async function loadAlerts(customerId, contracts) {
  const t = state.t;
  const body = await get(`/alerts?customerId=${encodeURIComponent(customerId)}`);
  const alerts = itemsOf(body)
    .sort((a, b) => String(b.at).localeCompare(String(a.at)))
    .slice(0, 20);
  if (alerts.length === 0) return h("p", { class: "muted" }, t("noAlerts"));
  const kinds = new Map(
    contracts.map((c) => [c.id, c.kind === "monthly" ? t("kindMonthly") : t("kindPrepaid")]),
  );
  return h(
    "ul",
    { class: "alerts-list" },
    alerts.map((alert) =>
      h(
        "li",
        { class: `alert alert-${String(alert.type).replace(/\./g, "-")}`, "data-alert-type": alert.type },
        h("strong", {}, label("alert_", String(alert.type))),
        h(
          "span",
          {},
          [
            kinds.get(alert.contractId) ?? alert.contractId,
            alert.month ? formatMonth(alert.month) : "",
            alert.ticketId ? `${t("ticket")} ${alert.ticketId}` : "",
            ...alertDetails(alert.details),
          ]
            .filter(Boolean)
            .join(" · "),
        ),
        h("small", { class: "muted" }, alert.at ? formatDateTime(alert.at) : ""),
      ),
    ),
  );
}

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

/**
 * An alert's details in words: percentages, minutes, dates and the ticket's priority formatted with
 * their labels. Details the page has no words for (and `kind`, which the contract's name already
 * says) are left out, so no raw key or code reaches the screen.
 * @param {unknown} details
 * @returns {string[]}
 */
function alertDetails(details) {
  if (typeof details !== "object" || details === null) return [];
  const t = state.t;
  const parts = [];
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") {
      if (key === "percent") parts.push(`${value} %`);
      else if (key === "unusedPercent") parts.push(t("detailUnusedPercent", { percent: value }));
      else if (key === "daysLeft") parts.push(t("detailDaysLeft", { days: value }));
      else if (DETAIL_LABELS[key]) parts.push(`${t(DETAIL_LABELS[key])} ${hours(value)}`);
    } else if (typeof value === "string") {
      if (key === "priority") parts.push(t("detailPriority", { priority: value }));
      else if (key === "receivedAt") parts.push(t("receivedAt", { at: formatDateTime(value) }));
      else if (key === "responseDueAt") parts.push(t("dueAt", { at: formatDateTime(value) }));
      else if (key === "monthEndsOn") parts.push(t("detailMonthEndsOn", { date: formatDate(value) }));
      else if (key === "termEnd") parts.push(t("detailTermEnd", { date: formatDate(value) }));
    }
  }
  return parts;
}

// ---- start ---------------------------------------------------------------------------------------

function applyLanguage() {
  state.t = translator(state.language);
  document.documentElement.lang = state.language;
  document.title = state.t("title");
  document.querySelectorAll("[data-i18n]").forEach((element) => {
    const key = knownKey(/** @type {HTMLElement} */ (element).dataset.i18n ?? "");
    if (key) element.textContent = state.t(key);
  });
  renderSignInMessage();
}

async function boot() {
  state.language = pickLanguage(
    localStorage.getItem(LANGUAGE_KEY),
    navigator.languages ?? [navigator.language],
  );
  applyLanguage();
  state.config = await loadConfig();

  byId("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId("token-input"));
    const token = input.value.trim();
    input.value = "";
    signIn(token);
  });
  byId("sign-out").addEventListener("click", () => signOut(null));
  byId("refresh").addEventListener("click", () => {
    if (state.customerId) void loadCustomer(state.customerId);
  });
  byId("customer-picker").addEventListener("change", (event) => {
    const id = /** @type {HTMLSelectElement} */ (event.target).value;
    sessionStorage.setItem(CUSTOMER_KEY, id);
    void loadCustomer(id);
  });
  byId("language").addEventListener("click", () => {
    state.language = state.language === "de" ? "en" : "de";
    localStorage.setItem(LANGUAGE_KEY, state.language);
    applyLanguage();
    if (state.api && state.customerId) void loadCustomer(state.customerId);
  });
  setInterval(() => {
    const now = new Date();
    for (const [element, ticket] of state.countdowns) updateCountdown(element, ticket, now);
  }, TICK_MS);

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
  if (fromHash.error) return showSignIn("hostedUiFailed", { message: fromHash.error });
  const token = fromHash.token ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return showSignIn(null);
  signIn(token);
}

void boot();
