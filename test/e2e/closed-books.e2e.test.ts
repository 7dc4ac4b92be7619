import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FixedClock } from "../../domain/ports.js";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { signLocalToken } from "../../infra/local/token.js";
import { httpClient } from "../support/local-api.js";
import { until } from "../support/wait.js";

/**
 * SPEC §5 over HTTP: once the close of a month has started, nothing lands in it or before, and its
 * statements and SLA report read the same, byte for byte, whatever is written later.
 */
let system: LocalSystem;
let dataDir: string;
const clock = new FixedClock(new Date("2026-03-10T10:00:00Z"));
let admin: string;
let technician: string;

/** The API over HTTP, every answer checked against the document (test/support/local-api.ts). */
function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; accept?: string } = {},
) {
  const { accept, ...rest } = options;
  return httpClient(system.url)(method, path, { ...rest, ...(accept ? { headers: { accept } } : {}) });
}

let customerId: string;
let monthlyId: string;
let poolId: string;
let februaryBookingId: string;
let februaryTicketId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "koad-closed-books-"));
  system = await startLocalSystem({
    port: 0,
    inMemory: true,
    dataDir,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `koad-e2e-${randomUUID()}`,
    visibilityTimeoutSeconds: 2,
    given: { clock },
  });
  admin = await signLocalToken(system.signingKey, { role: "admin" });
  technician = await signLocalToken(system.signingKey, { role: "technician" });
  customerId = (await call("POST", "/customers", { token: admin, body: { name: "Closed Books GmbH" } })).body
    .id;
  poolId = (
    await call("POST", "/contracts", {
      token: admin,
      body: { customerId, kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2026-01-01" },
    })
  ).body.id;
  monthlyId = (
    await call("POST", "/contracts", {
      token: admin,
      body: {
        customerId,
        kind: "monthly",
        monthlyQuotaMinutes: 60,
        startMonth: "2026-01",
        fallbackContractId: poolId,
      },
    })
  ).body.id;
  for (const minutes of [45, 45]) {
    const booked = await call("POST", `/contracts/${monthlyId}/bookings`, {
      token: technician,
      body: { date: "2026-02-10", minutes, category: "service", description: "February work" },
    });
    expect(booked.status, booked.text).toBe(201);
    februaryBookingId = booked.body.id;
  }
  const ticket = await call("POST", "/tickets", {
    token: admin,
    body: { contractId: monthlyId, priority: "P2", subject: "Mail down", receivedAt: "2026-02-11T09:00:00Z" },
  });
  expect(ticket.status, ticket.text).toBe(201);
  februaryTicketId = ticket.body.id;
}, 60_000);

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Everything that reports on the closed months, as the API serves it. */
async function closedRecords(): Promise<Record<string, string>> {
  const records: Record<string, string> = {};
  for (const month of ["2026-01", "2026-02"]) {
    const statement = `/customers/${customerId}/statements/${month}`;
    records[`${month} json`] = (await call("GET", statement, { token: admin })).text;
    records[`${month} csv`] = (await call("GET", statement, { token: admin, accept: "text/csv" })).text;
    records[`${month} sla`] = (
      await call("GET", `/customers/${customerId}/sla-report?month=${month}`, { token: admin })
    ).text;
  }
  return records;
}

