import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks a KoAd webhook: `header` is the KoAd-Signature value, `rawBody` the request body exactly as
 * received (before any JSON parsing). Refuses requests signed more than `toleranceSeconds` ago.
 * @param {string} secret @param {string} rawBody @param {string | undefined} header
 * @param {number} [toleranceSeconds] @param {number} [nowMs]
 */
export function verifyKoadSignature(secret, rawBody, header, toleranceSeconds = 300, nowMs = Date.now()) {
  const fields = new Map(
    String(header ?? "")
      .split(",")
      .map((part) => /** @type {[string, string]} */ (part.trim().split("=", 2))),
  );
  const t = Number(fields.get("t"));
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(fields.get("v1") ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
