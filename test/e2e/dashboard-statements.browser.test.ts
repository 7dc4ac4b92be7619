import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import { type SeededDemo, seedDemo } from "../../infra/local/seed.js";
import { launchChromium, pageErrors, screenshot, settled } from "../support/browser.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

/**
 * The 12-month chart after a month close: the monthly quota's expired minutes, and a prepaid pool's
 * draws per month read from the statements. Needs the month-close routes
 * (`POST /admin/month-close`, `GET /customers/{id}/statements/{month}`): without them this file
 * fails, saying which route is missing.
 */
let api: TestApi;
let browser: Browser;
let seeded: SeededDemo;
let admin: string;
const today = dateIn("Europe/Berlin", new Date());
const thisMonth = monthOf(today);
const lastMonth = addMonths(thisMonth, -1);

function missingRoute(route: string, status: number): string {
  return `${route} answered ${status}: the dashboard's history needs the month-close routes (merge the close branch first)`;
}

async function book(contractId: string, body: Record<string, unknown>) {
  const response = await api.request("POST", `/contracts/${contractId}/bookings`, {
    token: admin,
    body: { category: "service", ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

beforeAll(async () => {
  api = await startTestApi();
  const demo = await seedDemo(api.system.ports);
  if (!demo) throw new Error("seedDemo found a non-empty table");
  seeded = demo;
  admin = await api.token("admin");
  await book(seeded.monthlyContractId, { date: `${lastMonth}-10`, minutes: 300, description: "Patch day" });
  await book(seeded.prepaidContractId, {
    date: `${lastMonth}-12`,
    minutes: 120,
    category: "project",
    description: "Network audit",
  });
  await book(seeded.prepaidContractId, { date: today, minutes: 125, description: "Firewall rules" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("dashboard history in Chromium", { timeout: 60_000 }, () => {
  it("charts last month's expired quota after the close, and the pool's draws per month from the statements", async () => {
    const close = await api.request("POST", "/admin/month-close", {
      token: admin,
      body: { month: lastMonth },
    });
    expect(close.status, missingRoute("POST /admin/month-close", close.status)).toBe(202);
    await api.system.drained();
    const statement = await api.request("GET", `/customers/${seeded.customerId}/statements/${lastMonth}`, {
      token: admin,
    });
    expect(statement.status, missingRoute("GET /customers/{id}/statements/{month}", statement.status)).toBe(
      200,
    );

    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors = pageErrors(page);
      await page.goto(`${api.system.url}/#token=${await api.token("customer", seeded.customerId)}`);
      await page.waitForSelector(".contract");
      await settled(page);

      const monthlyBar = page.locator(
        `[data-contract-id="${seeded.monthlyContractId}"] .chart .bar[data-month="${lastMonth}"]`,
      );
      expect(await monthlyBar.getAttribute("data-used")).toBe("300");
      expect(await monthlyBar.getAttribute("data-expired")).toBe("900");
      expect(await monthlyBar.locator("rect.s-expired").count()).toBe(1);

      const pool = `[data-contract-id="${seeded.prepaidContractId}"]`;
      expect(await page.locator(`${pool} [data-panel=history]`).getAttribute("data-state")).toBe("loaded");
      expect(
        await page.locator(`${pool} .chart .bar[data-month="${lastMonth}"]`).getAttribute("data-used"),
      ).toBe("120");
      expect(
        await page.locator(`${pool} .chart .bar[data-month="${thisMonth}"]`).getAttribute("data-used"),
      ).toBe("135");
      expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
      await screenshot(page, "history-after-close");
    } finally {
      await context.close();
    }
  });
});
