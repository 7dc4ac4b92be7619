import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { localSqsClient } from "../../infra/local/sqs-local.js";
import { signLocalToken } from "../../infra/local/token.js";
import { freshTable } from "../support/dynamo.js";
import { checkHttpResponse } from "../support/openapi-check.js";
import { aTicket } from "../support/tickets.js";

/**
 * The local system over HTTP: tickets opened through the API, `ticket.opened` and `sla.check` on the
 * local SQS ticket queue, the consumer polling it like an event source mapping, the sweep run by its
 * route and its schedule. Deadlines lie in the past (staff may back-date `receivedAt`), so nothing
 * waits for the wall clock.
 */
let system: LocalSystem;
let tokens: { admin: string; tech: string; customer: string; other: string };
let contractId: string;
let customerId: string;
let otherCustomerId: string;

async function api(token: string | null, method: string, path: string, body?: unknown, headers = {}) {
  const response = await fetch(`${system.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  checkHttpResponse(method, new URL(path, system.url).pathname, {
    status: response.status,
    contentType: response.headers.get("content-type"),
    text,
    body: parsed,
  });
  return { status: response.status, body: parsed };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function alertsOfTicket(ticketId: string) {
  const { body } = await api(tokens.admin, "GET", `/alerts?customerId=${customerId}&limit=200`);
  return (body.items as { type: string; ticketId?: string }[]).filter((a) => a.ticketId === ticketId);
}

/** Runs the sweep through its admin route and waits until the consumer has emptied the queue. */
async function sweep() {
  const response = await api(tokens.admin, "POST", "/admin/sla-sweep");
  expect(response.status).toBe(202);
  await system.drained();
  return response.body as { due: number; read: number };
}

describe("tickets and the SLA watch (local system over HTTP)", () => {
  beforeAll(async () => {
    const { endpoint, tableName } = await freshTable();
    system = await startLocalSystem({
      port: 0,
      inMemory: true,
      dataDir: mkdtempSync(join(tmpdir(), "koad-e2e-")),
      dynamoEndpoint: endpoint,
      tableName,
      visibilityTimeoutSeconds: 1,
    });
    const admin = await signLocalToken(system.signingKey, { role: "admin" });
    const customer = await api(admin, "POST", "/customers", { name: "Acme" });
    const other = await api(admin, "POST", "/customers", { name: "Other" });
    customerId = customer.body.id;
    otherCustomerId = other.body.id;
    // 7x24 so that deadlines do not depend on the day the suite runs.
    const contract = await api(admin, "POST", "/contracts", {
      customerId,
      kind: "monthly",
      monthlyQuotaMinutes: 600,
      startMonth: "2020-01",
      sla: { window: "7x24", holidays: null },
    });
    contractId = contract.body.id;
    tokens = {
      admin,
      tech: await signLocalToken(system.signingKey, { role: "technician" }),
      customer: await signLocalToken(system.signingKey, { role: "customer", customerId }),
      other: await signLocalToken(system.signingKey, { role: "customer", customerId: otherCustomerId }),
    };
  });

  afterAll(async () => {
    await system?.stop();
  });

  it("opens a ticket with its deadline and warning moment, and shows it", async () => {
    const opened = await api(tokens.customer, "POST", "/tickets", {
      contractId,
      priority: "P2",
      subject: "VPN down",
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: "open", breached: false });
    const received = Date.parse(opened.body.receivedAt);
    expect(Date.parse(opened.body.responseDueAt) - received).toBe(240 * 60_000);
    expect(Date.parse(opened.body.warnAt) - received).toBe(192 * 60_000);

    const read = await api(tokens.customer, "GET", `/tickets/${opened.body.id}`);
    expect(read.body).toMatchObject({ id: opened.body.id, status: "open", breached: false });
    expect(read.body).not.toHaveProperty("respondedAt");
    expect((await api(tokens.other, "GET", `/tickets/${opened.body.id}`)).status).toBe(404);

    const list = await api(tokens.customer, "GET", `/contracts/${contractId}/tickets?status=open`);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(opened.body.id);
  });

  it("refuses receivedAt from a customer, in the future, and tickets on another customer's contract", async () => {
    const byCustomer = await api(tokens.customer, "POST", "/tickets", {
      contractId,
      priority: "P1",
      subject: "x",
      receivedAt: minutesAgo(10),
    });
    expect(byCustomer.status).toBe(403);
    const future = await api(tokens.tech, "POST", "/tickets", {
      contractId,
      priority: "P1",
      subject: "x",
      receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toHaveProperty("receivedAt");
    const foreign = await api(tokens.other, "POST", "/tickets", { contractId, priority: "P1", subject: "x" });
    expect(foreign.status).toBe(404);
    const bad = await api(tokens.tech, "POST", "/tickets", { contractId, priority: "P9", subject: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details)).toEqual(
      expect.arrayContaining(["body.priority", "body.subject"]),
    );
    expect((await api(tokens.customer, "POST", "/admin/sla-sweep")).status).toBe(403);
  });

  it("warns once, then breaches once, through sweeps, the queue and its consumer", async () => {
    // P4 = 960 minutes; received 800 minutes ago: the warning (768) is due, the breach (960) is not.
    const opened = await api(tokens.tech, "POST", "/tickets", {
      contractId,
      priority: "P4",
      subject: "Backups failing",
      receivedAt: minutesAgo(800),
    });
    expect(opened.status).toBe(201);
    await system.drained(); // ticket.opened: the warning is due already, the consumer raises it
    await sweep();
    await sweep();
    expect((await alertsOfTicket(opened.body.id)).map((a) => a.type)).toEqual(["sla.warning"]);

    const late = await api(tokens.tech, "POST", "/tickets", {
      contractId,
      priority: "P1",
      subject: "Server down",
      receivedAt: minutesAgo(90),
    });
    await system.drained();
    await sweep();
    expect((await alertsOfTicket(late.body.id)).map((a) => a.type).sort()).toEqual([
      "sla.breached",
      "sla.warning",
    ]);
    expect((await api(tokens.admin, "GET", `/tickets/${late.body.id}`)).body.breached).toBe(true);
  });

  it("raises each alert once when the queue delivers a check again and again", async () => {
    const opened = await api(tokens.tech, "POST", "/tickets", {
      contractId,
      priority: "P1",
      subject: "Mail down",
      receivedAt: minutesAgo(55),
    });
    await system.drained();
    const ticket = (await api(tokens.admin, "GET", `/tickets/${opened.body.id}`)).body;
    const check = {
      type: "sla.check",
      entry: {
        ticketId: ticket.id,
        customerId,
        contractId,
        priority: "P1",
        receivedAt: ticket.receivedAt,
        warnAt: ticket.warnAt,
        responseDueAt: ticket.responseDueAt,
        stage: "warning",
        dueAt: ticket.warnAt,
      },
    };
    const sqs = localSqsClient(system.sqsEndpoint);
    await Promise.all(
      Array.from({ length: 5 }, () =>
        sqs.send(
          new SendMessageCommand({ QueueUrl: system.queues.tickets.url, MessageBody: JSON.stringify(check) }),
        ),
      ),
    );
    await system.drained();
    await sweep();
    expect((await alertsOfTicket(opened.body.id)).map((a) => a.type)).toEqual(["sla.warning"]);
  });

  it("stops the clock at the first response: no breach for an answered ticket", async () => {
    const opened = await api(tokens.tech, "POST", "/tickets", {
      contractId,
      priority: "P2",
      subject: "Slow network",
      receivedAt: minutesAgo(30),
    });
    const first = await api(tokens.tech, "POST", `/tickets/${opened.body.id}/responses`, undefined, {
      "idempotency-key": "resp-1",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ slaMet: true });
    expect(first.body.responseMinutes).toBeGreaterThanOrEqual(30);
    const again = await api(tokens.admin, "POST", `/tickets/${opened.body.id}/responses`);
    expect(again.body.respondedAt).toBe(first.body.respondedAt);
    expect((await api(tokens.customer, "POST", `/tickets/${opened.body.id}/responses`)).status).toBe(403);
    await sweep();
    expect(await alertsOfTicket(opened.body.id)).toEqual([]);
    const read = await api(tokens.customer, "GET", `/tickets/${opened.body.id}`);
    expect(read.body).toMatchObject({ status: "responded", slaMet: true, breached: false });
  });

  it("lists alerts for customers forced to their own", async () => {
    const own = await api(tokens.customer, "GET", `/alerts?customerId=${otherCustomerId}&type=sla.warning`);
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((a: { customerId: string }) => a.customerId === customerId)).toBe(true);
    expect((await api(tokens.other, "GET", "/alerts")).body.items).toEqual([]);
    expect((await api(tokens.customer, "GET", "/alerts?type=nope")).status).toBe(400);
  });

  it("reports the month: tickets, met, breached, compliance, by priority", async () => {
    const month = new Date().toISOString().slice(0, 7);
    const report = await api(tokens.customer, "GET", `/customers/${customerId}/sla-report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ customerId, month: expect.stringMatching(/^\d{4}-\d{2}$/) });
    expect(report.body.met).toBeGreaterThanOrEqual(1);
    expect(report.body.breached).toBeGreaterThanOrEqual(1);
    expect(Object.keys(report.body.byPriority)).toEqual(["P1", "P2", "P3", "P4"]);
    // The month's statement carries the same SLA figures.
    const statement = await api(
      tokens.customer,
      "GET",
      `/customers/${customerId}/statements/${report.body.month}`,
    );
    expect(statement.status).toBe(200);
    const { customerId: _customer, ...figures } = report.body;
    expect(statement.body.sla).toEqual(figures);
    expect(
      (await api(tokens.other, "GET", `/customers/${customerId}/sla-report?month=${month}`)).status,
    ).toBe(404);
    expect(
      (await api(tokens.customer, "GET", `/customers/${customerId}/sla-report?month=2026-13`)).status,
    ).toBe(400);
  });

  it("watches a ticket whose ticket.opened message was lost, through the scheduled sweep", async () => {
    // The ticket as the API stores it, but no message on the queue (as if SendMessage had failed).
    const store = system.ports.store;
    const ticket = aTicket({
      customerId,
      contractId,
      priority: "P3",
      receivedAt: minutesAgo(400),
      sla: { window: "7x24", holidays: null },
    });
    await store.tickets.createTicket(ticket);
    expect(await alertsOfTicket(ticket.id)).toEqual([]);
    await system.fireSchedule("slaSweep");
    await system.drained();
    expect((await alertsOfTicket(ticket.id)).map((a) => a.type)).toEqual(["sla.warning"]);
  });

  it("documents the new routes in /openapi.json", async () => {
    const { body } = await api(null, "GET", "/openapi.json");
    expect(body.paths["/tickets"].post.requestBody).toBeDefined();
    expect(body.paths["/admin/sla-sweep"].post.responses["202"]).toBeDefined();
    expect(body.paths["/alerts"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["customerId", "type", "since"]),
    );
  });
});
