import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededDemo, seedDemo } from "../../infra/local/seed.js";
import { launchChromium, pageErrors, screenshot, settled } from "../support/browser.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

/**
 * Open tickets with their SLA countdown, and the breach alert, on the dashboard. Needs the SLA routes
 * (`POST /tickets`, `GET /contracts/{id}/tickets`, `POST /admin/sla-sweep`, `GET /alerts`): without
 * them this file fails, saying which route is missing.
 */
let api: TestApi;
let browser: Browser;
let seeded: SeededDemo;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  const demo = await seedDemo(api.system.ports);
  if (!demo) throw new Error("seedDemo found a non-empty table");
  seeded = demo;
  admin = await api.token("admin");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

function missingRoute(route: string, status: number): string {
  return `${route} answered ${status}: the dashboard's ticket panel needs the SLA routes (merge the SLA branch first)`;
}

/** Waits for the SLA watch to have stored the ticket's breach alert, as the API lists it. */
async function breachAlert(ticketId: string): Promise<unknown> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const alerts = await api.request("GET", `/alerts?customerId=${seeded.customerId}`, { token: admin });
    expect(alerts.status, missingRoute("GET /alerts", alerts.status)).toBe(200);
    const found = (alerts.body.items ?? []).find(
      (a: { type: string; ticketId?: string }) => a.type === "sla.breached" && a.ticketId === ticketId,
    );
    if (found) return found;
    await api.system.drained();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

describe("dashboard tickets in Chromium", { timeout: 60_000 }, () => {
  it("marks an open ticket past its response deadline as breached, next to its alert, and counts down the others", async () => {
    // Received two weeks ago with a one-hour P1 window: long past its deadline whatever the calendar.
    const receivedAt = new Date(Date.now() - 14 * 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const late = await api.request("POST", "/tickets", {
      token: admin,
      body: { contractId: seeded.monthlyContractId, priority: "P1", subject: "Mail server down", receivedAt },
    });
    expect(late.status, missingRoute("POST /tickets", late.status)).toBe(201);
    const customerToken = await api.token("customer", seeded.customerId);
    const fresh = await api.request("POST", "/tickets", {
      token: customerToken,
      body: { contractId: seeded.monthlyContractId, priority: "P4", subject: "New printer for reception" },
    });
    expect(fresh.status, missingRoute("POST /tickets", fresh.status)).toBe(201);
    const sweep = await api.request("POST", "/admin/sla-sweep", { token: admin });
    expect(sweep.status, missingRoute("POST /admin/sla-sweep", sweep.status)).toBe(202);
    await api.system.drained();
    expect(await breachAlert(late.body.id), "no sla.breached alert for the late ticket").toBeDefined();

    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors = pageErrors(page);
      await page.goto(`${api.system.url}/#token=${customerToken}`);
      await page.waitForSelector(".contract");
      await settled(page);

      const monthly = `[data-contract-id="${seeded.monthlyContractId}"]`;
      expect(await page.locator(`${monthly} [data-panel=tickets]`).getAttribute("data-state")).toBe("loaded");
      const lateItem = page.locator(`${monthly} [data-ticket-id="${late.body.id}"]`);
      expect(await lateItem.getAttribute("data-sla")).toBe("breached");
      expect(await lateItem.locator(".countdown").textContent()).toMatch(/^SLA breached \d+:\d\d h ago$/);
      expect(await lateItem.locator(".subject").textContent()).toBe("Mail server down");
      const freshItem = page.locator(`${monthly} [data-ticket-id="${fresh.body.id}"]`);
      expect(["ok", "warning"]).toContain(await freshItem.getAttribute("data-sla"));
      expect(await freshItem.locator(".countdown").textContent()).toMatch(/^response due in \d+:\d\d h/);
      // The nearest deadline comes first.
      expect(await page.locator(`${monthly} .ticket .subject`).allTextContents()).toEqual([
        "Mail server down",
        "New printer for reception",
      ]);

      const alert = page.locator('#alerts [data-alert-type="sla.breached"]');
      expect(await alert.count()).toBeGreaterThanOrEqual(1);
      expect(await alert.first().locator("strong").textContent()).toBe("SLA breached");
      expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
      await screenshot(page, "ticket-breached");
    } finally {
      await context.close();
    }
  });
});
