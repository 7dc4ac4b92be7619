import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "../../domain/local-time.js";
import { slaReport } from "../../domain/sla-report.js";
import { dueStages, isBreached, slaAlert, type Ticket, watchEntryOf } from "../../domain/ticket.js";
import { withFirstResponse } from "../../domain/ticket-clock.js";
import { aTicket } from "../support/tickets.js";

describe("openedTicket", () => {
  it("starts the watch at the warning moment, before the deadline", () => {
    // Mon 23 November 2026 09:00 CET, P1 60 minutes, warning at 80 %.
    const ticket = aTicket({ receivedAt: "2026-11-23T08:00:00Z" });
    expect(ticket.responseDueAt).toBe("2026-11-23T09:00:00Z");
    expect(ticket.warnAt).toBe("2026-11-23T08:48:00Z");
    expect(ticket.watch).toEqual({ stage: "warning", at: "2026-11-23T08:48:00Z" });
  });
});

describe("withFirstResponse", () => {
  it("records a met SLA and the in-window minutes, rounded up, and ends the watch", () => {
    const ticket = aTicket({ receivedAt: "2026-11-23T08:00:00Z" });
    const responded = withFirstResponse(ticket, new Date("2026-11-23T08:20:30Z"), "tech");
    expect(responded).toMatchObject({
      status: "responded",
      respondedAt: "2026-11-23T08:20:30Z",
      slaMet: true,
      responseMinutes: 21,
      watch: null,
    });
  });

  it("counts only in-window minutes: received Friday afternoon, answered Monday morning", () => {
    // Fri 20 November 2026 15:30 CET; answered Mon 23 November 08:10 CET: 30 + 10 minutes.
    const ticket = aTicket({ receivedAt: "2026-11-20T14:30:00Z", priority: "P2" });
    const responded = withFirstResponse(ticket, new Date("2026-11-23T07:10:00Z"), "tech");
    expect(responded.responseMinutes).toBe(40);
    expect(responded.slaMet).toBe(true);
  });

  it("records a missed SLA when the response comes after the deadline", () => {
    const ticket = aTicket({ receivedAt: "2026-11-23T08:00:00Z" });
    const responded = withFirstResponse(ticket, new Date("2026-11-23T09:00:01Z"), "tech");
    expect(responded.slaMet).toBe(false);
    expect(isBreached(responded, new Date("2026-11-23T09:00:01Z"))).toBe(true);
  });

  it("counts a response exactly at the deadline as met", () => {
    const ticket = aTicket({ receivedAt: "2026-11-23T08:00:00Z" });
    expect(withFirstResponse(ticket, new Date("2026-11-23T09:00:00Z"), "tech").slaMet).toBe(true);
  });
});

describe("dueStages", () => {
  const entry = watchEntryOf(aTicket({ receivedAt: "2026-11-23T08:00:00Z" }))!;

  it("raises nothing before the moment", () => {
    expect(dueStages(entry, "2026-11-23T08:47:59Z")).toEqual([]);
  });

  it("raises the warning at its moment", () => {
    expect(dueStages(entry, "2026-11-23T08:48:00Z")).toEqual(["warning"]);
  });

  it("raises warning and breach together when a late check finds the deadline passed", () => {
    expect(dueStages(entry, "2026-11-23T09:00:00Z")).toEqual(["warning", "breach"]);
  });

  it("raises the breach of a breach-stage entry", () => {
    const breach = { ...entry, stage: "breach" as const, dueAt: entry.responseDueAt };
    expect(dueStages(breach, "2026-11-23T09:30:00Z")).toEqual(["breach"]);
  });
});

describe("slaAlert", () => {
  it("names the ticket, so its cause is unique per ticket and stage", () => {
    const entry = watchEntryOf(aTicket({ id: "tkt_7" }))!;
    expect(slaAlert(entry, "breach", "alr_1", "2026-11-23T09:00:00Z")).toMatchObject({
      type: "sla.breached",
      ticketId: "tkt_7",
      customerId: "cus_1",
      contractId: "con_1",
    });
  });
});

describe("slaReport", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const answered = (t: Ticket, at: string) => withFirstResponse(t, new Date(at), "tech");

  it("counts met, breached and open tickets, compliance and the median response, per priority", () => {
    const tickets = [
      answered(aTicket({ receivedAt: "2026-11-23T08:00:00Z" }), "2026-11-23T08:10:00Z"), // P1 met, 10
      answered(aTicket({ receivedAt: "2026-11-24T08:00:00Z" }), "2026-11-24T09:30:00Z"), // P1 late, 90
      aTicket({ receivedAt: "2026-11-25T08:00:00Z" }), // P1 open, past due: breached
      answered(aTicket({ receivedAt: "2026-11-26T08:00:00Z", priority: "P3" }), "2026-11-26T08:30:00Z"), // 30
      aTicket({ receivedAt: "2026-11-30T11:55:00Z", priority: "P4" }), // open, not yet due
    ];
    const report = slaReport(tickets, "2026-11", now);
    expect(report).toMatchObject({
      month: "2026-11",
      tickets: 5,
      met: 2,
      breached: 2,
      open: 1,
      compliancePercent: 50,
      medianResponseMinutes: 30,
    });
    expect(report.byPriority.P1).toMatchObject({ tickets: 3, met: 1, breached: 2, compliancePercent: 33.3 });
    expect(report.byPriority.P1.medianResponseMinutes).toBe(50);
    expect(report.byPriority.P2).toEqual({
      tickets: 0,
      met: 0,
      breached: 0,
      open: 0,
      compliancePercent: null,
      medianResponseMinutes: null,
    });
  });
});

describe("startOfLocalDay", () => {
  it("is local midnight, across the offset of the day", () => {
    expect(startOfLocalDay("Europe/Berlin", "2026-11-01").toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(startOfLocalDay("Europe/Berlin", "2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("is the jump when midnight itself is skipped", () => {
    // São Paulo sprang forward at 00:00 on 4 November 2018: the day began at 01:00 local (03:00 UTC).
    expect(startOfLocalDay("America/Sao_Paulo", "2018-11-04").toISOString()).toBe("2018-11-04T03:00:00.000Z");
  });
});

describe("openedTicket with a receipt between seconds", () => {
  it("starts the clock at the whole second it stores", () => {
    const ticket = aTicket({ receivedAt: "2026-11-23T08:00:00.700Z" });
    expect(ticket.receivedAt).toBe("2026-11-23T08:00:00Z");
    expect(ticket.warnAt).toBe("2026-11-23T08:48:00Z");
    expect(ticket.responseDueAt).toBe("2026-11-23T09:00:00Z");
  });
});
