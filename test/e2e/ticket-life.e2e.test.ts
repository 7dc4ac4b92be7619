import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { signLocalToken } from "../../infra/local/token.js";
import { freshTable } from "../support/dynamo.js";

/**
 * A ticket's whole life over HTTP (SPEC §8): events on the timeline, both clocks recomputed after each,
 * pending pausing them, the watch raising each target's alerts once, and the queue across customers.
 * The contract is 7x24 (targets: response P2 240 / P3 480, resolution P2 1,440 / P3 2,880, P1 60 / 480)
 * and every moment lies in the past (staff back-date `receivedAt` and `at`), so nothing waits for the
 * wall clock and nothing depends on the day the suite runs.
 */
let system: LocalSystem;
let tokens: { admin: string; tech: string; customer: string; other: string };
let contractId: string;
let customerId: string;
let otherContractId: string;

async function api(token: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`${system.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A whole minute well in the past, the origin every moment of a test is counted from. */
function originMinutesAgo(minutes: number): number {
  return Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000;
}
const iso = (instant: number) => `${new Date(instant).toISOString().slice(0, 19)}Z`;
const plus = (origin: number, minutes: number) => iso(origin + minutes * 60_000);

async function open(token: string, body: Record<string, unknown>) {
  const opened = await api(token, "POST", "/tickets", { contractId, subject: "Printer", ...body });
  expect(opened.status).toBe(201);
  return opened.body as { id: string } & Record<string, unknown>;
}

async function event(ticketId: string, body: Record<string, unknown>, token = tokens.tech) {
  return api(token, "POST", `/tickets/${ticketId}/events`, body);
}

async function sweep() {
  const response = await api(tokens.admin, "POST", "/admin/sla-sweep");
  expect(response.status).toBe(202);
  await system.drained();
}

async function alertsOfTicket(ticketId: string) {
  const { body } = await api(tokens.admin, "GET", `/alerts?customerId=${customerId}&limit=200`);
  return (body.items as { type: string; ticketId?: string; details: { target?: string } }[])
    .filter((a) => a.ticketId === ticketId)
    .map((a) => `${a.type}/${a.details.target}`)
    .sort();
}

describe("a ticket's life and its SLA clocks (local system over HTTP)", () => {
  beforeAll(async () => {
    const { endpoint, tableName } = await freshTable();
    system = await startLocalSystem({
      port: 0,
      inMemory: true,
      dataDir: mkdtempSync(join(tmpdir(), "koad-e2e-life-")),
      dynamoEndpoint: endpoint,
      tableName,
      visibilityTimeoutSeconds: 1,
    });
    const admin = await signLocalToken(system.signingKey, { role: "admin" });
    const customer = await api(admin, "POST", "/customers", { name: "Acme" });
    const other = await api(admin, "POST", "/customers", { name: "Other" });
    customerId = customer.body.id;
    const sla = { window: "7x24", holidays: null };
    contractId = (
      await api(admin, "POST", "/contracts", {
        customerId,
        kind: "monthly",
        monthlyQuotaMinutes: 600,
        startMonth: "2020-01",
        sla,
      })
    ).body.id;
    otherContractId = (
      await api(admin, "POST", "/contracts", {
        customerId: other.body.id,
        kind: "monthly",
        monthlyQuotaMinutes: 600,
        startMonth: "2020-01",
        sla,
      })
    ).body.id;
    tokens = {
      admin,
      tech: await signLocalToken(system.signingKey, { role: "technician" }),
      customer: await signLocalToken(system.signingKey, { role: "customer", customerId }),
      other: await signLocalToken(system.signingKey, { role: "customer", customerId: other.body.id }),
    };
  });

  afterAll(async () => {
    await system?.stop();
  });

  it("goes open, responded, pending, resumed, resolved, reopened, resolved with the deadlines SPEC §8 gives", async () => {
    // Prepare: a P2 ticket received 1,000 minutes ago (response 240, resolution 1,440).
    const r = originMinutesAgo(1000);
    const ticket = await open(tokens.tech, {
      priority: "P2",
      receivedAt: plus(r, 0),
      description: "Out of toner",
      contact: { name: "Jo", email: "jo@example.com" },
      externalRef: "Z-1",
    });
    expect(ticket).toMatchObject({
      status: "open",
      responseDueAt: plus(r, 240),
      resolutionDueAt: plus(r, 1440),
      resolutionWarnAt: plus(r, 1152),
      pausedSince: null,
      contact: { name: "Jo", email: "jo@example.com" },
      externalRef: "Z-1",
    });

    // Act + Assess, event by event.
    const responded = await event(ticket.id, { type: "responded", at: plus(r, 60), message: "On it" });
    expect(responded.status).toBe(201);
    expect(responded.body).toMatchObject({
      status: "responded",
      slaMet: true,
      resolutionDueAt: plus(r, 1440),
    });

    const pending = await event(ticket.id, { type: "pending", at: plus(r, 100) });
    expect(pending.body).toMatchObject({
      status: "pending",
      resolutionDueAt: null,
      resolutionWarnAt: null,
      pausedSince: plus(r, 100),
    });

    // 300 minutes pending: the resolution deadline moves by exactly that.
    const resumed = await event(ticket.id, { type: "resumed", at: plus(r, 400) });
    expect(resumed.body).toMatchObject({
      status: "responded",
      pausedSince: null,
      resolutionDueAt: plus(r, 1740),
    });

    const resolved = await event(ticket.id, { type: "resolved", at: plus(r, 500) });
    expect(resolved.body).toMatchObject({ status: "resolved", resolutionDueAt: null });
    expect(resolved.body.sla.resolution).toMatchObject({ state: "done", met: true, consumedMinutes: 200 });

    // Reopened: the clock goes on from the 200 minutes it had used, 1,240 left.
    const reopened = await event(ticket.id, { type: "reopened", at: plus(r, 600) });
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({ status: "reopened", resolutionDueAt: plus(r, 1840) });

    const again = await event(ticket.id, { type: "resolved", at: plus(r, 700) });
    expect(again.body).toMatchObject({ status: "resolved", resolutionDueAt: null });
    expect(again.body.sla.resolution).toMatchObject({ met: true, consumedMinutes: 300, breached: false });

    const read = await api(tokens.customer, "GET", `/tickets/${ticket.id}`);
    expect(read.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      "opened",
      "responded",
      "pending",
      "resumed",
      "resolved",
      "reopened",
      "resolved",
    ]);
  });

  it("moves both deadlines when a pending spell is entered late", async () => {
    // Prepare: a P3 ticket received 200 minutes ago (response 480, resolution 2,880).
    const r = originMinutesAgo(200);
    const ticket = await open(tokens.tech, { priority: "P3", receivedAt: plus(r, 0) });
    expect(ticket).toMatchObject({ responseDueAt: plus(r, 480), resolutionDueAt: plus(r, 2880) });

    // Act: the ticket waited on the customer from minute 50 to 150, entered only now.
    expect((await event(ticket.id, { type: "pending", at: plus(r, 50) })).status).toBe(201);
    const resumed = await event(ticket.id, { type: "resumed", at: plus(r, 150) });

    // Assess: both clocks stood still for those 100 minutes.
    expect(resumed.body).toMatchObject({
      status: "open",
      responseDueAt: plus(r, 580),
      resolutionDueAt: plus(r, 2980),
    });
    const read = await api(tokens.admin, "GET", `/tickets/${ticket.id}`);
    expect(read.body).toMatchObject({ responseDueAt: plus(r, 580), resolutionDueAt: plus(r, 2980) });
  });

  it("hides internal notes from the customer and lets the customer add only public notes and reopen", async () => {
    // Prepare
    const ticket = await open(tokens.customer, { priority: "P3" });

    // Act
    const internal = await event(ticket.id, { type: "note", message: "Customer is grumpy", internal: true });
    const publicNote = await event(ticket.id, { type: "note", message: "Looking into it" });
    const fromCustomer = await event(ticket.id, { type: "note", message: "Thanks" }, tokens.customer);

    // Assess
    expect([internal.status, publicNote.status, fromCustomer.status]).toEqual([201, 201, 201]);
    const asCustomer = await api(tokens.customer, "GET", `/tickets/${ticket.id}`);
    expect(asCustomer.body.timeline.map((e: { message?: string }) => e.message ?? null)).toEqual([
      null,
      "Looking into it",
      "Thanks",
    ]);
    expect(fromCustomer.body.timeline.some((e: { internal?: boolean }) => e.internal)).toBe(false);
    const asStaff = await api(tokens.tech, "GET", `/tickets/${ticket.id}`);
    expect(asStaff.body.timeline).toHaveLength(4);
    expect(asStaff.body.timeline[1]).toMatchObject({ type: "note", internal: true });
    const queue = await api(tokens.customer, "GET", `/tickets?customerId=${customerId}&limit=200`);
    const listed = queue.body.items.find((t: { id: string }) => t.id === ticket.id);
    expect(listed.timeline).toHaveLength(3);

    const refused = [
      await event(ticket.id, { type: "note", message: "psst", internal: true }, tokens.customer),
      await event(ticket.id, { type: "resolved" }, tokens.customer),
      await event(ticket.id, { type: "note", at: iso(originMinutesAgo(1)) }, tokens.customer),
    ];
    expect(refused.map((x) => [x.status, x.body.error.code])).toEqual([
      [403, "forbidden"],
      [403, "forbidden"],
      [403, "forbidden"],
    ]);
    expect((await event(ticket.id, { type: "note", message: "x" }, tokens.other)).status).toBe(404);

    // A customer may reopen a ticket that is not solved for them.
    await event(ticket.id, { type: "resolved" });
    const reopened = await event(ticket.id, { type: "reopened", message: "Still broken" }, tokens.customer);
    expect(reopened.status).toBe(201);
    expect(reopened.body.status).toBe("reopened");
  });

  it("refuses invalid transitions with 409 and impossible moments with 400", async () => {
    // Prepare: a pending ticket.
    const r = originMinutesAgo(100);
    const ticket = await open(tokens.tech, { priority: "P3", receivedAt: plus(r, 0) });
    await event(ticket.id, { type: "pending", at: plus(r, 10) });

    // Act
    const resolvePending = await event(ticket.id, { type: "resolved" });
    const reopenOpen = await event(ticket.id, { type: "reopened" });
    const future = await event(ticket.id, { type: "resumed", at: iso(Date.now() + 3_600_000) });
    const beforePrevious = await event(ticket.id, { type: "resumed", at: plus(r, 5) });
    const internalResume = await event(ticket.id, { type: "resumed", internal: true });
    const opened = await event(ticket.id, { type: "opened" });

    // Assess
    expect([resolvePending.status, resolvePending.body.error.code]).toEqual([409, "invalid_transition"]);
    expect([reopenOpen.status, reopenOpen.body.error.code]).toEqual([409, "invalid_transition"]);
    expect([future.status, future.body.error.code]).toEqual([400, "validation_failed"]);
    expect([beforePrevious.status, beforePrevious.body.error.code]).toEqual([400, "validation_failed"]);
    expect([internalResume.status, internalResume.body.error.code]).toEqual([400, "validation_failed"]);
    expect(opened.status).toBe(400);
    const read = await api(tokens.tech, "GET", `/tickets/${ticket.id}`);
    expect(read.body.timeline.map((e: { type: string }) => e.type)).toEqual(["opened", "pending"]);
  });

  it("raises the warning and the breach of each target once through the queue and repeated sweeps", async () => {
    // Prepare: a P2 ticket received 1,300 minutes ago: the response (240) is breached, the resolution
    // (1,440) past its warning (1,152) but not its deadline.
    const ticket = await open(tokens.tech, { priority: "P2", receivedAt: iso(originMinutesAgo(1300)) });

    // Act
    await system.drained(); // ticket.opened: due at once, the consumer raises what is due
    await sweep();
    await sweep();

    // Assess
    expect(await alertsOfTicket(ticket.id)).toEqual([
      "sla.breached/response",
      "sla.warning/resolution",
      "sla.warning/response",
    ]);

    // A P1 received 500 minutes ago is past both deadlines (60, 480): four alerts, each once.
    const late = await open(tokens.tech, { priority: "P1", receivedAt: iso(originMinutesAgo(500)) });
    await system.drained();
    await sweep();
    await sweep();
    expect(await alertsOfTicket(late.id)).toEqual([
      "sla.breached/resolution",
      "sla.breached/response",
      "sla.warning/resolution",
      "sla.warning/response",
    ]);
    const read = await api(tokens.admin, "GET", `/tickets/${late.id}`);
    expect(read.body.sla.resolution).toMatchObject({ state: "running", breached: true });
  });

  it("queues tickets across customers soonest deadline first, pending ones last, paginated", async () => {
    // Prepare: three tickets of the other customer, due at different moments, one pending.
    const r = originMinutesAgo(30);
    const openOther = async (priority: string, minutes: number) =>
      (
        await api(tokens.tech, "POST", "/tickets", {
          contractId: otherContractId,
          priority,
          subject: `${priority} ticket`,
          receivedAt: plus(r, minutes),
        })
      ).body.id as string;
    const p3 = await openOther("P3", 0); // response due r+480
    const p1 = await openOther("P1", 10); // response due r+70
    const p2 = await openOther("P2", 5); // response due r+245
    const paused = await openOther("P1", 0);
    await event(paused, { type: "pending", at: plus(r, 1) });
    const otherCustomerId = (await api(tokens.admin, "GET", `/tickets/${p1}`)).body.customerId;

    // Act
    const first = await api(tokens.admin, "GET", `/tickets?customerId=${otherCustomerId}&limit=2`);
    const rest = await api(
      tokens.admin,
      "GET",
      `/tickets?customerId=${otherCustomerId}&limit=2&cursor=${first.body.cursor}`,
    );
    const asOther = await api(tokens.other, "GET", `/tickets?customerId=${customerId}`);
    const pendingOnly = await api(
      tokens.admin,
      "GET",
      `/tickets?status=pending&customerId=${otherCustomerId}`,
    );
    const p1Only = await api(tokens.admin, "GET", `/tickets?priority=P1&customerId=${otherCustomerId}`);

    // Assess
    const ids = (page: { body: { items: { id: string }[] } }) => page.body.items.map((t) => t.id);
    expect([...ids(first), ...ids(rest)]).toEqual([p1, p2, p3, paused]);
    expect(ids(asOther)).toEqual([p1, p2, p3, paused]);
    expect(ids(pendingOnly)).toEqual([paused]);
    expect(ids(p1Only)).toEqual([p1, paused]);
    expect((await api(tokens.admin, "GET", "/tickets?status=nope")).status).toBe(400);
  });

  it("reports a month's response and resolution met %, breaches and pending minutes by priority, in the statement too", async () => {
    // Prepare: a customer whose contract names its own resolution targets; tickets of October 2026.
    const reports = await api(tokens.admin, "POST", "/customers", { name: "Reports" });
    const contract = await api(tokens.admin, "POST", "/contracts", {
      customerId: reports.body.id,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: "2020-01",
      sla: { window: "7x24", holidays: null, resolutionMinutes: { P1: 120, P2: 600, P3: 1200, P4: 2400 } },
    });
    expect(contract.status).toBe(201);
    const o = Date.parse("2026-10-05T08:00:00Z");
    const ticketOf = async (priority: string, events: [string, number][]) => {
      const opened = await api(tokens.tech, "POST", "/tickets", {
        contractId: contract.body.id,
        priority,
        subject: "Report me",
        receivedAt: plus(o, 0),
      });
      for (const [type, minutes] of events) {
        expect((await event(opened.body.id, { type, at: plus(o, minutes) })).status).toBe(201);
      }
    };
    // Both targets met, 120 minutes pending.
    await ticketOf("P2", [
      ["responded", 30],
      ["pending", 60],
      ["resumed", 180],
      ["resolved", 300],
    ]);
    // Resolved after 900 minutes, unanswered till then: both targets breached.
    await ticketOf("P2", [["resolved", 900]]);
    // Both met.
    await ticketOf("P1", [
      ["responded", 10],
      ["resolved", 100],
    ]);

    // Act
    const report = await api(tokens.admin, "GET", `/customers/${reports.body.id}/sla-report?month=2026-10`);
    const statement = await api(tokens.admin, "GET", `/customers/${reports.body.id}/statements/2026-10`);

    // Assess
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      tickets: 3,
      response: { met: 2, breached: 1, open: 0, metPercent: 66.7 },
      resolution: { met: 2, breached: 1, open: 0, metPercent: 66.7 },
      pendingMinutes: 120,
    });
    expect(report.body.byPriority.P2).toMatchObject({
      tickets: 2,
      response: { met: 1, breached: 1, metPercent: 50 },
      resolution: { met: 1, breached: 1, metPercent: 50 },
      pendingMinutes: 120,
    });
    expect(report.body.byPriority.P1).toMatchObject({ resolution: { met: 1, breached: 0, metPercent: 100 } });
    expect(statement.status).toBe(200);
    expect(statement.body.sla).toMatchObject({
      response: report.body.response,
      resolution: report.body.resolution,
      pendingMinutes: 120,
    });
  });
});
