import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeMail, type MailSettings } from "../../adapters/mail/compose.js";
import { messageIdOf, type NodemailerMailer, smtpMailer } from "../../adapters/mail/nodemailer-mailer.js";
import { verifyUnsubscribeToken } from "../../adapters/mail/unsubscribe-token.js";
import { deliveryId, type Recipient, recipientsOf } from "../../domain/notifications.js";
import { type RunningSmtp, startSmtpLocal } from "../../infra/local/smtp-local.js";
import { anAlert, anAudience } from "../support/notification-fixtures.js";

/**
 * End to end over the real protocol: KoAd's mails go through nodemailer's SMTP transport to the local
 * SMTP server (loopback), which stores them as .eml and parses them with mailparser.
 */
const SETTINGS: MailSettings = {
  fromAddress: "notifications@koad.example",
  replyTo: "support@beispiel-it.example",
  unsubscribeBaseUrl: "https://api.koad.example",
  unsubscribeSecret: "smtp-test-secret-of-enough-length",
};
const PROVIDER = { name: "Beispiel IT & Service GmbH" };
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048, 7), Buffer.from("\n%%EOF\n")]);
const XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>\n',
);

let smtp: RunningSmtp;
let mailer: NodemailerMailer;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "koad-mail-"));
  smtp = await startSmtpLocal({ folder });
  mailer = smtpMailer(smtp.url);
});

afterAll(async () => {
  mailer?.close();
  await smtp?.stop();
  await rm(folder, { recursive: true, force: true });
});

function recipientFor(email: string, type: Parameters<typeof anAlert>[0]): Recipient {
  const recipient = recipientsOf(anAlert(type), anAudience()).find((r) => r.email === email);
  if (!recipient) throw new Error(`${email} gets no ${type}`);
  return recipient;
}

async function sendAndReceive(mail: Parameters<NodemailerMailer["send"]>[0]): Promise<ParsedMail> {
  const before = smtp.received().length;
  await mailer.send(mail);
  const all = await smtp.waitFor(before + 1);
  return all[before]!;
}

function headerLine(mail: ParsedMail, key: string): string | undefined {
  return mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, " ");
}

describe("mail over SMTP to the local server", () => {
  it("delivers a German notice from the provider's name, as text and HTML, with a one-click unsubscribe", async () => {
    // Prepare
    const alert = anAlert("quota.expiring");
    const recipient = recipientFor("nora@customer.example", "quota.expiring");
    const mail = composeMail(
      {
        alert,
        recipient,
        deliveryId: deliveryId(alert.id, recipient.email),
        provider: PROVIDER,
        customerName: "Muster GmbH",
        contractName: "Managed Linux servers",
        timeZone: "Europe/Berlin",
      },
      SETTINGS,
    );

    // Act
    const received = await sendAndReceive(mail);

    // Assess
    expect(received.from?.value).toEqual([
      { name: "Beispiel IT & Service GmbH", address: "notifications@koad.example" },
    ]);
    expect(received.to && !Array.isArray(received.to) ? received.to.value[0]?.address : undefined).toBe(
      "nora@customer.example",
    );
    expect(received.subject).toBe(
      "Noch 75:00 h offen: Managed Linux servers – sonst verfällt die Zeit mit Ablauf des 31. Dezember 2026",
    );
    expect(headerLine(received, "content-language")).toBe("Content-Language: de");
    expect(received.text).toContain("Guten Tag Nora Notices,");
    expect(received.text).toContain("Patch the old mail server (4:00 h)");
    expect(received.html).toContain("<li>Patch the old mail server (4:00 h)</li>");
    expect(headerLine(received, "content-type")).toMatch(/multipart\/alternative/);
    expect(received.messageId).toBe(messageIdOf(deliveryId(alert.id, recipient.email), SETTINGS.fromAddress));

    const unsubscribe = headerLine(received, "list-unsubscribe");
    const link = /^List-Unsubscribe: <(https:\/\/api\.koad\.example\/unsubscribe\?token=[^>]+)>$/.exec(
      unsubscribe ?? "",
    );
    expect(link).not.toBeNull();
    expect(headerLine(received, "list-unsubscribe-post")).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    const token = new URL(link![1]!).searchParams.get("token")!;
    expect(verifyUnsubscribeToken(SETTINGS.unsubscribeSecret, token)).toEqual({
      customerId: "cus_1",
      email: "nora@customer.example",
      topic: "notices",
    });
  });

  it("delivers an English mail to a contact who chose English", async () => {
    // Prepare
    const alert = anAlert("sla.breached");
    const recipient = recipientFor("sam@customer.example", "sla.breached");
    const mail = composeMail(
      {
        alert,
        recipient,
        deliveryId: deliveryId(alert.id, recipient.email),
        provider: PROVIDER,
        customerName: "Muster GmbH",
        ticketSubject: "Mail server down",
        timeZone: "Europe/Berlin",
      },
      SETTINGS,
    );

    // Act
    const received = await sendAndReceive(mail);

    // Assess
    expect(headerLine(received, "content-language")).toBe("Content-Language: en");
    expect(received.subject).toBe("SLA breached P2: resolution time for “Mail server down” exceeded");
    expect(received.text).toMatch(/^Hello Sam Sla,/);
    expect(received.html).toContain('<html lang="en">');
    expect(headerLine(received, "list-unsubscribe")).toBeDefined();
  });

  it("delivers an invoice with its PDF and XML attached and no List-Unsubscribe", async () => {
    // Prepare
    const alert = anAlert("invoice.issued");
    const recipient = recipientFor("billing@customer.example", "invoice.issued");
    const mail = composeMail(
      {
        alert,
        recipient,
        deliveryId: deliveryId(alert.id, recipient.email),
        provider: PROVIDER,
        customerName: "Muster GmbH",
        timeZone: "Europe/Berlin",
        invoice: { pdf: PDF, xml: XML },
      },
      SETTINGS,
    );

    // Act
    const received = await sendAndReceive(mail);

    // Assess
    expect(received.subject).toBe("Rechnung RE-2026-00042 von Beispiel IT & Service GmbH");
    expect(received.from?.value[0]?.name).toBe("Beispiel IT & Service GmbH");
    expect(headerLine(received, "list-unsubscribe")).toBeUndefined();
    expect(headerLine(received, "list-unsubscribe-post")).toBeUndefined();
    // Intl keeps amount and currency together with a no-break space.
    expect(received.text).toContain("1.428,00\u00a0€");
    expect(received.html).toContain("1.428,00\u00a0€");
    expect(received.text).toMatch(/^Guten Tag,/);
    expect(
      received.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
      })),
    ).toEqual([
      { filename: "RE-2026-00042.pdf", contentType: "application/pdf", size: PDF.length },
      { filename: "RE-2026-00042.xml", contentType: "application/xml", size: XML.length },
    ]);
    expect(Buffer.compare(received.attachments[0]!.content, PDF)).toBe(0);
    expect(received.attachments[1]!.content.toString("utf8")).toBe(XML.toString("utf8"));
  });

  it("keeps every received mail as an .eml file in its folder", async () => {
    // Act
    const files = (await readdir(smtp.folder)).filter((f) => f.endsWith(".eml")).sort();

    // Assess
    expect(files.length).toBe(smtp.received().length);
    const contents = await Promise.all(files.map((f) => readFile(join(smtp.folder, f), "utf8")));
    expect(contents.some((c) => /^Subject: Rechnung RE-2026-00042/m.test(c))).toBe(true);
  });
});
