import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { classifyAddress } from "./address-policy.js";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signPayload } from "./koad-signature.js";
import { validateWebhookUrl } from "./webhook-url.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (DNS at send time; tests inject their own). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export interface OutgoingWebhook {
  url: string;
  /** The JSON document, exactly as it is signed and sent. */
  body: string;
  secret: string;
  deliveryId: string;
}

export interface SendWebhookOptions {
  /** Local mode: also allow `http://127.0.0.1:<port>`. Never set when deployed. */
  allowLoopbackHttp?: boolean;
  /** The whole attempt (resolve, connect, answer) must end within this; default 10 s (SPEC §9). */
  timeoutMs?: number;
  lookup?: ResolveHost;
  /** The signing time; defaults to the system clock. */
  now?: () => Date;
  /**
   * Called with the checked address just before the socket is opened; throwing stops the attempt. Tests
   * use it to make sure nothing but loopback is ever dialled, whatever the policy answered.
   */
  beforeConnect?: (target: { address: string; port: number }) => void;
}

export type WebhookSendError =
  | "url_not_allowed"
  | "dns_failed"
  | "address_not_allowed"
  | "connect_refused_by_guard"
  | "timeout"
  | "redirect_not_followed"
  | "http_status"
  | "network_error";

export interface WebhookResult {
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  error?: WebhookSendError;
  /** Why, in words fit for the deliveries list (no secrets, no bodies). */
  detail?: string;
  durationMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const USER_AGENT = "KoAd-Webhooks/1";

const systemLookup: ResolveHost = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

interface Target {
  url: URL;
  hostname: string;
  address: string;
  port: number;
}

type Refusal = { error: WebhookSendError; detail: string };

/**
 * Where the request may go: the URL passes `validateWebhookUrl`, and every address its name resolves to
 * (now, not at creation) is public. The first address is the one dialled, so a DNS answer that changes
 * between this check and the connection (rebinding) cannot move the request.
 */
async function resolveTarget(
  rawUrl: string,
  options: SendWebhookOptions,
  lookup: ResolveHost,
): Promise<Target | Refusal> {
  const check = validateWebhookUrl(rawUrl, options.allowLoopbackHttp ? "local" : "deployed");
  if (!check.ok) return { error: "url_not_allowed", detail: `${check.reason}: ${check.message}` };
  const { url, hostname } = check;
  const port = url.port !== "" ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  if (check.loopbackHttp || isIP(hostname) !== 0) return { url, hostname, address: hostname, port };

  let addresses: ResolvedAddress[];
  try {
    addresses = await lookup(hostname);
  } catch {
    return { error: "dns_failed", detail: `${hostname} could not be resolved` };
  }
  if (addresses.length === 0) return { error: "dns_failed", detail: `${hostname} has no address` };
  for (const { address } of addresses) {
    const addressClass = classifyAddress(address);
    if (addressClass !== "public") {
      return { error: "address_not_allowed", detail: `${hostname} resolves to a ${addressClass} address` };
    }
  }
  return { url, hostname, address: addresses[0]!.address, port };
}

/**
 * POSTs one signed webhook: `KoAd-Signature`, `KoAd-Delivery`, JSON body. Follows no redirect (a 3xx is
 * a failure), gives up after `timeoutMs`, and connects only to the address it checked, keeping the
 * URL's host in the `Host` header and, for https, in SNI and the certificate check. Never throws: the
 * answer says what happened, for the deliveries list and the retry decision (`retrySchedule`).
 */
export async function sendWebhook(
  webhook: OutgoingWebhook,
  options: SendWebhookOptions = {},
): Promise<WebhookResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    const target = await Promise.race([
      resolveTarget(webhook.url, options, options.lookup ?? systemLookup),
      new Promise<Refusal>((resolve) =>
        deadline.signal.addEventListener("abort", () =>
          resolve({ error: "timeout", detail: `no answer within ${timeoutMs} ms` }),
        ),
      ),
    ]);
    if ("error" in target) return { ok: false, ...target, durationMs: elapsed() };
    try {
      options.beforeConnect?.({ address: target.address, port: target.port });
    } catch {
      return {
        ok: false,
        error: "connect_refused_by_guard",
        detail: "the connection was refused",
        durationMs: elapsed(),
      };
    }
    const answer = await post(target, webhook, options.now ?? (() => new Date()), deadline.signal, timeoutMs);
    return { ...answer, durationMs: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}

function post(
  target: Target,
  webhook: OutgoingWebhook,
  now: () => Date,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Omit<WebhookResult, "durationMs">> {
  const t = Math.floor(now().getTime() / 1000);
  const headers = {
    Host: target.url.host,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(webhook.body, "utf8"),
    "User-Agent": USER_AGENT,
    [SIGNATURE_HEADER]: signPayload(webhook.secret, webhook.body, t),
    [DELIVERY_HEADER]: webhook.deliveryId,
  };
  const secure = target.url.protocol === "https:";
  const request = {
    // The checked address itself: nothing is resolved again between the check and the connection.
    host: target.address,
    port: target.port,
    path: `${target.url.pathname}${target.url.search}`,
    method: "POST",
    headers,
    // No pooled sockets: a kept-alive connection could outlive the address it was checked for.
    agent: false as const,
    signal,
    ...(secure && isIP(target.hostname) === 0 ? { servername: target.hostname } : {}),
  };

  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Omit<WebhookResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const onResponse = (response: http.IncomingMessage) => {
      const status = response.statusCode ?? 0;
      // The answer's body is not kept; reading it to the end lets the socket close cleanly.
      response.resume();
      response.on("end", () => {
        if (status >= 200 && status < 300) settle({ ok: true, status });
        else if (status >= 300 && status < 400) {
          settle({ ok: false, status, error: "redirect_not_followed", detail: `answered ${status}` });
        } else settle({ ok: false, status, error: "http_status", detail: `answered ${status}` });
      });
      response.on("error", () => settle(failure(signal, timeoutMs, status)));
      // Destroyed before its end (the deadline, a reset): a failure, whatever the status said.
      response.on("close", () => settle(failure(signal, timeoutMs, status)));
    };
    const outgoing = secure ? https.request(request, onResponse) : http.request(request, onResponse);
    outgoing.on("error", () => settle(failure(signal, timeoutMs)));
    outgoing.end(webhook.body);
  });
}

function failure(signal: AbortSignal, timeoutMs: number, status?: number): Omit<WebhookResult, "durationMs"> {
  const base = status === undefined ? {} : { status };
  if (signal.aborted)
    return { ok: false, ...base, error: "timeout", detail: `no answer within ${timeoutMs} ms` };
  return { ok: false, ...base, error: "network_error", detail: "the connection failed" };
}
