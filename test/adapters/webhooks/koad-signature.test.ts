import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload } from "../../../adapters/webhooks/koad-signature.js";
import { verifyKoadSignature } from "../../../docs/examples/verify-koad-signature.mjs";

const secret = "whsec_test_0123456789";
const body = '{"id":"al-1","type":"quota.threshold","details":{"percent":80}}';
const t = 1_796_428_800; // 2026-12-05T00:00:00Z
const nowMs = (t + 30) * 1000;

describe("signPayload", () => {
  it("is t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signPayload(secret, body, t)).toBe(`t=${t},v1=${v1}`);
  });

  it("refuses a time that is not whole unix seconds", () => {
    expect(() => signPayload(secret, body, 1.5)).toThrow(RangeError);
    expect(() => signPayload(secret, body, -1)).toThrow(RangeError);
  });
});

describe("the receiver example (docs/examples/verify-koad-signature.mjs)", () => {
  it("accepts what signPayload signs", () => {
    expect(verifyKoadSignature(secret, body, signPayload(secret, body, t), 300, nowMs)).toBe(true);
  });

  it("refuses a tampered body, another secret, and a missing or garbled header", () => {
    const header = signPayload(secret, body, t);
    expect(verifyKoadSignature(secret, body.replace("80", "100"), header, 300, nowMs)).toBe(false);
    expect(verifyKoadSignature("whsec_other", body, header, 300, nowMs)).toBe(false);
    expect(verifyKoadSignature(secret, body, undefined, 300, nowMs)).toBe(false);
    expect(verifyKoadSignature(secret, body, "v1=abc", 300, nowMs)).toBe(false);
    expect(verifyKoadSignature(secret, body, header.slice(0, -4), 300, nowMs)).toBe(false);
  });

  it("refuses a signature with its time changed, and one older than the tolerance (a replay)", () => {
    const header = signPayload(secret, body, t);
    expect(verifyKoadSignature(secret, body, header.replace(`t=${t}`, `t=${t + 1}`), 300, nowMs)).toBe(false);
    expect(verifyKoadSignature(secret, body, header, 300, (t + 301) * 1000)).toBe(false);
  });
});
