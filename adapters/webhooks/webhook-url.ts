import { isIP } from "node:net";
import { type AddressClass, classifyAddress } from "./address-policy.js";

/**
 * `deployed`: only `https` to hosts that resolve to public addresses. `local` (the one-machine run and
 * the tests): additionally `http://127.0.0.1:<port>`, and no other plain-http or loopback target.
 */
export type WebhookUrlMode = "deployed" | "local";

export type WebhookUrlProblem =
  | "invalid_url"
  | "scheme_not_allowed"
  | "credentials_in_url"
  | "fragment_not_allowed"
  | "host_not_allowed"
  | "address_not_allowed"
  | "too_long";

export type WebhookUrlCheck =
  | { ok: true; url: URL; hostname: string; loopbackHttp: boolean }
  | { ok: false; reason: WebhookUrlProblem; message: string; addressClass?: AddressClass };

const MAX_URL_LENGTH = 2048;

function refuse(reason: WebhookUrlProblem, message: string, addressClass?: AddressClass): WebhookUrlCheck {
  return addressClass ? { ok: false, reason, message, addressClass } : { ok: false, reason, message };
}

/** The host of a URL as an address or name: IPv6 literals without their brackets. */
export function hostnameOf(url: URL): string {
  const host = url.hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * Checks a webhook target without resolving it: what the API refuses at creation (400 naming `url`,
 * `details.reason`). Names are resolved, and their addresses checked again, at every send
 * (`sendWebhook`), so a name that later points inside is still refused.
 */
export function validateWebhookUrl(raw: string, mode: WebhookUrlMode): WebhookUrlCheck {
  if (raw.length > MAX_URL_LENGTH) return refuse("too_long", `must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("invalid_url", "must be an absolute URL");
  }
  if (url.username !== "" || url.password !== "") {
    return refuse("credentials_in_url", "must not carry a user name or password");
  }
  if (url.hash !== "") return refuse("fragment_not_allowed", "must not have a #fragment");
  const hostname = hostnameOf(url);

  if (url.protocol === "http:") {
    // Local testing only, and only the IPv4 loopback literal with an explicit port: no names (a name
    // could be made to resolve anywhere), no other address.
    if (mode === "local" && hostname === "127.0.0.1" && url.port !== "") {
      return { ok: true, url, hostname, loopbackHttp: true };
    }
    return refuse(
      "scheme_not_allowed",
      mode === "local" ? "must be https, or http://127.0.0.1:<port> when run locally" : "must be https",
    );
  }
  if (url.protocol !== "https:") return refuse("scheme_not_allowed", "must be https");
  if (hostname === "") return refuse("invalid_url", "must name a host");

  if (isIP(hostname) !== 0) {
    const addressClass = classifyAddress(hostname);
    if (addressClass !== "public") {
      return refuse("address_not_allowed", `must not point to a ${addressClass} address`, addressClass);
    }
  } else {
    const lower = hostname.toLowerCase().replace(/\.$/, "");
    if (!lower.includes(".") || lower === "localhost" || lower.endsWith(".localhost")) {
      return refuse("host_not_allowed", "must be a public host name");
    }
  }
  return { ok: true, url, hostname, loopbackHttp: false };
}
