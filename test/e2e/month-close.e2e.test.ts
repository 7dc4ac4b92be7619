import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FixedClock } from "../../domain/ports.js";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { localSqsClient } from "../../infra/local/sqs-local.js";
import { signLocalToken } from "../../infra/local/token.js";
import { csvRecords } from "../support/csv.js";
import { httpClient } from "../support/local-api.js";
import { tableReader } from "../support/month-close-world.js";
import { queueDepth } from "../support/queues.js";
import { until } from "../support/wait.js";

let system: LocalSystem;
let dataDir: string;
const clock = new FixedClock(new Date("2026-01-20T10:00:00Z"));
const tokens: Record<string, string> = {};

/** The API over HTTP, every answer checked against the document (test/support/local-api.ts). */
function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; accept?: string } = {},
) {
  const { accept, ...rest } = options;
  return httpClient(system.url)(method, path, { ...rest, ...(accept ? { headers: { accept } } : {}) });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "koad-close-e2e-"));
  system = await startLocalSystem({
    port: 0,
    inMemory: true,
    dataDir,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `koad-e2e-${randomUUID()}`,
    visibilityTimeoutSeconds: 2,
    // The functions run in this process, on a clock the test moves through the months.
    given: { clock },
  });
  tokens.admin = await signLocalToken(system.signingKey, { role: "admin" });
  tokens.technician = await signLocalToken(system.signingKey, { role: "technician" });
});

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function createCustomerWithContracts(startMonth = "2026-01") {
  const customer = (await call("POST", "/customers", { token: tokens.admin, body: { name: "Muster GmbH" } }))
    .body as { id: string };
  const monthly = (
    await call("POST", "/contracts", {
      token: tokens.admin,
      body: {
        customerId: customer.id,
        kind: "monthly",
        monthlyQuotaMinutes: 600,
        startMonth,
        feeCentsPerMonth: 45_000,
        overage: { policy: "bill", rateCentsPerHour: 9_000 },
      },
    })
  ).body as { id: string };
  const prepaid = (
    await call("POST", "/contracts", {
      token: tokens.admin,
      body: {
        customerId: customer.id,
        kind: "prepaid",
        monthlyBasisMinutes: 60,
        termYears: 1,
        startDate: `${startMonth}-01`,
      },
    })
  ).body as { id: string };
  return { customerId: customer.id, monthlyId: monthly.id, prepaidId: prepaid.id };
}

type StatementBody = {
  status: string;
  contracts: {
    contractId: string;
    kind: string;
    status: string;
    expiredMinutes: number;
    bookings: unknown[];
  }[];
};

