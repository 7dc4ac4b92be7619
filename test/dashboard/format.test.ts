import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scaleTop } from "../../dashboard/chart.js";
import {
  addMonths,
  hostedUiSignInUrl,
  hoursMinutes,
  isExpired,
  lastMonths,
  monthIn,
  percentOf,
  readToken,
  signInFromHash,
  slaState,
} from "../../dashboard/format.js";
import { MESSAGES, pickLanguage, translator } from "../../dashboard/i18n.js";

/** A JWT with the given payload; the signature is not read by the page. */
function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(payload)}.c2lnbmF0dXJl`;
}

describe("hoursMinutes", () => {
  it("shows minutes as h:mm", () => {
    expect(hoursMinutes(0)).toBe("0:00");
    expect(hoursMinutes(5)).toBe("0:05");
    expect(hoursMinutes(90)).toBe("1:30");
    expect(hoursMinutes(1200)).toBe("20:00");
    expect(hoursMinutes(7200)).toBe("120:00");
    expect(hoursMinutes(-45)).toBe("-0:45");
  });

  it("reads back to the same number of minutes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (minutes) => {
        const match = /^(-?)(\d+):(\d\d)$/.exec(hoursMinutes(minutes));
        expect(match).not.toBeNull();
        const [, sign, h, m] = match as RegExpExecArray;
        expect(Number(m)).toBeLessThan(60);
        expect((sign ? -1 : 1) * (Number(h) * 60 + Number(m))).toBe(minutes);
      }),
    );
  });
});

describe("months", () => {
  it("moves across year ends", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-03", -15)).toBe("2024-12");
  });

  it("lists the last 12 months oldest first, ending with the current one", () => {
    const months = lastMonths("2026-02", 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-03");
    expect(months[11]).toBe("2026-02");
  });

  it("takes the month in the customer's time zone", () => {
    const newYearInBerlin = new Date("2025-12-31T23:30:00Z");
    expect(monthIn(newYearInBerlin, "Europe/Berlin")).toBe("2026-01");
    expect(monthIn(newYearInBerlin, "America/New_York")).toBe("2025-12");
    expect(monthIn(newYearInBerlin, "Not/AZone")).toBe("2026-01");
  });
});

describe("readToken", () => {
  it("reads role, customer and expiry from the payload", () => {
    const claims = readToken(
      jwt({ "custom:role": "customer", "custom:customerId": "cus_1", exp: 1_900_000_000 }),
    );
    expect(claims).toEqual({ role: "customer", customerId: "cus_1", expiresAt: 1_900_000_000 });
    expect(isExpired(claims!, new Date(1_899_999_999_000))).toBe(false);
    expect(isExpired(claims!, new Date(1_900_000_000_000))).toBe(true);
  });

  it("reads payloads with non-ASCII text", () => {
    expect(readToken(jwt({ "custom:role": "admin", name: "Jürgen Weiß" }))?.role).toBe("admin");
  });

  it("refuses what is not a JWT with a role", () => {
    expect(readToken("not-a-token")).toBeNull();
    expect(readToken("a.%%%.c")).toBeNull();
    expect(readToken(jwt({ sub: "someone" }))).toBeNull();
    expect(readToken(`${jwt({ "custom:role": "admin" })}.extra`)).toBeNull();
  });
});

describe("signInFromHash", () => {
  it("takes a local token or Cognito's id_token, leaving the rest of the fragment", () => {
    expect(signInFromHash("#token=abc&view=x")).toEqual({ token: "abc", error: null, rest: "view=x" });
    expect(
      signInFromHash("#id_token=idt&access_token=act&expires_in=3600&token_type=Bearer&state=s"),
    ).toEqual({ token: "idt", error: null, rest: "" });
    expect(signInFromHash("")).toEqual({ token: null, error: null, rest: "" });
  });

  it("passes on the hosted UI's error", () => {
    expect(signInFromHash("#error=access_denied&error_description=User+cancelled")).toEqual({
      token: null,
      error: "User cancelled",
      rest: "",
    });
  });
});

describe("hostedUiSignInUrl", () => {
  it("asks Cognito for an id token by the implicit grant, back to the page", () => {
    const url = new URL(
      hostedUiSignInUrl(
        { domain: "https://koad.auth.eu-central-1.amazoncognito.com/", clientId: "client123" },
        "https://dashboard.example.com/",
      ),
    );
    expect(url.origin + url.pathname).toBe(
      "https://koad.auth.eu-central-1.amazoncognito.com/oauth2/authorize",
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "client123",
      response_type: "token",
      scope: "openid",
      redirect_uri: "https://dashboard.example.com/",
    });
  });
});

describe("slaState", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  const ticket = {
    receivedAt: "2026-11-27T08:00:00Z",
    warnAt: "2026-11-27T11:00:00Z",
    responseDueAt: "2026-11-27T12:00:00Z",
  };

  it("counts down to the deadline, warning from warnAt on", () => {
    expect(slaState(ticket, now)).toEqual({ state: "ok", minutes: 120 });
    expect(slaState(ticket, new Date("2026-11-27T11:15:00Z"))).toEqual({ state: "warning", minutes: 45 });
  });

  it("marks a ticket breached at its deadline without a response, or when the API says so", () => {
    expect(slaState(ticket, new Date("2026-11-27T12:00:00Z"))).toEqual({ state: "breached", minutes: 0 });
    expect(slaState(ticket, new Date("2026-11-27T13:30:00Z"))).toEqual({ state: "breached", minutes: -90 });
    expect(slaState({ ...ticket, breached: true }, now).state).toBe("breached");
  });

  it("stops the clock at the first response", () => {
    const answered = { ...ticket, respondedAt: "2026-11-27T09:00:00Z", slaMet: true };
    expect(slaState(answered, new Date("2026-11-28T00:00:00Z")).state).toBe("met");
    expect(slaState({ ...answered, slaMet: false }, now).state).toBe("breached");
  });
});

describe("percentOf", () => {
  it("caps at 0 and 100 and survives a zero limit", () => {
    expect(percentOf(90, 1200)).toBe(8);
    expect(percentOf(1500, 1200)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(10, 0)).toBe(100);
  });
});

describe("scaleTop", () => {
  it("rounds the chart's top up to whole hours in four even steps", () => {
    expect(scaleTop(60)).toBe(4 * 60);
    expect(scaleTop(1260)).toBe(40 * 60);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), (minutes) => {
        const top = scaleTop(minutes);
        expect(top).toBeGreaterThanOrEqual(minutes);
        expect(top % (4 * 60)).toBe(0);
      }),
    );
  });
});

describe("i18n", () => {
  it("has every English message in German too, with the same placeholders", () => {
    expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(MESSAGES.de[key]), key).toEqual(placeholders(MESSAGES.en[key]));
    }
  });

  it("picks the stored language, else the browser's first German or English preference", () => {
    expect(pickLanguage("de", ["en-US"])).toBe("de");
    expect(pickLanguage(null, ["de-AT", "en"])).toBe("de");
    expect(pickLanguage(null, ["fr-FR", "en-GB"])).toBe("en");
    expect(pickLanguage("xx", ["fr"])).toBe("en");
  });

  it("fills in values", () => {
    expect(translator("de")("usedOf", { quota: "20:00" })).toBe("von 20:00 h verbraucht");
    expect(translator("en")("slaBreached", { time: "1:05" })).toBe("SLA breached 1:05 h ago");
  });
});
