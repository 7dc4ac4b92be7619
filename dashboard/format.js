/**
 * Pure helpers of the dashboard (no DOM, no network), so the unit tests can import them as they are.
 * Minutes are integers everywhere, as in the API.
 */

/**
 * Minutes as hours and minutes: 90 -> "1:30", 7200 -> "120:00", -45 -> "-0:45".
 * @param {number} minutes
 * @returns {string}
 */
export function hoursMinutes(minutes) {
  const sign = minutes < 0 ? "-" : "";
  const total = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * A month moved by `count` months: addMonths("2026-01", -1) -> "2025-12".
 * @param {string} month YYYY-MM
 * @param {number} count
 * @returns {string}
 */
export function addMonths(month, count) {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The `count` months up to and including `current`, oldest first.
 * @param {string} current YYYY-MM
 * @param {number} count
 * @returns {string[]}
 */
export function lastMonths(current, count) {
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count + 1));
}

/**
 * The calendar month of an instant in a time zone (the customer's; the API's billing months are the
 * same for customers in the billing time zone).
 * @param {Date} instant
 * @param {string} timeZone
 * @returns {string} YYYY-MM
 */
export function monthIn(instant, timeZone) {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    zone = "Europe/Berlin";
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}`;
}

/**
 * @typedef {object} TokenClaims
 * @property {string} role `admin`, `technician` or `customer` (`custom:role`)
 * @property {string | null} customerId `custom:customerId`, customers only
 * @property {number | null} expiresAt seconds since the epoch (`exp`)
 */

/**
 * Reads a JWT's claims without verifying it: the page only needs to know whom to show; the API
 * verifies every request. Null when the text is not a JWT with a role.
 * @param {string} token
 * @returns {TokenClaims | null}
 */
export function readToken(token) {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    /** @type {unknown} */
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof payload !== "object" || payload === null) return null;
    const claims = /** @type {Record<string, unknown>} */ (payload);
    const role = claims["custom:role"];
    if (typeof role !== "string") return null;
    const customerId = claims["custom:customerId"];
    const exp = claims.exp;
    return {
      role,
      customerId: typeof customerId === "string" && customerId !== "" ? customerId : null,
      expiresAt: typeof exp === "number" ? exp : null,
    };
  } catch {
    return null;
  }
}

/**
 * @param {TokenClaims} claims
 * @param {Date} now
 * @returns {boolean}
 */
export function isExpired(claims, now) {
  return claims.expiresAt !== null && claims.expiresAt * 1000 <= now.getTime();
}

/**
 * @param {TokenClaims} claims
 * @returns {boolean}
 */
export function isStaff(claims) {
  return claims.role === "admin" || claims.role === "technician";
}

/**
 * The sign-in a URL fragment carries: `#token=...` (local tokens) or `#id_token=...` (Cognito's hosted
 * UI, implicit flow), or the hosted UI's `#error=...`. `rest` is the fragment without them, so the
 * token can be taken out of the address bar.
 * @param {string} hash location.hash, with or without the leading '#'
 * @returns {{ token: string | null, error: string | null, rest: string }}
 */
export function signInFromHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token") || params.get("id_token") || null;
  const error = params.get("error_description") || params.get("error") || null;
  for (const name of [
    "token",
    "id_token",
    "access_token",
    "refresh_token",
    "expires_in",
    "token_type",
    "state",
    "error",
    "error_description",
  ]) {
    params.delete(name);
  }
  return { token, error, rest: params.toString() };
}

/**
 * @typedef {object} CognitoConfig
 * @property {string} domain the hosted UI's base URL, e.g. https://koad.auth.eu-central-1.amazoncognito.com
 * @property {string} clientId the user pool app client (implicit grant, scope openid)
 */

/**
 * The hosted UI's sign-in address; it comes back to `redirectUri` with `#id_token=...`.
 * @param {CognitoConfig} cognito
 * @param {string} redirectUri
 * @returns {string}
 */
export function hostedUiSignInUrl(cognito, redirectUri) {
  const query = new URLSearchParams({
    client_id: cognito.clientId,
    response_type: "token",
    scope: "openid",
    redirect_uri: redirectUri,
  });
  return `${cognito.domain.replace(/\/+$/, "")}/oauth2/authorize?${query}`;
}

/**
 * @typedef {object} SlaState
 * @property {"ok" | "warning" | "breached" | "met"} state
 * @property {number} minutes whole minutes to the deadline (positive) or past it (negative)
 */

/**
 * Where an open ticket stands against its response deadline. The deadline is an instant the API
 * already computed in the SLA's service window, so the countdown is plain clock time.
 * @param {{ responseDueAt?: string, warnAt?: string, respondedAt?: string | null, breached?: boolean, slaMet?: boolean | null }} ticket
 * @param {Date} now
 * @returns {SlaState}
 */
export function slaState(ticket, now) {
  const due = ticket.responseDueAt ? Date.parse(ticket.responseDueAt) : Number.NaN;
  const minutes = Number.isNaN(due) ? 0 : Math.floor((due - now.getTime()) / 60_000);
  if (ticket.respondedAt) return { state: ticket.slaMet === false ? "breached" : "met", minutes };
  if (ticket.breached === true || (!Number.isNaN(due) && due <= now.getTime())) {
    return { state: "breached", minutes: Math.min(minutes, 0) };
  }
  const warn = ticket.warnAt ? Date.parse(ticket.warnAt) : Number.NaN;
  if (!Number.isNaN(warn) && warn <= now.getTime()) return { state: "warning", minutes };
  return { state: "ok", minutes };
}

/**
 * Share of a limit, capped for drawing: 0 to 100.
 * @param {number} part
 * @param {number} whole
 * @returns {number}
 */
export function percentOf(part, whole) {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((part * 100) / whole)));
}

/**
 * The first and last month of a contract's term (a monthly quota may have no end).
 * @param {{ kind: string, startMonth?: string, endMonth?: string | null, startDate?: string, endDate?: string }} contract
 * @returns {{ first: string, last: string | null }}
 */
export function termMonths(contract) {
  if (contract.kind === "monthly")
    return { first: String(contract.startMonth), last: contract.endMonth ?? null };
  return { first: String(contract.startDate).slice(0, 7), last: String(contract.endDate).slice(0, 7) };
}

/**
 * @param {{ first: string, last: string | null }} term
 * @param {string} month YYYY-MM
 * @returns {boolean}
 */
export function inTerm(term, month) {
  return month >= term.first && (!term.last || month <= term.last);
}
