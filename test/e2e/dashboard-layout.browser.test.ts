import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import { type SeededDemo, seedDemo, seedSampleWork } from "../../infra/local/seed.js";
import { launchChromium, pageErrors, screenshot, settled } from "../support/browser.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

/**
 * The dashboard's layout from a phone (360 px) to a wide screen (1440 px), for a customer and for
 * staff, with every panel filled by the real routes: bookings, an open and a breached ticket, and the
 * alerts a month close, a threshold and the SLA watch raise. Screenshots at 390 px and 1440 px go to
 * test-results/screenshots/ for review.
 */
let api: TestApi;
let browser: Browser;
let seeded: SeededDemo;
let admin: string;
const today = dateIn("Europe/Berlin", new Date());
const thisMonth = monthOf(today);
const lastMonth = addMonths(thisMonth, -1);

beforeAll(async () => {
  api = await startTestApi();
  const deps = api.system.ports;
  const demo = await seedDemo(deps);
  if (!demo) throw new Error("seedDemo found a non-empty table");
  seeded = demo;
  await seedSampleWork(deps, demo);
  admin = await api.token("admin");
  // 50 + 1000 of 1200 minutes this month: past 80 %, a quota.threshold alert.
  const booking = await api.request("POST", `/contracts/${seeded.monthlyContractId}/bookings`, {
    token: admin,
    body: {
      date: today,
      minutes: 1000,
      category: "service",
      technician: "Jana Berger",
      description: "Rollout of the new laptops to the whole accounts department, including data migration",
    },
  });
  expect(booking.status, JSON.stringify(booking.body)).toBe(201);
  // A P1 ticket two weeks old (received before the close below: a closed month takes no ticket): breached at the sweep (an sla.breached alert with its deadlines).
  const receivedAt = new Date(Date.now() - 14 * 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const ticket = await api.request("POST", "/tickets", {
    token: admin,
    body: { contractId: seeded.monthlyContractId, priority: "P1", subject: "Mail server down", receivedAt },
  });
  expect(ticket.status).toBe(201);
  // Last month's unused quota expires at the close: a quota.expired alert (its details name the kind).
  const close = await api.request("POST", "/admin/month-close", { token: admin, body: { month: lastMonth } });
  expect(close.status).toBe(202);
  expect((await api.request("POST", "/admin/sla-sweep", { token: admin })).status).toBe(202);
  await api.system.drained();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/** How far the page reaches past the viewport's width: 0 means no sideways scrolling. */
async function overflow(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
}

async function alertTexts(page: Page): Promise<string[]> {
  return (await page.locator("#alerts [data-alert-type]").allTextContents()).map((text) => text.trim());
}

describe("dashboard layout in Chromium", { timeout: 90_000 }, () => {
  // German for staff: its longer words must fit too.
  for (const [role, locale] of [
    ["customer", "en-GB"],
    ["technician", "de-DE"],
  ] as const) {
    it(`fits a ${role}'s dashboard (${locale}) from 360 px to 1440 px without sideways scrolling`, async () => {
      const token =
        role === "customer" ? await api.token("customer", seeded.customerId) : await api.token("technician");
      const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const errors = pageErrors(page);
        await page.goto(`${api.system.url}/#token=${token}`);
        await page.waitForSelector(`[data-contract-id="${seeded.monthlyContractId}"] .ticket`);
        await settled(page);
        expect(await page.locator("#alerts [data-alert-type]").count()).toBeGreaterThanOrEqual(3);

        for (const width of [360, 390]) {
          await page.setViewportSize({ width, height: 844 });
          expect(await overflow(page), `${role} at ${width} px`).toEqual({
            scrollWidth: width,
            viewport: width,
          });
          if (width === 390) await screenshot(page, `layout-${role}-390`);
        }
        await page.setViewportSize({ width: 1440, height: 900 });
        expect((await overflow(page)).scrollWidth).toBe(1440);
        await screenshot(page, `layout-${role}-1440`);

        // Alerts in words: no raw detail keys or codes such as "kind: monthly".
        for (const text of await alertTexts(page)) {
          expect(text).not.toMatch(/\b[a-z][A-Za-z]*: /);
          expect(text).not.toMatch(/\bmonthly\b|\bprepaid\b|responseDueAt|warnAt/);
        }
        // In the same order whatever order the stored details come back in.
        const threshold = page.locator('#alerts [data-alert-type="quota.threshold"]').first();
        expect(await threshold.textContent()).toMatch(
          locale === "en-GB"
            ? /80 % · Used 17:45 h · Quota 20:00 h/
            : /80 % · Verbraucht 17:45 h · Kontingent 20:00 h/,
        );
        expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("fits the sign-in from 360 px", async () => {
    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(`${api.system.url}/`);
      await page.waitForSelector("#signin:not([hidden])");
      expect(await overflow(page)).toEqual({ scrollWidth: 360, viewport: 360 });
      await screenshot(page, "layout-sign-in-360");
    } finally {
      await context.close();
    }
  });
});
