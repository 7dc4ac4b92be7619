import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { ticketItem } from "../../adapters/dynamodb/ticket-store.js";
import type { Actor } from "../../domain/access.js";
import type { Contract } from "../../domain/contract.js";
import type { FixedClock } from "../../domain/ports.js";
import type { Store } from "../../domain/repositories.js";
import { listAlerts } from "../../domain/use-cases/alerts.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import { checkSla, type SlaDeps, sweepSla } from "../../domain/use-cases/sla-watch.js";
import { addTicketEvent, getTicket, openTicket } from "../../domain/use-cases/tickets.js";
import { storeDeps } from "../support/dynamo.js";
import { aTicket, HeldTicketQueue, RecordingPublisher } from "../support/tickets.js";

const admin: Actor = { role: "admin", customerId: null, subject: "admin" };
const tech: Actor = { role: "technician", customerId: null, subject: "tech" };

type Deps = SlaDeps & {
  clock: FixedClock;
  store: Store;
  ticketQueue: HeldTicketQueue;
  alertPublisher: RecordingPublisher;
  doc: Awaited<ReturnType<typeof storeDeps>>["doc"];
  tableName: string;
};

describe("ticket events and the watch of both targets (DynamoDB Local)", () => {
  let deps: Deps;
  let contract: Contract;

  beforeEach(async () => {
    // Friday 20 November 2026, 09:00 CET; the contract's window is 5x8 in Berlin.
    const base = await storeDeps("2026-11-20T08:00:00Z");
    deps = { ...base, ticketQueue: new HeldTicketQueue(), alertPublisher: new RecordingPublisher() };
    const customer = await createCustomer(deps, admin, { name: "Acme" });
    contract = await createContract(deps, admin, {
      customerId: customer.id,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: "2026-01",
      sla: { resolutionMinutes: { P1: 120, P2: 300, P3: 600, P4: 1200 } },
    });
  });

  it("appends one of several concurrent events from the same state, and every concurrent note", async () => {
    // Prepare
    const ticket = await openTicket(deps, tech, { contractId: contract.id, priority: "P2", subject: "Slow" });
    deps.clock.set("2026-11-20T09:00:00Z");

    // Act
    const resolves = await Promise.allSettled(
      Array.from({ length: 5 }, () => addTicketEvent(deps, tech, ticket.id, { type: "resolved" })),
    );
    const notes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        addTicketEvent(deps, tech, ticket.id, { type: "note", message: `n${i}` }),
      ),
    );

    // Assess
    expect(resolves.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      resolves.filter((r) => r.status === "rejected").map((r) => (r.reason as { code?: string }).code),
    ).toEqual(["invalid_transition", "invalid_transition", "invalid_transition", "invalid_transition"]);
    expect(notes.every((n) => n.status === "fulfilled")).toBe(true);
    const stored = await getTicket(deps, tech, ticket.id);
    expect(stored.timeline?.map((e) => e.type)).toEqual(["opened", "resolved", ...Array(5).fill("note")]);
    expect(stored.version).toBe(7);
  });

  it("reads a ticket stored by v1 through its implied timeline and moves it on with an event", async () => {
    // Prepare: a v1 item (no timeline, no version) as v1 wrote it.
    const v1 = aTicket({ contractId: contract.id, customerId: contract.customerId, priority: "P2" });
    await deps.doc.send(new PutCommand({ TableName: deps.tableName, Item: ticketItem(v1) }));
    deps.clock.set("2026-11-23T08:30:00Z");

    // Act
    const responded = await addTicketEvent(deps, tech, v1.id, { type: "responded" });

    // Assess
    expect(responded).toMatchObject({ status: "responded", slaMet: true, responseMinutes: 30, version: 1 });
    expect(responded.timeline?.map((e) => e.id)).toEqual([`${v1.id}-opened`, expect.any(String)]);
    expect(responded.watch).toMatchObject({ target: "resolution", stage: "warning" });
    expect((await getTicket(deps, tech, v1.id)).timeline).toHaveLength(2);
  });

  it("delivers a resolution warning that falls due outside the window at the next opening", async () => {
    // Prepare: answered and resolved on Friday after 270 of its 300 minutes (past the warning at 240,
    // which nobody swept for), reopened on Saturday, when the window is closed.
    const ticket = await openTicket(deps, tech, { contractId: contract.id, priority: "P2", subject: "Mail" });
    deps.clock.set("2026-11-20T12:30:00Z");
    await addTicketEvent(deps, tech, ticket.id, { type: "responded", at: "2026-11-20T08:30:00Z" });
    await addTicketEvent(deps, tech, ticket.id, { type: "resolved" });
    deps.clock.set("2026-11-21T10:00:00Z");
    const reopened = await addTicketEvent(deps, tech, ticket.id, { type: "reopened" });
    expect(reopened.watch).toEqual({ target: "resolution", stage: "warning", at: "2026-11-23T07:00:00Z" });

    // Act: sweeps over the weekend find nothing; Monday's opening delivers the warning, 30 minutes
    // of window later the breach.
    deps.clock.set("2026-11-22T20:00:00Z");
    expect((await sweepSla(deps)).due).toBe(0);
    deps.clock.set("2026-11-23T07:00:30Z");
    await sweepSla(deps);
    for (const entry of deps.ticketQueue.takeChecks()) await checkSla(deps, entry);
    deps.clock.set("2026-11-23T07:30:30Z");
    await sweepSla(deps);
    for (const entry of deps.ticketQueue.takeChecks()) await checkSla(deps, entry);

    // Assess
    const alerts = (await listAlerts(deps, admin, { customerId: contract.customerId, limit: 50 })).items;
    expect(
      alerts
        .map((a) => [a.type, a.details.target, a.details.deliveredAt ?? null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["sla.breached", "resolution", null],
      ["sla.warning", "resolution", "2026-11-23T07:00:00Z"],
    ]);
    expect((await getTicket(deps, tech, ticket.id)).watch).toBeNull();
  });
});
