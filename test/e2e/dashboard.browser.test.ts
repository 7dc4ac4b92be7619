import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import { type SeededDemo, seedDemo } from "../../infra/local/seed.js";
import { signLocalToken } from "../../infra/local/token.js";
import { launchChromium, pageErrors, screenshot, settled } from "../support/browser.js";
import { customerOverHttp, monthly } from "../support/customers.js";
import { startTestApi, type TestApi } from "../support/local-api.js";

/**
 * The dashboard in Debian's Chromium against the running local system: the seeded demo customer with
 * hours booked through the API, read back from the page as a customer and as staff would see them.
 */
let api: TestApi;
let browser: Browser;
let seeded: SeededDemo;
let technician: string;
let customerToken: string;
const today = dateIn("Europe/Berlin", new Date());
const thisMonth = monthOf(today);
const lastMonth = addMonths(thisMonth, -1);

async function book(contractId: string, body: Record<string, unknown>) {
  const response = await api.request("POST", `/contracts/${contractId}/bookings`, {
    token: technician,
    body: { date: today, category: "service", technician: "Jana Berger", ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Chromium logs every non-2xx fetch; the page is expected to meet some (routes not there yet, a 401). */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !e.includes("Failed to load resource"));
}

async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { page, errors: pageErrors(page) };
}

function card(page: Page, contractId: string) {
  return page.locator(`[data-contract-id="${contractId}"]`);
}

/** A table row's cells, each trimmed. */
async function cells(row: Locator): Promise<string[]> {
  return (await row.locator("td").allTextContents()).map((cell) => cell.trim());
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? "").trim();
}

