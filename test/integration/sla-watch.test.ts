import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../domain/access.js";
import type { Contract } from "../../domain/contract.js";
import type { FixedClock } from "../../domain/ports.js";
import type { Store } from "../../domain/repositories.js";
import { listAlerts } from "../../domain/use-cases/alerts.js";
import { bookHours, reverseBooking } from "../../domain/use-cases/bookings.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { getSlaReport } from "../../domain/use-cases/sla-report.js";
import { checkSla, type SlaDeps, sweepSla, ticketOpened } from "../../domain/use-cases/sla-watch.js";
import { openTicket, respondToTicket } from "../../domain/use-cases/tickets.js";
import { storeDeps } from "../support/dynamo.js";
import { HeldTicketQueue, RecordingPublisher } from "../support/tickets.js";

const admin: Actor = { role: "admin", customerId: null, subject: "admin" };
const tech: Actor = { role: "technician", customerId: null, subject: "tech" };

type Deps = SlaDeps & {
  clock: FixedClock;
  store: Store;
  ticketQueue: HeldTicketQueue;
  alertPublisher: RecordingPublisher;
};

async function setup(): Promise<{ deps: Deps; contract: Contract; customerId: string }> {
  // Mon 23 November 2026 09:00 CET.
  const base = await storeDeps("2026-11-23T08:00:00Z");
  const deps: Deps = {
    ...base,
    ticketQueue: new HeldTicketQueue(),
    alertPublisher: new RecordingPublisher(),
  };
  const customer = await createCustomer(deps, admin, { name: "Acme" });
  const contract = await createContract(deps, admin, {
    customerId: customer.id,
    kind: "monthly",
    monthlyQuotaMinutes: 600,
    startMonth: "2026-01",
  });
  return { deps, contract, customerId: customer.id };
}

async function alertsOf(deps: Deps, customerId: string, type?: "sla.warning" | "sla.breached") {
  return (await listAlerts(deps, admin, { customerId, type, limit: 100 })).items;
}

/** Delivers every queued check, `times` times each (a redelivering queue). */
async function deliverChecks(deps: Deps, times = 1) {
  const outcomes = [];
  for (const entry of deps.ticketQueue.takeChecks()) {
    for (let i = 0; i < times; i++) outcomes.push((await checkSla(deps, entry)).outcome);
  }
  return outcomes;
}

