import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MailFacts, mailComposer } from "../../adapters/mail/compose.js";
import { InMemoryDeliveryLog } from "../../adapters/memory/delivery-log.js";
import { notifyAlert } from "../../domain/notifications.js";
import { FixedClock } from "../../domain/ports.js";
import { slaCalendar } from "../../domain/sla-calendar.js";
import { startLocalMail } from "../../infra/local/mail-local.js";
import { startSmtpLocal } from "../../infra/local/smtp-local.js";
import { anAlert, anAudience } from "../support/notification-fixtures.js";

const SETTINGS = {
  fromAddress: "notifications@koad.example",
  unsubscribeBaseUrl: "http://127.0.0.1:3000",
  unsubscribeSecret: "local-mail-test-secret-0001",
};
const FACTS: MailFacts = {
  provider: { name: "Beispiel IT GmbH" },
  customerName: "Muster GmbH",
  contractName: "Managed Linux servers",
  timeZone: "Europe/Berlin",
};

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "koad-local-mail-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("startLocalMail", () => {
  it("starts its own SMTP server, keeps mails under <dataDir>/mail and sets SMTP_URL", async () => {
    // Prepare
    const env: Record<string, string | undefined> = {};
    const mail = await startLocalMail({ dataDir, env });
    try {
      // Act
      await mail.mailer.send({
        from: { name: "Beispiel IT GmbH", address: "notifications@koad.example" },
        to: { name: "Nora", address: "nora@customer.example" },
        subject: "Hallo",
        text: "Hallo",
        html: "<p>Hallo</p>",
        headers: {},
        attachments: [],
      });
      await mail.server!.waitFor(1);

      // Assess
      expect(env.SMTP_URL).toBe(mail.smtpUrl);
      expect(mail.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      expect(mail.folder).toBe(join(dataDir, "mail"));
      expect((await readdir(join(dataDir, "mail"))).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
      expect(mail.describe()).toContain(join(dataDir, "mail"));
    } finally {
      await mail.stop();
    }
  });

  it("sends to the server SMTP_URL names instead of starting its own", async () => {
    // Prepare
    const other = await startSmtpLocal({ folder: join(dataDir, "other") });
    const mail = await startLocalMail({ dataDir, env: { SMTP_URL: other.url } });
    try {
      // Act
      await mail.mailer.send({
        from: { name: "Beispiel IT GmbH", address: "notifications@koad.example" },
        to: { name: "Sam", address: "sam@customer.example" },
        subject: "Hello",
        text: "Hello",
        html: "<p>Hello</p>",
        headers: {},
        attachments: [],
      });

      // Assess
      expect(mail.server).toBeNull();
      expect((await other.waitFor(1))[0]?.subject).toBe("Hello");
    } finally {
      await mail.stop();
      await other.stop();
    }
  });
});

describe("the notifier over the local SMTP server", () => {
  it("mails an alert to its recipients once, however often the alert is handled", async () => {
    // Prepare
    const mail = await startLocalMail({ dataDir, env: {} });
    const deps = {
      mailer: mail.mailer,
      deliveries: new InMemoryDeliveryLog(),
      compose: mailComposer(SETTINGS, async () => FACTS),
      clock: new FixedClock(new Date("2026-12-04T10:00:00Z")),
    };
    const input = {
      alert: anAlert("sla.breached"),
      audience: anAudience(),
      calendar: slaCalendar({ window: "5x8", timezone: "Europe/Berlin", holidays: "DE" }),
    };
    try {
      // Act
      await notifyAlert(deps, input);
      await notifyAlert(deps, input);
      const received = await mail.server!.waitFor(2);

      // Assess
      expect(received.map((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address).sort()).toEqual([
        "dana@provider.example",
        "sam@customer.example",
      ]);
      const recorded = await deps.deliveries.listForAlert(input.alert.id);
      expect(recorded.map((r) => [r.email, r.status, r.sentAt])).toEqual([
        ["dana@provider.example", "sent", "2026-12-04T10:00:00.000Z"],
        ["sam@customer.example", "sent", "2026-12-04T10:00:00.000Z"],
      ]);
    } finally {
      await mail.stop();
    }
    expect(mail.server!.received()).toHaveLength(2);
  });
});
