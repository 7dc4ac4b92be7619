import { describe, expect, it } from "vitest";
import {
  unsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from "../../adapters/mail/unsubscribe-token.js";

const SECRET = "unsubscribe-secret-for-tests-0001";
const CLAIM = { customerId: "cus_1", email: "Nora@Customer.example", topic: "notices" } as const;

function flipLastChar(value: string): string {
  const last = value.at(-1) === "A" ? "B" : "A";
  return `${value.slice(0, -1)}${last}`;
}

describe("unsubscribeToken", () => {
  it("round-trips: the token names the customer, the address (lower case) and the topic", () => {
    expect(verifyUnsubscribeToken(SECRET, unsubscribeToken(SECRET, CLAIM))).toEqual({
      customerId: "cus_1",
      email: "nora@customer.example",
      topic: "notices",
    });
  });

  it("is URL-safe and survives being put into a link", () => {
    // Prepare
    const token = unsubscribeToken(SECRET, CLAIM);

    // Act
    const url = new URL(unsubscribeUrl("https://api.koad.example/", token));

    // Assess
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(url.origin + url.pathname).toBe("https://api.koad.example/unsubscribe");
    expect(verifyUnsubscribeToken(SECRET, url.searchParams.get("token")!)).not.toBeNull();
  });

  it("refuses a token signed with another secret", () => {
    const token = unsubscribeToken("another-secret-of-enough-length", CLAIM);
    expect(verifyUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it("refuses an edited payload: another topic or another contact cannot be turned off", () => {
    // Prepare
    const [, signature] = unsubscribeToken(SECRET, CLAIM).split(".");
    const forged = Buffer.from(
      JSON.stringify({ v: 1, c: "cus_1", e: "sam@customer.example", t: "notices" }),
    ).toString("base64url");

    // Act & Assess
    expect(verifyUnsubscribeToken(SECRET, `${forged}.${signature}`)).toBeNull();
  });

  it("refuses an edited signature, a truncated one, and things that are no token at all", () => {
    const token = unsubscribeToken(SECRET, CLAIM);
    const [payload, signature] = token.split(".") as [string, string];
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${flipLastChar(signature)}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${signature.slice(0, 10)}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, payload)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}.x`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "")).toBeNull();
  });

  it("refuses a correctly signed payload that is not a claim", () => {
    // A payload signed with the right secret but of the wrong shape (as a later version might write).
    const token = unsubscribeToken(SECRET, CLAIM);
    const payload = Buffer.from(JSON.stringify({ v: 2, c: "cus_1", e: "x@y", t: "notices" })).toString(
      "base64url",
    );
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${token.split(".")[1]}`)).toBeNull();
  });

  it("will not sign with a short secret", () => {
    expect(() => unsubscribeToken("short", CLAIM)).toThrow(/at least 16/);
  });
});
