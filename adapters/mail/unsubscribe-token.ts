import { createHmac, timingSafeEqual } from "node:crypto";
import { emailKey, TOPICS, type Topic } from "../../domain/notifications.js";

/**
 * The token of a one-click unsubscribe link (RFC 8058): who (customer, e-mail) turns which topic off.
 * `<payload>.<signature>`, both base64url; the signature is HMAC-SHA256 over the payload with a secret
 * only the server knows, so a link cannot be edited to turn off another contact's or topic's mails.
 */
export interface UnsubscribeClaim {
  customerId: string;
  email: string;
  topic: Topic;
}

const VERSION = 1;

function sign(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`koad-unsubscribe.${payload}`).digest();
}

export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  if (secret.length < 16) throw new Error("The unsubscribe secret must have at least 16 characters");
  const payload = Buffer.from(
    JSON.stringify({ v: VERSION, c: claim.customerId, e: emailKey(claim.email), t: claim.topic }),
  ).toString("base64url");
  return `${payload}.${sign(secret, payload).toString("base64url")}`;
}

/** The claim of a token this server issued with `secret`, or null for anything else (edited, forged). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [payload, signature] = parts as [string, string];
  const given = Buffer.from(signature, "base64url");
  const expected = sign(secret, payload);
  // Compared in constant time; a wrong length is refused before (timingSafeEqual needs equal lengths).
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claim: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (claim === null || typeof claim !== "object") return null;
    const { v, c, e, t } = claim as Record<string, unknown>;
    if (v !== VERSION || typeof c !== "string" || typeof e !== "string") return null;
    if (typeof t !== "string" || !(TOPICS as readonly string[]).includes(t)) return null;
    return { customerId: c, email: e, topic: t as Topic };
  } catch {
    return null;
  }
}

/** The link a mail carries: `<base>/unsubscribe?token=…` (base: the public API origin). */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  const url = new URL("unsubscribe", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.searchParams.set("token", token);
  return url.toString();
}
