import { createHmac } from "node:crypto";

/** The headers of an outgoing webhook (SPEC §9). */
export const SIGNATURE_HEADER = "KoAd-Signature";
export const DELIVERY_HEADER = "KoAd-Delivery";

/**
 * The `KoAd-Signature` value for `body` sent at `t` (unix seconds): `t=<t>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<body>")>`. The time is signed with the body so a receiver can refuse a replayed old request.
 */
export function signPayload(secret: string, body: string, t: number): string {
  if (!Number.isSafeInteger(t) || t < 0) throw new RangeError("t must be unix seconds");
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");
  return `t=${t},v1=${v1}`;
}