describe("SLA watch (DynamoDB Local)", () => {
  let deps: Deps;
  let contract: Contract;
  let customerId: string;

  beforeEach(async () => {
    ({ deps, contract, customerId } = await setup());
  });

  it("raises the warning at warnAt and the breach at the deadline, each once, under repeated sweeps and redelivery", async () => {
    const ticket = await openTicket(deps, tech, { contractId: contract.id, priority: "P1", subject: "Down" });
    expect(ticket.warnAt).toBe("2026-11-23T08:48:00Z");
    expect(deps.ticketQueue.opened.map((e) => e.ticketId)).toEqual([ticket.id]);
    expect((await ticketOpened(deps, deps.ticketQueue.opened[0]!)).outcome).toBe("not_due");

    deps.clock.set("2026-11-23T08:47:59Z");
    expect((await sweepSla(deps)).due).toBe(0);

    deps.clock.set("2026-11-23T08:48:30Z");
    for (let i = 0; i < 3; i++) await sweepSla(deps);
    expect(await deliverChecks(deps, 2)).toEqual([
      "raised",
      "not_watched",
      "not_watched",
      "not_watched",
      "not_watched",
      "not_watched",
    ]);
    expect((await sweepSla(deps)).due).toBe(0);

    deps.clock.set("2026-11-23T09:00:10Z");
    await sweepSla(deps);
    await sweepSla(deps);
    await deliverChecks(deps, 3);
    expect((await sweepSla(deps)).due).toBe(0);

    const alerts = await alertsOf(deps, customerId);
    expect(alerts.map((a) => a.type).sort()).toEqual(["sla.breached", "sla.warning"]);
    expect(deps.alertPublisher.published.map((a) => a.type)).toEqual(["sla.warning", "sla.breached"]);
    const stored = await deps.store.tickets.getTicket(ticket.id);
    expect(stored).toMatchObject({ warnedAt: "2026-11-23T08:48:30Z", breachedAt: "2026-11-23T09:00:10Z" });
    // The response target is done with; the watch goes on to the resolution target's warning.
    expect(stored?.watch).toMatchObject({ target: "resolution", stage: "warning" });
  });

  it("raises one alert when concurrent consumers check the same entry", async () => {
    await openTicket(deps, tech, { contractId: contract.id, priority: "P1", subject: "Down" });
    deps.clock.set("2026-11-23T08:49:00Z");
    await sweepSla(deps);
    const [entry] = deps.ticketQueue.takeChecks();
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => checkSla(deps, entry!)));
    const raised = outcomes.filter((o) => o.status === "fulfilled" && o.value.outcome === "raised");
    expect(raised).toHaveLength(1);
    expect(await alertsOf(deps, customerId, "sla.warning")).toHaveLength(1);
  });

  it("raises no breach for a ticket answered in time, even from a check already in flight", async () => {
    const ticket = await openTicket(deps, tech, { contractId: contract.id, priority: "P1", subject: "Down" });
    deps.clock.set("2026-11-23T08:50:00Z");
    await sweepSla(deps);
    const warningCheck = deps.ticketQueue.takeChecks();
    for (const entry of warningCheck) await checkSla(deps, entry);

    deps.clock.set("2026-11-23T08:55:00Z");
    const answered = await respondToTicket(deps, tech, ticket.id);
    expect(answered).toMatchObject({ slaMet: true, responseMinutes: 55 });

    deps.clock.set("2026-11-23T09:30:00Z");
    expect((await sweepSla(deps)).due).toBe(0);
    // A breach check sent before the response still arrives: it must find the ticket answered.
    const stale = { ...warningCheck[0]!, stage: "breach" as const, dueAt: ticket.responseDueAt };
    expect((await checkSla(deps, stale)).outcome).toBe("not_watched");
    expect(await alertsOf(deps, customerId, "sla.breached")).toEqual([]);
  });

  it("answers a repeated first response with the first one", async () => {
    const ticket = await openTicket(deps, tech, { contractId: contract.id, priority: "P2", subject: "Slow" });
    deps.clock.set("2026-11-23T08:30:00Z");
    const first = await respondToTicket(deps, tech, ticket.id);
    deps.clock.set("2026-11-23T12:00:00Z");
    const second = await respondToTicket(deps, admin, ticket.id);
    expect(second.respondedAt).toBe(first.respondedAt);
    expect(second.responseMinutes).toBe(30);
  });

  it("raises warning and breach at once for a ticket entered after its deadline", async () => {
    await openTicket(deps, tech, {
      contractId: contract.id,
      priority: "P1",
      subject: "Phoned in on Friday",
      receivedAt: "2026-11-20T09:00:00Z",
    });
    const result = await ticketOpened(deps, deps.ticketQueue.opened[0]!);
    expect(result.outcome).toBe("raised");
    // Received Friday 10:00 CET: by Monday 09:00 CET the response target is long breached and the
    // resolution target (480 in-window minutes) is past its warning, not its deadline.
    expect(result.delivery.published.map((a) => [a.type, a.details.target])).toEqual([
      ["sla.warning", "response"],
      ["sla.breached", "response"],
      ["sla.warning", "resolution"],
    ]);
    expect((await sweepSla(deps)).due).toBe(0);
  });

  it("keeps an alert whose publish failed in the outbox until a sweep publishes it", async () => {
    await openTicket(deps, tech, { contractId: contract.id, priority: "P1", subject: "Down" });
    deps.clock.set("2026-11-23T08:48:00Z");
    await sweepSla(deps);
    deps.alertPublisher.failing = true;
    const result = await checkSla(deps, deps.ticketQueue.takeChecks()[0]!);
    expect(result.outcome).toBe("raised");
    expect(result.delivery.failed).toHaveLength(1);

    deps.alertPublisher.failing = false;
    deps.clock.set("2026-11-23T08:48:30Z");
    expect((await sweepSla(deps)).published).toBe(0); // still the raising check's to publish
    deps.clock.set("2026-11-23T08:49:10Z");
    expect((await sweepSla(deps)).published).toBe(1);
    expect((await sweepSla(deps)).published).toBe(0);
    expect(deps.alertPublisher.published.map((a) => a.type)).toEqual(["sla.warning"]);
  });

  it("publishes the quota.threshold alerts bookings stored in their transactions, once each", async () => {
    const book = (minutes: number) =>
      bookHours(deps, tech, contract.id, {
        date: "2026-11-23",
        minutes,
        category: "service",
        description: "Work",
      });
    // 480 of 600 minutes crosses 80 %; the sweep publishes it once.
    await book(480);
    expect((await sweepSla(deps)).published).toBe(1);
    expect((await sweepSla(deps)).published).toBe(0);
    // 600 of 600 crosses 100 %; reversing and booking again crosses nothing new.
    const full = await book(120);
    await reverseBooking(deps, tech, contract.id, full.outcome === "booked" ? full.result.booking.id : "");
    await book(120);
    expect((await sweepSla(deps)).published).toBe(1);
    expect(deps.alertPublisher.published.map((a) => [a.type, a.month, a.details.percent])).toEqual([
      ["quota.threshold", "2026-11", 80],
      ["quota.threshold", "2026-11", 100],
    ]);
  });

  it("shows a customer only its own alerts, whatever it asks for", async () => {
    const other = await setupOther(deps);
    deps.clock.set("2026-11-20T08:00:00Z");
    await openTicket(deps, tech, { contractId: contract.id, priority: "P1", subject: "Ours" });
    await openTicket(deps, tech, { contractId: other.contractId, priority: "P1", subject: "Theirs" });
    deps.clock.set("2026-11-23T12:00:00Z");
    await sweepSla(deps);
    await deliverChecks(deps);

    const customer: Actor = { role: "customer", customerId, subject: "c" };
    const asked = await listAlerts(deps, customer, { customerId: other.customerId, limit: 50 });
    // Warning and breach of both targets: long past both deadlines.
    expect(asked.items.length).toBe(4);
    expect(asked.items.every((a) => a.customerId === customerId)).toBe(true);
    const all = await listAlerts(deps, admin, { limit: 50 });
    expect(new Set(all.items.map((a) => a.customerId))).toEqual(new Set([customerId, other.customerId]));
    const since = await listAlerts(deps, admin, { limit: 50, since: "2026-11-23T12:00:01" });
    expect(since.items).toEqual([]);
  });

  it("reports the month's tickets of a customer: met, breached, compliance", async () => {
    const first = await openTicket(deps, tech, { contractId: contract.id, priority: "P1", subject: "a" });
    await openTicket(deps, tech, { contractId: contract.id, priority: "P2", subject: "b" });
    deps.clock.set("2026-11-23T08:30:00Z");
    await respondToTicket(deps, tech, first.id);
    deps.clock.set("2026-11-24T12:00:00Z");
    const report = await getSlaReport(
      deps,
      { role: "customer", customerId, subject: "c" },
      customerId,
      "2026-11",
    );
    expect(report).toMatchObject({ tickets: 2, met: 1, breached: 1, open: 0, compliancePercent: 50 });
    expect((await getSlaReport(deps, admin, customerId, "2026-10")).tickets).toBe(0);
  });
});

async function setupOther(deps: Deps) {
  const customer = await createCustomer(deps, admin, { name: "Other" });
  const contract = await createContract(deps, admin, {
    customerId: customer.id,
    kind: "monthly",
    monthlyQuotaMinutes: 600,
    startMonth: "2026-01",
  });
  return { customerId: customer.id, contractId: contract.id };
}
