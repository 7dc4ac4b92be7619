import { describe, expect, it } from "vitest";
import { idempotentResponseAttribute, parseIdempotency } from "../../domain/store/items.js";

describe("stored idempotency records", () => {
  const response = { statusCode: 201, body: { id: "bk-1", balance: { remainingMinutes: 570 } } };

  it("keep the response as one JSON string and give back the same response", () => {
    const stored = idempotentResponseAttribute(response);
    expect(typeof stored).toBe("string");
    const record = parseIdempotency({
      pk: "IDEMPOTENCY#k",
      fingerprint: "f",
      expiresAt: 1,
      response: stored,
    });
    expect(record).toEqual({ fingerprint: "f", expiresAt: 1, response });
  });

  it("still read a record written before, with the response as a map", () => {
    const record = parseIdempotency({ pk: "IDEMPOTENCY#k", fingerprint: "f", expiresAt: 1, response });
    expect(record.response).toEqual(response);
  });

  it("read a claim without a response yet as no response", () => {
    expect(
      parseIdempotency({ pk: "IDEMPOTENCY#k", fingerprint: "f", expiresAt: 1, response: null }).response,
    ).toBeNull();
  });

  it("refuse a response that is not one", () => {
    expect(() =>
      parseIdempotency({ pk: "IDEMPOTENCY#k", fingerprint: "f", expiresAt: 1, response: '{"body":1}' }),
    ).toThrow(/Malformed idempotency response/);
  });
});
