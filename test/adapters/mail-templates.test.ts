import { describe, expect, it } from "vitest";
import { composeMail, type MailSettings } from "../../adapters/mail/compose.js";
import { escapeHtml, formatInstant, hoursMinutes } from "../../adapters/mail/format.js";
import { type MailContext, renderMail } from "../../adapters/mail/templates.js";
import { verifyUnsubscribeToken } from "../../adapters/mail/unsubscribe-token.js";
import { LANGUAGES, NOTIFIABLE_ALERT_TYPES, type Recipient } from "../../domain/notifications.js";
import { anAlert } from "../support/notification-fixtures.js";

const HOSTILE = `<script>alert("x")</script> & 'Co'`;

function context(overrides: Partial<MailContext> & Pick<MailContext, "alert">): MailContext {
  return {
    recipient: { name: "Nora <Notices>", language: "de" },
    provider: { name: "Beispiel IT & Service GmbH" },
    customerName: HOSTILE,
    contractName: "Managed <Linux> servers",
    ticketSubject: 'Mail server "down"',
    timeZone: "Europe/Berlin",
    appUrl: "https://app.koad.example/alerts/alr_1?x=1&y=2",
    unsubscribeUrl: "https://api.koad.example/unsubscribe?token=a.b&z=1",
    topic: "notices",
    ...overrides,
  };
}

const SETTINGS: MailSettings = {
  fromAddress: "notifications@koad.example",
  replyTo: "support@beispiel-it.example",
  unsubscribeBaseUrl: "https://api.koad.example",
  unsubscribeSecret: "a-test-secret-of-enough-length",
};

describe("hoursMinutes", () => {
  it("writes minutes as h:mm", () => {
    expect(hoursMinutes(0)).toBe("0:00");
    expect(hoursMinutes(5)).toBe("0:05");
    expect(hoursMinutes(90)).toBe("1:30");
    expect(hoursMinutes(4830)).toBe("80:30");
    expect(hoursMinutes(1_000_000)).toBe("16666:40");
  });
});

describe("formatInstant", () => {
  it("shows an instant as the contract's wall clock reads it", () => {
    expect(formatInstant("2026-12-07T07:00:00Z", "de", "Europe/Berlin")).toContain("08:00");
    expect(formatInstant("2026-07-06T06:00:00Z", "en", "Europe/Berlin")).toContain("08:00");
  });
});

