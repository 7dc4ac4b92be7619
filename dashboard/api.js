/** The dashboard's only way to data: the public HTTP API, with the signed-in user's bearer token. */

/** An answer other than 2xx, with the API's stable error code. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * @typedef {object} Api
 * @property {(path: string) => Promise<any>} get JSON of a GET; throws ApiError
 */

/**
 * @param {{ baseUrl: string, token: string, onUnauthorized: () => void }} options
 * @returns {Api}
 */
export function createApi({ baseUrl, token, onUnauthorized }) {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    async get(path) {
      let response;
      try {
        response = await fetch(`${base}${path}`, {
          headers: { authorization: `Bearer ${token}`, accept: "application/json" },
          credentials: "omit",
        });
      } catch {
        throw new ApiError(0, "network_error", "The API cannot be reached");
      }
      if (response.status === 401) onUnauthorized();
      if (!response.ok) {
        /** @type {any} */
        let body = null;
        try {
          body = await response.json();
        } catch {
          // A body that is not the API's error shape (a proxy's page): the status says enough.
        }
        const error = body?.error ?? {};
        throw new ApiError(
          response.status,
          typeof error.code === "string" ? error.code : `http_${response.status}`,
          typeof error.message === "string" ? error.message : response.statusText,
        );
      }
      return response.json();
    },
  };
}

/**
 * The items of a list answer (`{items, cursor?}`), or of a plain array.
 * @param {any} body
 * @returns {any[]}
 */
export function itemsOf(body) {
  if (Array.isArray(body)) return body;
  return Array.isArray(body?.items) ? body.items : [];
}

/**
 * Every page of a list, up to `maxItems`.
 * @param {Api} api
 * @param {string} path without query string or with one
 * @param {number} maxItems
 * @returns {Promise<any[]>}
 */
export async function allPages(api, path, maxItems) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page = await api.get(
      `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    items.push(...itemsOf(page));
    cursor = typeof page?.cursor === "string" ? page.cursor : null;
  } while (cursor && items.length < maxItems);
  return items.slice(0, maxItems);
}
