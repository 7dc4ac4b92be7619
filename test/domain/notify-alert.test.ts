import { describe, expect, it } from "vitest";
import { InMemoryDeliveryLog } from "../../adapters/memory/delivery-log.js";
import {
  DELIVERY_RETRY_MILLIS,
  type MailComposer,
  type Mailer,
  type NotifiableAlert,
  type NotifyDeps,
  notifyAlert,
  type OutgoingMail,
} from "../../domain/notifications.js";
import { FixedClock } from "../../domain/ports.js";
import { slaCalendar } from "../../domain/sla-calendar.js";
import { anAlert, anAudience } from "../support/notification-fixtures.js";

/** A mailer that keeps what it is given, and fails the next `failNext` sends. */
class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  failNext = 0;
  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    // A real engine answers after a while: give concurrent attempts the chance to interleave.
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error("421 try again later");
    }
    this.sent.push(mail);
    return { messageId: `<m${this.sent.length}@test>` };
  }
}

const compose: MailComposer = async (alert, delivery) => ({
  from: { name: "Beispiel IT GmbH", address: "notifications@koad.example" },
  to: { name: delivery.recipient.name, address: delivery.recipient.email },
  subject: `${alert.type} for ${delivery.recipient.email}`,
  text: "text",
  html: "<p>html</p>",
  headers: {},
  attachments: [],
});

const calendar = slaCalendar({ window: "5x8", timezone: "Europe/Berlin", holidays: "DE" });

function world(at: string): {
  deps: NotifyDeps;
  mailer: RecordingMailer;
  log: InMemoryDeliveryLog;
  clock: FixedClock;
} {
  const mailer = new RecordingMailer();
  const log = new InMemoryDeliveryLog();
  const clock = new FixedClock(new Date(at));
  return { deps: { mailer, deliveries: log, compose, clock }, mailer, log, clock };
}

function notify(deps: NotifyDeps, alert: NotifiableAlert) {
  return notifyAlert(deps, { alert, audience: anAudience(), calendar });
}

describe("notifyAlert", () => {
  it("mails each recipient once, and nothing on a second run for the same alert", async () => {
    // Prepare
    const { deps, mailer } = world("2026-12-04T10:00:00Z"); // Friday 11:00, window open
    const alert = anAlert("sla.warning");

    // Act
    const first = await notify(deps, alert);
    const second = await notify(deps, alert);

    // Assess
    expect(mailer.sent.map((m) => m.to.address).sort()).toEqual([
      "dana@provider.example",
      "sam@customer.example",
    ]);
    expect(first.sent).toHaveLength(2);
    expect(first.retryAt).toBeNull();
    expect(second.sent).toEqual([]);
    expect(second.skipped).toHaveLength(2);
  });

  it("sends each delivery once when the same alert is handled twice at the same time", async () => {
    const { deps, mailer } = world("2026-12-04T10:00:00Z");
    const alert = anAlert("invoice.issued");
    await Promise.all([notify(deps, alert), notify(deps, alert), notify(deps, alert)]);
    expect(mailer.sent.map((m) => m.to.address).sort()).toEqual([
      "billing@customer.example",
      "ines@customer.example",
    ]);
  });

  it("holds a P2 warning of Friday night and sends it when handled again on Monday at 08:00", async () => {
    // Prepare
    const { deps, mailer, clock } = world("2026-12-04T21:00:00Z"); // Friday 22:00 CET
    const alert = anAlert("sla.warning");

    // Act
    const friday = await notify(deps, alert);
    clock.set(friday.retryAt!);
    const monday = await notify(deps, alert);

    // Assess
    expect(friday.sent).toEqual([]);
    expect(friday.held.map((h) => h.sendAt.toISOString())).toEqual([
      "2026-12-07T07:00:00.000Z",
      "2026-12-07T07:00:00.000Z",
    ]);
    expect(friday.retryAt?.toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(monday.sent).toHaveLength(2);
    expect(mailer.sent).toHaveLength(2);
  });

  it("sends a P1 warning at once on a Sunday night", async () => {
    const { deps, mailer } = world("2026-12-06T02:00:00Z");
    const alert = anAlert("sla.warning", { details: { priority: "P1", target: "response" } });
    const outcome = await notify(deps, alert);
    expect(outcome.held).toEqual([]);
    expect(mailer.sent).toHaveLength(2);
  });

  it("tries a failed delivery again a minute later and records the result per recipient", async () => {
    // Prepare
    const { deps, mailer, log, clock } = world("2026-12-04T10:00:00Z");
    mailer.failNext = 1;
    const alert = anAlert("quota.threshold");

    // Act
    const first = await notify(deps, alert);
    clock.set(first.retryAt!);
    const second = await notify(deps, alert);

    // Assess
    expect(first.failed).toEqual([
      { id: "dlv#alr_quota_threshold#quinn@customer.example", error: "421 try again later" },
    ]);
    expect(first.retryAt?.getTime()).toBe(Date.parse("2026-12-04T10:00:00Z") + DELIVERY_RETRY_MILLIS);
    expect(second.sent).toHaveLength(1);
    expect(await log.listForAlert(alert.id)).toEqual([
      {
        id: "dlv#alr_quota_threshold#quinn@customer.example",
        alertId: alert.id,
        email: "quinn@customer.example",
        role: "contact",
        topic: "quota",
        status: "sent",
        attempts: 2,
        attemptedAt: "2026-12-04T10:01:00.000Z",
        sentAt: "2026-12-04T10:01:00.000Z",
        messageId: "<m1@test>",
        error: null,
      },
    ]);
  });

  it("hands the mailer the delivery id, from which the transport fixes the Message-ID", async () => {
    const { deps, mailer } = world("2026-12-04T10:00:00Z");
    await notify(deps, anAlert("booking.rejected"));
    expect(mailer.sent.map((m) => m.deliveryId)).toEqual(["dlv#alr_booking_rejected#dana@provider.example"]);
  });
});