describe("renderMail", () => {
  for (const type of NOTIFIABLE_ALERT_TYPES) {
    for (const language of LANGUAGES) {
      it(`renders ${type} in ${language}: subject, text and HTML, nothing undefined, every value escaped`, () => {
        // Prepare
        const ctx = context({ alert: anAlert(type), recipient: { name: "Nora <Notices>", language } });

        // Act
        const mail = renderMail(ctx);

        // Assess
        expect(mail.subject.trim()).not.toBe("");
        expect(mail.text.trim()).not.toBe("");
        expect(mail.html.trim()).not.toBe("");
        for (const part of [mail.subject, mail.text, mail.html]) {
          expect(part).not.toMatch(/undefined|\[object|NaN|null/);
        }
        expect(mail.html).toContain(`<html lang="${language}">`);
        expect(mail.html).not.toContain("<script>");
        expect(mail.html).not.toContain("<Linux>");
        expect(mail.html).not.toContain("<Notices>");
        expect(mail.html).toContain(escapeHtml(HOSTILE));
        expect(mail.html).toContain("Beispiel IT &amp; Service GmbH");
        expect(mail.html).toContain('href="https://app.koad.example/alerts/alr_1?x=1&amp;y=2"');
        expect(mail.text).toContain(HOSTILE);
        expect(mail.text).toContain("Beispiel IT & Service GmbH");
      });
    }
  }

  it("greets and writes in the recipient's language", () => {
    const de = renderMail(
      context({ alert: anAlert("quota.threshold"), recipient: { name: "Nora", language: "de" } }),
    );
    const en = renderMail(
      context({ alert: anAlert("quota.threshold"), recipient: { name: "Nora", language: "en" } }),
    );
    expect(de.text).toMatch(/^Guten Tag Nora,/);
    expect(de.subject).toBe("80 % des Kontingents verbraucht: Managed <Linux> servers (Dezember 2026)");
    expect(en.text).toMatch(/^Hello Nora,/);
    expect(en.subject).toBe("80% of the quota used: Managed <Linux> servers (December 2026)");
  });

  it("writes hours as h:mm for the threshold's used and limit minutes", () => {
    const mail = renderMail(context({ alert: anAlert("quota.threshold") }));
    expect(mail.text).toContain("80:30 h");
    expect(mail.text).toContain("100:00 h");
    expect(mail.html).toContain("80:30 h");
  });

  it("names the target of an SLA alert: response or resolution", () => {
    const resolution = renderMail(context({ alert: anAlert("sla.breached") }));
    const response = renderMail(
      context({ alert: anAlert("sla.breached", { details: { priority: "P3", target: "response" } }) }),
    );
    expect(resolution.subject).toContain("Lösungszeit");
    expect(response.subject).toContain("Reaktionszeit");
    expect(response.subject).toContain("P3");
  });

  it("lists the suggestions of quota.expiring and pool.expiring with their estimates", () => {
    const month = renderMail(
      context({ alert: anAlert("quota.expiring"), recipient: { name: "", language: "en" } }),
    );
    const pool = renderMail(context({ alert: anAlert("pool.expiring") }));
    expect(month.text).toContain("  - Patch the old mail server (4:00 h)");
    expect(month.text).toContain("  - Document the backup restore (1:30 h)");
    expect(month.html).toContain("<li>Patch the old mail server (4:00 h)</li>");
    expect(pool.text).toContain("Migrate the file share (8:00 h)");
  });

  it("leaves the suggestions out when there are none", () => {
    const mail = renderMail(
      context({ alert: anAlert("pool.expiring", { details: { remainingMinutes: 60 } }) }),
    );
    expect(mail.html).not.toContain("<ul>");
  });

  it("renders an alert whose details are missing without printing blanks", () => {
    for (const type of NOTIFIABLE_ALERT_TYPES) {
      const mail = renderMail(context({ alert: anAlert(type, { details: {} }) }));
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/undefined|\[object|NaN|null/);
    }
  });

  it("calls a credit note a credit note", () => {
    const alert = anAlert("invoice.issued", {
      details: {
        number: "RE-2026-00043",
        kind: "credit_note",
        invoiceNumber: "RE-2026-00042",
        grossCents: -5000,
      },
    });
    expect(renderMail(context({ alert })).subject).toBe(
      "Gutschrift RE-2026-00043 von Beispiel IT & Service GmbH",
    );
  });
});

describe("composeMail", () => {
  const contact: Recipient = {
    email: "nora@customer.example",
    name: "Nora",
    language: "de",
    topic: "notices",
    role: "contact",
  };
  const base = {
    deliveryId: "dlv#alr_1#nora@customer.example",
    provider: { name: "Beispiel IT & Service GmbH" },
    customerName: "Muster GmbH",
    timeZone: "Europe/Berlin",
  };

  it("sends a notice from the provider's name with a one-click unsubscribe for its topic (RFC 8058)", () => {
    // Act
    const mail = composeMail({ ...base, alert: anAlert("quota.expiring"), recipient: contact }, SETTINGS);

    // Assess
    expect(mail.from).toEqual({ name: "Beispiel IT & Service GmbH", address: "notifications@koad.example" });
    expect(mail.to).toEqual({ name: "Nora", address: "nora@customer.example" });
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = /^<(https:\/\/api\.koad\.example\/unsubscribe\?token=[^>]+)>$/.exec(
      mail.headers["List-Unsubscribe"] ?? "",
    );
    expect(link).not.toBeNull();
    const token = new URL(link![1]!).searchParams.get("token")!;
    expect(verifyUnsubscribeToken(SETTINGS.unsubscribeSecret, token)).toEqual({
      customerId: "cus_1",
      email: "nora@customer.example",
      topic: "notices",
    });
    expect(mail.text).toContain(link![1]!);
    expect(mail.attachments).toEqual([]);
  });

  it("offers no unsubscribe to dedicated persons", () => {
    const mail = composeMail(
      { ...base, alert: anAlert("sla.warning"), recipient: { ...contact, role: "dedicated", topic: "sla" } },
      SETTINGS,
    );
    expect(mail.headers["List-Unsubscribe"]).toBeUndefined();
    expect(mail.text).not.toContain("unsubscribe");
  });

  it("attaches an invoice's PDF and XML and offers no unsubscribe", () => {
    // Prepare
    const pdf = Buffer.from("%PDF-1.7 test");
    const xml = Buffer.from("<?xml version='1.0'?><rsm:CrossIndustryInvoice/>");

    // Act
    const mail = composeMail(
      {
        ...base,
        alert: anAlert("invoice.issued"),
        recipient: { ...contact, role: "billing", topic: "invoices" },
        invoice: { pdf, xml },
      },
      SETTINGS,
    );

    // Assess
    expect(mail.headers["List-Unsubscribe"]).toBeUndefined();
    expect(mail.headers["List-Unsubscribe-Post"]).toBeUndefined();
    expect(mail.attachments).toEqual([
      { filename: "RE-2026-00042.pdf", contentType: "application/pdf", content: pdf },
      { filename: "RE-2026-00042.xml", contentType: "application/xml", content: xml },
    ]);
  });

  it("refuses an invoice mail without its documents", () => {
    expect(() =>
      composeMail(
        {
          ...base,
          alert: anAlert("invoice.issued"),
          recipient: { ...contact, role: "billing", topic: "invoices" },
        },
        SETTINGS,
      ),
    ).toThrow(/no documents/);
  });
});
