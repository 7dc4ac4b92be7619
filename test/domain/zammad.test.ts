import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../domain/errors.js";
import {
  type KnownZammadState,
  type KnownZammadTicket,
  parseZammadDelivery,
  type ZammadEffect,
  type ZammadMapping,
  zammadEffects,
  zammadTimeUnitToMinutes,
} from "../../domain/integrations/zammad.js";
import { zammadMappingSchema } from "../../domain/integrations/zammad.schema.js";

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/zammad/${name}.json`, import.meta.url), "utf8"));
}

/** A fixture with some of its ticket's fields replaced (the rest as Zammad sent it). */
function withTicket(name: string, patch: Record<string, unknown>): unknown {
  const payload = fixture(name) as { ticket: Record<string, unknown> };
  return { ...payload, ticket: { ...payload.ticket, ...patch } };
}

const mapping: ZammadMapping = {
  organizations: [{ zammadOrganizationId: 3, customerId: "cus-awesome", contractId: "ctr-awesome" }],
  timeAccountingTypes: { "Remote support": "service", "Project work": "project", Training: "training" },
};

const nothingKnown: KnownZammadState = { bookedEntryIds: [] };
const ticketIs = (state: KnownZammadTicket["state"], responded: boolean, booked: string[] = []) => ({
  ticket: { state, responded },
  bookedEntryIds: booked,
});

function effectsOf(name: string, known: KnownZammadState, map: ZammadMapping = mapping): ZammadEffect[] {
  return zammadEffects(parseZammadDelivery(fixture(name)), map, known);
}

describe("parseZammadDelivery", () => {
  it("reads every fixture, ignoring the many fields KoAd does not use", () => {
    for (const name of FIXTURES) {
      const delivery = parseZammadDelivery(fixture(name));
      expect(delivery.ticket.number).toBe("26081");
      expect(delivery.ticket).not.toHaveProperty("group");
    }
  });

  it("refuses a body without the ticket's number, naming the field", () => {
    const payload = fixture("new-ticket") as { ticket: Record<string, unknown> };
    delete payload.ticket.number;
    // Prepare // Act
    let error: unknown;
    try {
      parseZammadDelivery(payload);
    } catch (caught) {
      error = caught;
    }
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe("validation_failed");
    expect(JSON.stringify((error as ValidationError).details)).toContain("ticket.number");
  });

  it("refuses a body that is not an object", () => {
    expect(() => parseZammadDelivery("ticket")).toThrow(ValidationError);
  });
});

const FIXTURES = [
  "new-ticket",
  "internal-note",
  "agent-reply-public",
  "pending-reminder",
  "customer-reply",
  "pending-close",
  "closed",
  "reopened",
  "time-accounting-entries",
] as const;

describe("zammadEffects, fixture by fixture", () => {
  it("new ticket: opens a KoAd ticket with the number as externalRef, P2 for 3 high, the request as description", () => {
    expect(effectsOf("new-ticket", nothingKnown)).toEqual([
      {
        kind: "open_ticket",
        externalRef: "26081",
        customerId: "cus-awesome",
        contractId: "ctr-awesome",
        priority: "P2",
        subject: "VPN drops every few minutes since the firewall update",
        description:
          "Hello,\nsince Friday's firewall update our VPN drops every few minutes.\nAffected: all 12 home office users.\nEmily",
        contact: { name: "Emily Adams", email: "emily@awesome-customer.example", phone: "+49 40 1234 7777" },
        receivedAt: "2026-11-24T09:58:12Z",
      },
    ]);
  });

  it("a later article of a ticket KoAd has not seen opens it without a description", () => {
    const [open] = effectsOf("customer-reply", nothingKnown);
    expect(open).toMatchObject({
      kind: "open_ticket",
      externalRef: "26081",
      receivedAt: "2026-11-24T09:58:12Z",
    });
    expect(open).not.toHaveProperty("description");
  });

  it("internal note: is no first response, but its accounted time is booked", () => {
    expect(effectsOf("internal-note", ticketIs("open", false))).toEqual([
      {
        kind: "booking",
        entryId: "article-105",
        customerId: "cus-awesome",
        contractId: "ctr-awesome",
        date: "2026-11-24",
        minutes: 10,
        category: "service",
        description: "Zammad #26081: VPN drops every few minutes since the firewall update",
        ticketExternalRef: "26081",
      },
    ]);
  });

  it("public agent reply: is the first response, at the article's time, and books its time", () => {
    const effects = effectsOf("agent-reply-public", ticketIs("open", false, ["article-105"]));
    expect(effects).toEqual([
      { kind: "ticket_event", externalRef: "26081", type: "responded", at: "2026-11-24T10:45:09Z" },
      expect.objectContaining({ kind: "booking", entryId: "article-106", minutes: 20, date: "2026-11-24" }),
    ]);
  });

  it("public agent reply on an answered ticket: no second response", () => {
    const effects = effectsOf(
      "agent-reply-public",
      ticketIs("responded", true, ["article-105", "article-106"]),
    );
    expect(effects).toEqual([]);
  });

  it("pending reminder: pauses the ticket", () => {
    expect(effectsOf("pending-reminder", ticketIs("responded", true))).toEqual([
      { kind: "ticket_event", externalRef: "26081", type: "pending", at: "2026-11-24T11:02:33Z" },
    ]);
  });

  it("customer reply on a pending ticket (Zammad sets it open): resumes it", () => {
    expect(effectsOf("customer-reply", ticketIs("pending", true))).toEqual([
      { kind: "ticket_event", externalRef: "26081", type: "resumed", at: "2026-11-25T09:10:27Z" },
    ]);
  });

  it("pending close with a reply: pauses the ticket and books 5.5 minutes as 6", () => {
    expect(effectsOf("pending-close", ticketIs("responded", true, ["article-105", "article-106"]))).toEqual([
      { kind: "ticket_event", externalRef: "26081", type: "pending", at: "2026-11-25T09:41:02Z" },
      expect.objectContaining({ kind: "booking", entryId: "article-108", minutes: 6 }),
    ]);
  });

  it("closed (pending close reached): resumes and resolves at the same moment", () => {
    expect(effectsOf("closed", ticketIs("pending", true))).toEqual([
      { kind: "ticket_event", externalRef: "26081", type: "resumed", at: "2026-11-28T09:41:05Z" },
      { kind: "ticket_event", externalRef: "26081", type: "resolved", at: "2026-11-28T09:41:05Z" },
    ]);
  });

  it("customer reply on a closed ticket (Zammad reopens it as open): reopens it", () => {
    expect(effectsOf("reopened", ticketIs("resolved", true))).toEqual([
      { kind: "ticket_event", externalRef: "26081", type: "reopened", at: "2026-12-01T08:15:44Z" },
    ]);
  });

  it("time accounting entries: one booking per entry, category from its type, date in the billing time zone", () => {
    const effects = effectsOf("time-accounting-entries", ticketIs("reopened", true));
    expect(effects).toEqual([
      expect.objectContaining({ entryId: "article-105", minutes: 10, category: "service" }),
      expect.objectContaining({ entryId: "article-106", minutes: 20, category: "service" }),
      expect.objectContaining({ entryId: "article-108", minutes: 6, category: "project" }),
      {
        kind: "booking",
        entryId: "entry-9",
        customerId: "cus-awesome",
        contractId: "ctr-awesome",
        // 23:30 UTC on 1 December is 00:30 on the 2nd in Berlin.
        date: "2026-12-02",
        minutes: 45,
        category: "training",
        description: "Zammad #26081: VPN drops every few minutes since the firewall update (Training)",
        ticketExternalRef: "26081",
      },
    ]);
  });

  it("time accounting entries already booked from their articles are not booked again", () => {
    const known = ticketIs("reopened", true, ["article-105", "article-106", "article-108"]);
    const effects = effectsOf("time-accounting-entries", known);
    expect(effects.map((effect) => (effect.kind === "booking" ? effect.entryId : effect.kind))).toEqual([
      "entry-9",
    ]);
  });
});

/** Applies effects to what KoAd knows, as the consumer's use cases would. */
function apply(known: KnownZammadState, effects: ZammadEffect[]): KnownZammadState {
  let ticket = known.ticket;
  const booked = [...known.bookedEntryIds];
  for (const effect of effects) {
    if (effect.kind === "open_ticket") ticket = { state: "open", responded: false };
    if (effect.kind === "booking") booked.push(effect.entryId);
    if (effect.kind === "ticket_event" && ticket) {
      const responded = ticket.responded || effect.type === "responded";
      const state =
        effect.type === "resumed"
          ? responded
            ? "responded"
            : "open"
          : effect.type === "resolved"
            ? "resolved"
            : effect.type;
      ticket = { state, responded };
    }
  }
  return ticket ? { ticket, bookedEntryIds: booked } : { bookedEntryIds: booked };
}

describe("zammadEffects over a ticket's whole life", () => {
  it("gives the SPEC §8 timeline and books each time entry once, even when every delivery comes twice", () => {
    // Prepare
    let known: KnownZammadState = nothingKnown;
    const all: ZammadEffect[] = [];
    // Act
    for (const name of FIXTURES) {
      for (let copy = 0; copy < 2; copy++) {
        const effects = effectsOf(name, known);
        all.push(...effects);
        known = apply(known, effects);
      }
    }
    // Assess
    expect(all.filter((e) => e.kind === "open_ticket")).toHaveLength(1);
    expect(all.flatMap((e) => (e.kind === "ticket_event" ? [e.type] : []))).toEqual([
      "responded",
      "pending",
      "resumed",
      "pending",
      "resumed",
      "resolved",
      "reopened",
    ]);
    const bookings = all.flatMap((e) => (e.kind === "booking" ? [[e.entryId, e.minutes]] : []));
    expect(bookings).toEqual([
      ["article-105", 10],
      ["article-106", 20],
      ["article-108", 6],
      ["entry-9", 45],
    ]);
    expect(all.filter((e) => e.kind === "ignored")).toEqual([]);
  });

  it("keeps a timeline in order: an event is never before the one before it", () => {
    let known: KnownZammadState = nothingKnown;
    const times: string[] = [];
    for (const name of FIXTURES) {
      const effects = effectsOf(name, known);
      times.push(...effects.flatMap((e) => (e.kind === "ticket_event" ? [e.at] : [])));
      known = apply(known, effects);
    }
    expect([...times].sort()).toEqual(times);
  });
});

describe("zammadEffects and the mapping (SPEC §9 defaults)", () => {
  it("maps the priorities 1 low → P4, 2 normal → P3, 3 high → P2", () => {
    for (const [name, id, priority] of [
      ["1 low", 1, "P4"],
      ["2 normal", 2, "P3"],
      ["3 high", 3, "P2"],
    ] as const) {
      const payload = withTicket("new-ticket", { priority: { id, name }, priority_id: id });
      const [open] = zammadEffects(parseZammadDelivery(payload), mapping, nothingKnown);
      expect(open).toMatchObject({ kind: "open_ticket", priority });
    }
  });

  it("lets the mapping replace a priority, and gives an unknown one the default priority", () => {
    const custom: ZammadMapping = {
      ...mapping,
      priorities: { "3 high": "P1", "4 urgent": "P1" },
      defaultPriority: "P4",
    };
    const high = zammadEffects(parseZammadDelivery(fixture("new-ticket")), custom, nothingKnown);
    expect(high[0]).toMatchObject({ priority: "P1" });
    const odd = withTicket("new-ticket", { priority: { id: 9, name: "9 someday" } });
    expect(zammadEffects(parseZammadDelivery(odd), custom, nothingKnown)[0]).toMatchObject({
      priority: "P4",
    });
  });

  it("maps new and open to open, pending reminder and pending close to pending, closed to resolved", () => {
    const eventsFor = (state: string) =>
      zammadEffects(
        parseZammadDelivery(withTicket("pending-reminder", { state })),
        mapping,
        ticketIs("responded", true),
      ).flatMap((e) => (e.kind === "ticket_event" ? [e.type] : []));
    expect(eventsFor("new")).toEqual([]);
    expect(eventsFor("open")).toEqual([]);
    expect(eventsFor("pending reminder")).toEqual(["pending"]);
    expect(eventsFor("pending close")).toEqual(["pending"]);
    expect(eventsFor("closed")).toEqual(["resolved"]);
  });

  it("says so for a state the mapping does not name (merged), and changes nothing", () => {
    const payload = withTicket("pending-reminder", { state: "merged", state_id: 5 });
    expect(zammadEffects(parseZammadDelivery(payload), mapping, ticketIs("responded", true))).toEqual([
      { kind: "ignored", reason: "unmapped_state", details: { state: "merged", externalRef: "26081" } },
    ]);
  });

  it("ignores a delivery for an organization the mapping does not name", () => {
    const payload = withTicket("new-ticket", {
      organization: { id: 99, name: "Someone Else GmbH" },
      organization_id: 99,
    });
    expect(zammadEffects(parseZammadDelivery(payload), mapping, nothingKnown)).toEqual([
      {
        kind: "ignored",
        reason: "unknown_organization",
        details: { organizationId: 99, organizationName: "Someone Else GmbH", externalRef: "26081" },
      },
    ]);
  });

  it("ignores a ticket without an organization (Zammad sends {})", () => {
    const payload = withTicket("new-ticket", { organization: {}, organization_id: null });
    expect(zammadEffects(parseZammadDelivery(payload), mapping, nothingKnown)).toMatchObject([
      { kind: "ignored", reason: "unknown_organization" },
    ]);
  });

  it("finds an organization by its name when the mapping names no id", () => {
    const byName: ZammadMapping = {
      organizations: [{ name: "awesome customer inc.", customerId: "cus-a", contractId: "ctr-a" }],
    };
    expect(zammadEffects(parseZammadDelivery(fixture("new-ticket")), byName, nothingKnown)[0]).toMatchObject({
      kind: "open_ticket",
      customerId: "cus-a",
      contractId: "ctr-a",
    });
  });

  it("books on the contract the known ticket was opened on", () => {
    const known: KnownZammadState = {
      ticket: { state: "open", responded: false, contractId: "ctr-old", customerId: "cus-awesome" },
      bookedEntryIds: [],
    };
    expect(effectsOf("internal-note", known)).toMatchObject([{ kind: "booking", contractId: "ctr-old" }]);
  });

  it("reads time units in the mapping's unit: 10 hours are 600 minutes", () => {
    const inHours: ZammadMapping = { ...mapping, timeUnit: "hours" };
    expect(effectsOf("internal-note", ticketIs("open", false), inHours)).toMatchObject([
      { kind: "booking", minutes: 600 },
    ]);
  });

  it("books an entry without a mapped type in the default category", () => {
    const consulting: ZammadMapping = { ...mapping, timeAccountingTypes: {}, defaultCategory: "consulting" };
    const effects = effectsOf("time-accounting-entries", ticketIs("reopened", true), consulting);
    expect(effects.map((e) => (e.kind === "booking" ? e.category : null))).toEqual([
      "consulting",
      "consulting",
      "consulting",
      "consulting",
    ]);
  });

  it("does not book a negative entry (a correction in Zammad) but says so", () => {
    const payload = fixture("internal-note") as { article: Record<string, unknown> };
    payload.article.accounted_time = -5;
    expect(zammadEffects(parseZammadDelivery(payload), mapping, ticketIs("open", false))).toEqual([
      {
        kind: "ignored",
        reason: "negative_time_entry",
        details: { entryId: "article-105", timeUnit: "-5", externalRef: "26081" },
      },
    ]);
  });
});

describe("zammadTimeUnitToMinutes", () => {
  it("rounds up to whole minutes in the configured unit", () => {
    expect(zammadTimeUnitToMinutes("15.0")).toBe(15);
    expect(zammadTimeUnitToMinutes(3.33)).toBe(4);
    expect(zammadTimeUnitToMinutes("0.01")).toBe(1);
    expect(zammadTimeUnitToMinutes("0.5", "hours")).toBe(30);
    expect(zammadTimeUnitToMinutes("0.33", "hours")).toBe(20);
    expect(zammadTimeUnitToMinutes("1.1", "hours")).toBe(66);
    expect(zammadTimeUnitToMinutes("3", "quarter-hours")).toBe(45);
  });
});

describe("zammadMappingSchema", () => {
  it("takes a mapping with organizations by id or name", () => {
    expect(zammadMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it("refuses an organization entry with neither id nor name, and an unknown category", () => {
    const noKey = { organizations: [{ customerId: "c", contractId: "k" }] };
    expect(zammadMappingSchema.safeParse(noKey).success).toBe(false);
    const badCategory = { ...mapping, timeAccountingTypes: { x: "travel" } };
    expect(zammadMappingSchema.safeParse(badCategory).success).toBe(false);
  });
});