beforeAll(async () => {
  api = await startTestApi();
  const demo = await seedDemo(api.system.ports);
  if (!demo) throw new Error("seedDemo found a non-empty table");
  seeded = demo;
  technician = await api.token("technician");
  customerToken = await api.token("customer", seeded.customerId);
  await book(seeded.monthlyContractId, { minutes: 90, description: "Patch day" });
  // 1260 minutes last month: the 1200-minute quota, then 60 minutes cascade into the pool.
  await book(seeded.monthlyContractId, {
    date: `${lastMonth}-15`,
    minutes: 1260,
    description: "Server migration",
  });
  // 125 minutes are billed as 135 (15-minute increment).
  await book(seeded.prepaidContractId, { minutes: 125, category: "project", description: "Firewall rules" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe("dashboard in Chromium", { timeout: 60_000 }, () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    ({ page, errors } = await newPage(context));
  });

  afterAll(async () => {
    await context?.close();
  });

  it("signs a customer in with the sign-in field and shows each contract's month and pool as used vs. quota", async () => {
    await page.goto(`${api.system.url}/`);
    await page.waitForSelector("#signin:not([hidden])");
    await screenshot(page, "sign-in");
    await page.fill("#token-input", customerToken);
    await page.click("#token-form button[type=submit]");
    await page.waitForSelector(".contract");
    await settled(page);

    expect(await text(page, "#customer-name")).toBe("Demo Handwerk GmbH");
    expect(await page.locator("#picker").isHidden()).toBe(true);
    const monthly = `[data-contract-id="${seeded.monthlyContractId}"]`;
    expect(await text(page, `${monthly} h2`)).toBe("Monthly quota");
    expect(await text(page, `${monthly} [data-panel=current] [data-field=used]`)).toBe("1:30");
    expect(await text(page, `${monthly} [data-panel=current] .headline`)).toContain("of 20:00 h used");
    expect(await text(page, `${monthly} [data-field=remaining]`)).toBe("18:30 h");
    expect(await text(page, `${monthly} [data-field=forecast]`)).toMatch(/h by month end/);

    const pool = `[data-contract-id="${seeded.prepaidContractId}"]`;
    expect(await text(page, `${pool} h2`)).toBe("Prepaid pool");
    // 600 minutes a month for a year: 7200 minutes; used 60 (cascade) + 135 (direct).
    expect(await text(page, `${pool} [data-panel=current] [data-field=used]`)).toBe("3:15");
    expect(await text(page, `${pool} [data-panel=current] .headline`)).toContain("of 120:00 h used");
    expect(await text(page, `${pool} [data-field=remaining]`)).toBe("116:45 h");
    expect(await text(page, `${pool} [data-field=forecast]`)).toMatch(/h per month/);

    // The chart: last month's bar holds the full quota and the 60 minutes from the pool.
    const lastMonthBar = page.locator(`${monthly} .chart .bar[data-month="${lastMonth}"]`);
    expect(await lastMonthBar.getAttribute("data-used")).toBe("1200");
    expect(await lastMonthBar.getAttribute("data-from-pool")).toBe("60");
    expect(await page.locator(`${monthly} .chart .bar`).count()).toBe(12);

    // Bookings with category and description, hours as h:mm.
    const rows = page.locator(`${monthly} [data-panel=bookings] tbody tr`);
    expect(await rows.count()).toBe(1);
    expect(await cells(rows.first())).toEqual([
      expect.any(String),
      "Service",
      "Patch day",
      "Jana Berger",
      "1:30",
    ]);
    const poolRow = page.locator(`${pool} [data-panel=bookings] tbody tr`).first();
    expect(await cells(poolRow)).toEqual([
      expect.any(String),
      "Project",
      "Firewall rules",
      "Jana Berger",
      "2:15",
    ]);

    // Last month's bookings are a click on its bar away; the cascade is spelled out.
    await lastMonthBar.click();
    await page.waitForSelector(`${monthly} [data-panel=bookings] tr:has-text("Server migration")`);
    expect(await text(page, `${monthly} [data-panel=bookings] tbody tr`)).toContain("1:00 h from the pool");

    expect(unexpected(errors)).toEqual([]);
    await screenshot(page, "customer-dashboard");
  });

  it("shows hours booked through the API after a reload", async () => {
    await book(seeded.monthlyContractId, { minutes: 45, description: "Backup restore test" });
    await page.reload();
    await page.waitForSelector(".contract");
    await settled(page);
    const monthly = `[data-contract-id="${seeded.monthlyContractId}"]`;
    expect(await text(page, `${monthly} [data-panel=current] [data-field=used]`)).toBe("2:15");
    expect(await text(page, `${monthly} [data-field=remaining]`)).toBe("17:45 h");
    const newest = page.locator(`${monthly} [data-panel=bookings] tbody tr`).first();
    expect(await cells(newest)).toEqual([
      expect.any(String),
      "Service",
      "Backup restore test",
      "Jana Berger",
      "0:45",
    ]);
    expect(await card(page, seeded.monthlyContractId).locator(".meter").getAttribute("aria-valuenow")).toBe(
      "135",
    );
    expect(unexpected(errors)).toEqual([]);
    await screenshot(page, "customer-after-booking");
  });

  it("says clearly when a token is malformed, expired or refused by the API, and offers the sign-in again", async () => {
    const cases = [
      { name: "malformed", token: "not-a-token", message: /not a valid sign-in token/ },
      {
        name: "expired",
        token: await signLocalToken(api.system.signingKey, {
          role: "customer",
          customerId: seeded.customerId,
          expiresIn: "-1h",
        }),
        message: /sign-in has expired/,
      },
      {
        // Well-formed and in date, but signed with another key: only the API can tell (401).
        name: "refused",
        token: await signLocalToken(randomBytes(32), { role: "customer", customerId: seeded.customerId }),
        message: /was not accepted/,
      },
    ];
    for (const { name, token, message } of cases) {
      const { page: fresh, errors: freshErrors } = await newPage(context);
      await fresh.goto(`${api.system.url}/#token=${token}`);
      await fresh.waitForSelector("#signin-message:not([hidden])");
      expect(await text(fresh, "#signin-message"), name).toMatch(message);
      expect(await fresh.locator("#token-input").isVisible(), name).toBe(true);
      expect(await fresh.locator("#dashboard").isHidden(), name).toBe(true);
      expect(fresh.url(), name).not.toContain("token=");
      expect(await fresh.evaluate(() => sessionStorage.getItem("koad.token")), name).toBeNull();
      expect(unexpected(freshErrors), name).toEqual([]);
      if (name === "refused") await screenshot(fresh, "token-refused");
      await fresh.close();
    }
  });
});

describe("dashboard for staff, in German", { timeout: 60_000 }, () => {
  it("lets staff signed in by #token= pick any customer, with German labels and hours as h:mm", async () => {
    const admin = await api.token("admin");
    const created = await customerOverHttp(
      api,
      admin,
      monthly({ startMonth: addMonths(thisMonth, -1) }),
      "Zahnarztpraxis Weiß",
    );
    const customer = { body: { id: created.customerId } };
    const contract = { body: { id: created.contractId } };
    await book(contract.body.id, { minutes: 30, description: "Drucker eingerichtet" });

    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await newPage(context);
      await page.goto(`${api.system.url}/#token=${await api.token("technician")}`);
      await page.waitForSelector("#picker:not([hidden])");
      expect(page.url()).not.toContain("token=");
      const names = await page.locator("#customer-picker option").allTextContents();
      expect(names).toEqual(["Demo Handwerk GmbH", "Zahnarztpraxis Weiß"]);
      await page.waitForSelector(`[data-contract-id="${seeded.monthlyContractId}"]`);
      await settled(page);

      await page.selectOption("#customer-picker", customer.body.id);
      const monthly = `[data-contract-id="${contract.body.id}"]`;
      await page.waitForSelector(monthly);
      await settled(page);
      expect(await text(page, `${monthly} h2`)).toBe("Monatskontingent");
      expect(await text(page, `${monthly} [data-panel=current] [data-field=used]`)).toBe("0:30");
      expect(await text(page, `${monthly} [data-panel=current] .headline`)).toContain(
        "von 10:00 h verbraucht",
      );
      expect(await text(page, `${monthly} [data-field=remaining]`)).toBe("9:30 h");
      expect(await cells(page.locator(`${monthly} [data-panel=bookings] tbody tr`).first())).toEqual([
        today.split("-").reverse().join("."),
        "Service",
        "Drucker eingerichtet",
        "Jana Berger",
        "0:30",
      ]);
      expect(await text(page, "#sign-out")).toBe("Abmelden");
      await screenshot(page, "staff-german");

      await page.click("#language");
      await page.waitForSelector(`${monthly} h2:has-text("Monthly quota")`);
      await settled(page);
      expect(await text(page, `${monthly} [data-panel=current] .headline`)).toContain("of 10:00 h used");
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("dashboard panels in the SPEC's shapes", { timeout: 60_000 }, () => {
  // The tickets, alerts and statements routes come with other parts of the system; here the page
  // meets answers of their documented shapes, so its rendering is checked on its own.
  // dashboard-tickets and dashboard-statements check the same against the real routes.
  it("shows open tickets with their SLA countdown, a breach marked, the alerts, and a pool's months from statements", async () => {
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const monthlyId = seeded.monthlyContractId;
    const tickets = [
      {
        id: "tkt_ok",
        contractId: monthlyId,
        priority: "P3",
        subject: "VPN slow",
        status: "open",
        receivedAt: at(-30),
        warnAt: at(300),
        responseDueAt: at(450),
        breached: false,
      },
      {
        id: "tkt_late",
        contractId: monthlyId,
        priority: "P1",
        subject: "Mail server down",
        status: "open",
        receivedAt: at(-200),
        warnAt: at(-140),
        responseDueAt: at(-125),
        breached: true,
      },
      {
        id: "tkt_warn",
        contractId: monthlyId,
        priority: "P2",
        subject: "Printer offline",
        status: "open",
        receivedAt: at(-200),
        warnAt: at(-10),
        responseDueAt: at(40),
        breached: false,
      },
      {
        id: "tkt_done",
        contractId: monthlyId,
        priority: "P2",
        subject: "Answered already",
        status: "responded",
        receivedAt: at(-300),
        warnAt: at(-200),
        responseDueAt: at(-100),
        respondedAt: at(-150),
        slaMet: true,
        breached: false,
      },
    ];
    const alerts = [
      {
        id: "alr_1",
        type: "quota.threshold",
        customerId: seeded.customerId,
        contractId: monthlyId,
        month: lastMonth,
        at: at(-5000),
        details: { percent: 80, usedMinutes: 960, limitMinutes: 1200 },
      },
      {
        id: "alr_2",
        type: "sla.breached",
        customerId: seeded.customerId,
        contractId: monthlyId,
        ticketId: "tkt_late",
        at: at(-125),
        details: { priority: "P1" },
      },
    ];
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    try {
      await context.route(/\/contracts\/[^/]+\/tickets(\?.*)?$/, (route) =>
        route.fulfill({
          json: { items: route.request().url().includes(monthlyId) ? tickets : [] },
        }),
      );
      await context.route(/\/alerts\?/, (route) => route.fulfill({ json: { items: alerts } }));
      await context.route(/\/customers\/[^/]+\/statements\/\d{4}-\d{2}$/, (route) => {
        const month = route.request().url().slice(-7);
        const used = month === lastMonth ? 180 : month === thisMonth ? 195 : 0;
        route.fulfill({
          json: {
            customerId: seeded.customerId,
            month,
            status: month === thisMonth ? "open" : "closed",
            contracts: [
              {
                contractId: seeded.prepaidContractId,
                kind: "prepaid",
                quotaMinutes: 7200,
                usedMinutes: used,
                usedByCategory: {},
                overageMinutes: 0,
                overageCents: 0,
                expiredMinutes: 0,
                remainingMinutes: 7200 - used,
                feeCents: 0,
                bookings: [],
              },
            ],
          },
        });
      });
      const { page, errors } = await newPage(context);
      await page.goto(`${api.system.url}/#token=${customerToken}`);
      await page.waitForSelector(".contract");
      await settled(page);

      const monthly = `[data-contract-id="${monthlyId}"]`;
      expect(await page.locator(`${monthly} .ticket .subject`).allTextContents()).toEqual([
        "Mail server down",
        "Printer offline",
        "VPN slow",
      ]);
      const sla = (id: string) => page.locator(`${monthly} [data-ticket-id="${id}"]`);
      expect(await sla("tkt_late").getAttribute("data-sla")).toBe("breached");
      expect(await sla("tkt_late").locator(".countdown").textContent()).toMatch(
        /^SLA breached 2:0[56] h ago$/,
      );
      expect(await sla("tkt_warn").getAttribute("data-sla")).toBe("warning");
      expect(await sla("tkt_warn").locator(".countdown").textContent()).toMatch(
        /^response due in 0:(39|40) h/,
      );
      expect(await sla("tkt_ok").getAttribute("data-sla")).toBe("ok");
      expect(await sla("tkt_ok").locator(".countdown").textContent()).toMatch(
        /^response due in 7:(29|30) h$/,
      );

      const alertTypes = await page
        .locator("#alerts [data-alert-type]")
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-alert-type")));
      expect(alertTypes).toEqual(["sla.breached", "quota.threshold"]);
      expect(await page.locator('#alerts [data-alert-type="quota.threshold"]').textContent()).toContain(
        "80 % · Used 16:00 h · Quota 20:00 h",
      );

      const pool = `[data-contract-id="${seeded.prepaidContractId}"]`;
      expect(
        await page.locator(`${pool} .chart .bar[data-month="${lastMonth}"]`).getAttribute("data-used"),
      ).toBe("180");
      expect(
        await page.locator(`${pool} .chart .bar[data-month="${thisMonth}"]`).getAttribute("data-used"),
      ).toBe("195");
      expect(unexpected(errors)).toEqual([]);
      await screenshot(page, "panels-tickets-alerts-pool");
    } finally {
      await context.close();
    }
  });
});

describe("dashboard files", () => {
  it("serves the page at / with a CSP that allows only its own origin", async () => {
    const page = await fetch(`${api.system.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(await page.text()).toContain('<script type="module" src="app.js"></script>');

    const script = await fetch(`${api.system.url}/app.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const config = await fetch(`${api.system.url}/config.json`);
    expect(await config.json()).toEqual({ apiBaseUrl: "" });
  });

  it("serves nothing but the page's files, and only for GET and HEAD", async () => {
    for (const path of [
      "/package.json",
      "/..%2fpackage.json",
      "/%2e%2e/package.json",
      "/format.js",
      "/dashboard/app.js",
    ]) {
      const response = await fetch(`${api.system.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual({ error: { code: "not_found", message: "Not found" } });
    }
    expect((await fetch(`${api.system.url}/`, { method: "POST" })).status).toBe(404);
    const head = await fetch(`${api.system.url}/styles.css`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });
});