describe("closed books", () => {
  it("moves closedThrough when the close starts, shows it with the runs, and never moves it back", async () => {
    // Act
    const started = await call("POST", "/admin/month-close", { token: admin, body: { month: "2026-02" } });
    const earlier = await call("POST", "/admin/month-close", { token: admin, body: { month: "2026-01" } });
    const status = await call("GET", "/admin/month-close/status", { token: admin });
    const byTechnician = await call("GET", "/admin/month-close/status", { token: technician });
    // Assess
    expect(started.status).toBe(202);
    expect(earlier.status).toBe(202);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      closedThrough: "2026-02",
      runs: [
        { month: "2026-02", startedAt: "2026-03-10T10:00:00Z", enqueuedJobs: started.body.enqueuedJobs },
        { month: "2026-01", startedAt: "2026-03-10T10:00:00Z", enqueuedJobs: earlier.body.enqueuedJobs },
      ],
    });
    expect(byTechnician.status).toBe(403);
  });

  it("refuses contracts that start in a closed month with 409 period_closed", async () => {
    // Act
    const monthly = await call("POST", "/contracts", {
      token: admin,
      body: { customerId, kind: "monthly", monthlyQuotaMinutes: 60, startMonth: "2026-02" },
    });
    const prepaid = await call("POST", "/contracts", {
      token: admin,
      body: { customerId, kind: "prepaid", monthlyBasisMinutes: 60, termYears: 1, startDate: "2025-12-15" },
    });
    const open = await call("POST", "/contracts", {
      token: admin,
      body: { customerId, kind: "monthly", monthlyQuotaMinutes: 60, startMonth: "2026-03" },
    });
    // Assess
    expect(monthly.status).toBe(409);
    expect(monthly.body.error).toMatchObject({ code: "period_closed", details: { month: "2026-02" } });
    expect(prepaid.status).toBe(409);
    expect(prepaid.body.error.code).toBe("period_closed");
    expect(open.status).toBe(201);
  });

  it("refuses a ticket received in a closed month with 409 period_closed", async () => {
    // Act
    const backdated = await call("POST", "/tickets", {
      token: admin,
      body: { contractId: monthlyId, priority: "P1", subject: "Late", receivedAt: "2026-02-27T09:00:00Z" },
    });
    const current = await call("POST", "/tickets", {
      token: admin,
      body: { contractId: monthlyId, priority: "P1", subject: "Now", receivedAt: "2026-03-02T09:00:00Z" },
    });
    // Assess
    expect(backdated.status).toBe(409);
    expect(backdated.body.error).toMatchObject({ code: "period_closed", details: { month: "2026-02" } });
    expect(current.status).toBe(201);
  });

  it("serves the closed statements (JSON and CSV) and SLA reports byte for byte the same after every later write", async () => {
    // Prepare
    await until("the February statement to be closed", async () => {
      const response = await call("GET", `/customers/${customerId}/statements/2026-02`, { token: admin });
      return response.body?.status === "closed" ? response : null;
    });
    const before = await closedRecords();
    // Act
    const writes = {
      booking: await call("POST", `/contracts/${monthlyId}/bookings`, {
        token: technician,
        body: { date: "2026-03-09", minutes: 90, category: "service", description: "March work" },
      }),
      lateBooking: await call("POST", `/contracts/${monthlyId}/bookings`, {
        token: technician,
        body: { date: "2026-02-27", minutes: 30, category: "service", description: "Too late" },
      }),
      reversal: await call("POST", `/contracts/${monthlyId}/bookings/${februaryBookingId}/reversal`, {
        token: technician,
        body: { reason: "wrong month" },
      }),
      quota: await call("PUT", `/contracts/${monthlyId}/quota`, {
        token: admin,
        body: { monthlyQuotaMinutes: 120, effectiveMonth: "2026-04" },
      }),
      closedQuota: await call("PUT", `/contracts/${monthlyId}/quota`, {
        token: admin,
        body: { monthlyQuotaMinutes: 120, effectiveMonth: "2026-02" },
      }),
      topUp: await call("POST", `/contracts/${poolId}/topups`, { token: admin, body: { minutes: 600 } }),
      contract: await call("POST", "/contracts", {
        token: admin,
        body: { customerId, kind: "monthly", monthlyQuotaMinutes: 30, startMonth: "2026-04" },
      }),
      ticket: await call("POST", "/tickets", {
        token: admin,
        body: { contractId: monthlyId, priority: "P3", subject: "March ticket" },
      }),
      response: await call("POST", `/tickets/${februaryTicketId}/responses`, { token: technician }),
    };
    const after = await closedRecords();
    // Assess
    expect(Object.fromEntries(Object.entries(writes).map(([kind, r]) => [kind, r.status]))).toEqual({
      booking: 201,
      lateBooking: 409,
      reversal: 409,
      quota: 200,
      closedQuota: 409,
      topUp: 201,
      contract: 201,
      ticket: 201,
      response: 200,
    });
    expect(after).toEqual(before);
  });
});