describe("month close through the local system", () => {
  let customerId: string;
  let monthlyId: string;
  let prepaidId: string;
  const bookingIds: string[] = [];

  it("previews an open month as JSON and CSV", async () => {
    ({ customerId, monthlyId, prepaidId } = await createCustomerWithContracts());
    for (const [contractId, description] of [
      [monthlyId, 'Router, "core" switch'],
      [prepaidId, "Backup\nrestore test"],
    ] as const) {
      const booked = await call("POST", `/contracts/${contractId}/bookings`, {
        token: tokens.technician,
        body: { date: "2026-01-12", minutes: 90, category: "service", description },
      });
      expect(booked.status).toBe(201);
      bookingIds.push((booked.body as { id: string }).id);
    }
    // Act
    const json = await call("GET", `/customers/${customerId}/statements/2026-01`, { token: tokens.admin });
    const csv = await call("GET", `/customers/${customerId}/statements/2026-01`, {
      token: tokens.admin,
      accept: "text/csv",
    });
    // Assess
    expect(json.status).toBe(200);
    const statement = json.body as StatementBody;
    expect(statement.status).toBe("open");
    expect(statement.contracts.map((c) => [c.kind, c.status, c.bookings.length])).toEqual([
      ["monthly", "open", 1],
      ["prepaid", "open", 1],
    ]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = csvRecords(csv.text);
    expect(rows.filter((r) => r.record === "booking").map((r) => r.description)).toEqual([
      'Router, "core" switch',
      "Backup\nrestore test",
    ]);
  });

  it("refuses to close a month that has not ended (409), and anyone but an admin (403)", async () => {
    const early = await call("POST", "/admin/month-close", {
      token: tokens.admin,
      body: { month: "2026-01" },
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: "month_not_ended" } });
    clock.set("2026-02-01T08:00:00Z");
    const technician = await call("POST", "/admin/month-close", {
      token: tokens.technician,
      body: { month: "2026-01" },
    });
    expect(technician.status).toBe(403);
    const bad = await call("POST", "/admin/month-close", { token: tokens.admin, body: { month: "January" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: "validation_failed", details: { "body.month": expect.any(String) } },
    });
  });

  it("closes the month through the queue on POST /admin/month-close (202) and serves the final statement", async () => {
    // Act
    const started = await call("POST", "/admin/month-close", {
      token: tokens.admin,
      body: { month: "2026-01" },
    });
    expect(started.status).toBe(202);
    expect((started.body as { enqueuedJobs: number }).enqueuedJobs).toBeGreaterThanOrEqual(2);
    const final = await until("the statement to be final", async () => {
      const response = await call("GET", `/customers/${customerId}/statements/2026-01`, {
        token: tokens.admin,
      });
      return (response.body as StatementBody).status === "closed" ? (response.body as StatementBody) : null;
    });
    // Assess
    expect(final.contracts.map((c) => [c.kind, c.status, c.expiredMinutes])).toEqual([
      ["monthly", "closed", 510],
      ["prepaid", "closed", 0],
    ]);
    const again = await call("POST", "/admin/month-close", {
      token: tokens.admin,
      body: { month: "2026-01" },
    });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ enqueuedJobs: 0 });
    const customerToken = await signLocalToken(system.signingKey, { role: "customer", customerId });
    const own = await call("GET", `/customers/${customerId}/statements/2026-01`, {
      token: customerToken,
      accept: "text/csv",
    });
    expect(own.status).toBe(200);
    expect(csvRecords(own.text).find((r) => r.record === "summary" && r.kind === "monthly")).toMatchObject({
      status: "closed",
      expired_minutes: "510",
    });
    const strangerToken = await signLocalToken(system.signingKey, {
      role: "customer",
      customerId: "cus_other",
    });
    expect(
      (await call("GET", `/customers/${customerId}/statements/2026-01`, { token: strangerToken })).status,
    ).toBe(404);
    const late = await call("POST", `/contracts/${monthlyId}/bookings`, {
      token: tokens.technician,
      body: { date: "2026-01-30", minutes: 30, category: "service", description: "Late entry" },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: "period_closed" } });
    const reversal = await call("POST", `/contracts/${monthlyId}/bookings/${bookingIds[0]}/reversal`, {
      token: tokens.technician,
    });
    expect(reversal.status).toBe(409);
    expect(reversal.body).toMatchObject({ error: { code: "period_closed" } });
  });

  it("closes the previous month when the monthClose schedule fires at 00:05 on the 1st in Berlin", async () => {
    clock.set("2026-02-28T23:06:00Z"); // 00:06 on 1 March in Berlin
    // Act
    await system.fireSchedule("monthClose", new Date("2026-02-28T23:05:00Z"));
    // Assess
    const february = await until("February to be closed", async () => {
      const response = await call("GET", `/customers/${customerId}/statements/2026-02`, {
        token: tokens.admin,
      });
      return (response.body as StatementBody).status === "closed" ? (response.body as StatementBody) : null;
    });
    expect(february.contracts.map((c) => [c.kind, c.expiredMinutes])).toEqual([
      ["monthly", 600],
      ["prepaid", 0],
    ]);
  });

  it("stores expiry notices when the daily schedule fires", async () => {
    clock.set("2026-03-27T05:01:00Z");
    await system.fireSchedule("expiryNotices", new Date("2026-03-27T05:00:00Z")); // 06:00 Berlin, 5 days left
    const read = tableReader(system.dynamoEndpoint, system.tableName);
    expect(
      await read.alert({ type: "quota.expiring", contractId: monthlyId, month: "2026-03", details: {} }),
    ).toMatchObject({ customerId, details: { unusedMinutes: 600 } });
  });

  it("moves a malformed close job to the dead-letter queue while the good jobs of its batch close", async () => {
    // Prepare
    clock.set("2026-04-01T08:00:00Z");
    // Months up to February are closed system-wide by now: a new contract starts in March.
    const other = await createCustomerWithContracts("2026-03");
    const sqs = localSqsClient(system.sqsEndpoint);
    // Act
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: system.queues.monthClose.url,
        Entries: [
          { Id: "good-1", MessageBody: JSON.stringify({ contractId: other.monthlyId, month: "2026-03" }) },
          { Id: "poison", MessageBody: '{"contractId": 42' },
          { Id: "good-2", MessageBody: JSON.stringify({ contractId: other.prepaidId, month: "2026-03" }) },
        ],
      }),
    );
    // Assess
    const march = await until("the good jobs to close", async () => {
      const response = await call("GET", `/customers/${other.customerId}/statements/2026-03`, {
        token: tokens.admin,
      });
      return (response.body as StatementBody).status === "closed" ? (response.body as StatementBody) : null;
    });
    expect(march.contracts).toHaveLength(2);
    const depth = (url: string) => queueDepth(sqs, url);
    await until("the poison message in the DLQ", async () =>
      (await depth(system.queues.monthClose.deadLetterUrl)) === 1 ? true : null,
    );
    expect(await depth(system.queues.monthClose.url)).toBe(0);
  }, 90_000);
});
