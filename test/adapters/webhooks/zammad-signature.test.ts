import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyZammadSignature } from "../../../adapters/webhooks/zammad-signature.js";

const secret = "zammad-signature-token";
const rawBody = readFileSync(new URL("../../fixtures/zammad/new-ticket.json", import.meta.url), "utf8");

/** What Zammad's UserAgent sends: sha1= and the hex HMAC-SHA1 of the body it posts. */
function zammadSignature(key: string, body: string): string {
  return `sha1=${createHmac("sha1", key).update(body).digest("hex")}`;
}

describe("verifyZammadSignature", () => {
  it("accepts the signature Zammad computes over the raw body", () => {
    expect(verifyZammadSignature(secret, rawBody, zammadSignature(secret, rawBody))).toBe(true);
    expect(verifyZammadSignature(secret, Buffer.from(rawBody), zammadSignature(secret, rawBody))).toBe(true);
  });

  it("accepts the hex digest in capitals", () => {
    expect(
      verifyZammadSignature(
        secret,
        rawBody,
        zammadSignature(secret, rawBody).toUpperCase().replace("SHA1=", "sha1="),
      ),
    ).toBe(true);
  });

  it("refuses a tampered body", () => {
    const tampered = rawBody.replace('"3 high"', '"1 low"');
    expect(tampered).not.toBe(rawBody);
    expect(verifyZammadSignature(secret, tampered, zammadSignature(secret, rawBody))).toBe(false);
  });

  it("refuses a body re-serialised after parsing (the signature covers the exact bytes)", () => {
    const reserialised = JSON.stringify(JSON.parse(rawBody));
    expect(verifyZammadSignature(secret, reserialised, zammadSignature(secret, rawBody))).toBe(false);
  });

  it("refuses a signature made with another secret", () => {
    expect(verifyZammadSignature(secret, rawBody, zammadSignature("another-secret", rawBody))).toBe(false);
  });

  it("refuses a digest of the wrong length", () => {
    const full = zammadSignature(secret, rawBody);
    expect(verifyZammadSignature(secret, rawBody, full.slice(0, -2))).toBe(false);
    expect(verifyZammadSignature(secret, rawBody, `${full}00`)).toBe(false);
    const sha256 = `sha1=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
    expect(verifyZammadSignature(secret, rawBody, sha256)).toBe(false);
  });

  it("refuses a missing or empty header", () => {
    expect(verifyZammadSignature(secret, rawBody, undefined)).toBe(false);
    expect(verifyZammadSignature(secret, rawBody, null)).toBe(false);
    expect(verifyZammadSignature(secret, rawBody, "")).toBe(false);
  });

  it("refuses a malformed header: another scheme, no scheme, not hex", () => {
    const hex = createHmac("sha1", secret).update(rawBody).digest("hex");
    expect(verifyZammadSignature(secret, rawBody, `sha256=${hex}`)).toBe(false);
    expect(verifyZammadSignature(secret, rawBody, hex)).toBe(false);
    expect(verifyZammadSignature(secret, rawBody, `sha1=${"z".repeat(40)}`)).toBe(false);
    expect(verifyZammadSignature(secret, rawBody, `sha1=${hex},sha1=${hex}`)).toBe(false);
  });

  it("refuses everything when the integration has no secret", () => {
    expect(verifyZammadSignature("", rawBody, zammadSignature("", rawBody))).toBe(false);
  });
});
