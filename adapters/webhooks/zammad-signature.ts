import { createHmac, timingSafeEqual } from "node:crypto";

/** Zammad's headers on a trigger webhook (lib/user_agent.rb, app/jobs/trigger_webhook_job.rb). */
export const ZAMMAD_SIGNATURE_HEADER = "X-Hub-Signature";
export const ZAMMAD_DELIVERY_HEADER = "X-Zammad-Delivery";
export const ZAMMAD_TRIGGER_HEADER = "X-Zammad-Trigger";

const SHA1_HEADER = /^sha1=([0-9a-fA-F]{40})$/;

/**
 * Whether `header` (the `X-Hub-Signature` value) is `sha1=<hex HMAC-SHA1(secret, rawBody)>`, as Zammad's
 * UserAgent computes it over the exact bytes it sends. Compared in constant time; a missing, malformed
 * or wrong-length header, or an empty secret, is false. Verify the raw body, never a re-serialised one.
 */
export function verifyZammadSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | null | undefined,
): boolean {
  if (secret === "" || typeof header !== "string") return false;
  const match = SHA1_HEADER.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!, "hex");
  const expected = createHmac("sha1", secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
