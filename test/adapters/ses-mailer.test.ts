import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { mailerFromEnv, NodemailerMailer, sesMailer } from "../../adapters/mail/nodemailer-mailer.js";
import type { OutgoingMail } from "../../domain/notifications.js";

const ses = mockClient(SESv2Client);

function aMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: { name: "Beispiel IT GmbH", address: "notifications@koad.example" },
    to: { name: "Nora", address: "nora@customer.example" },
    subject: "Noch 75:00 h offen",
    text: "Guten Tag Nora,\n\nnoch 75:00 h offen.\n",
    html: "<p>Guten Tag Nora,</p><p>noch 75:00 h offen.</p>",
    headers: {
      "List-Unsubscribe": "<https://api.koad.example/unsubscribe?token=abc.def>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    attachments: [],
    deliveryId: "dlv#alr_1#nora@customer.example",
    ...overrides,
  };
}

describe("sesMailer", () => {
  afterEach(() => ses.reset());

  it("hands SES v2 SendEmail the raw MIME message nodemailer built, with the configuration set", async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: "0102018f-ses-id" });
    const mailer = sesMailer(new SESv2Client({ region: "eu-central-1" }), {
      configurationSetName: "koad-notifications",
    });

    // Act
    const result = await mailer.send(aMail());

    // Assess
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call!.args[0].input;
    expect(input.ConfigurationSetName).toBe("koad-notifications");
    expect(input.Content?.Simple).toBeUndefined();
    const raw = input.Content?.Raw?.Data;
    expect(raw).toBeDefined();
    const parsed = await simpleParser(Buffer.from(raw!));
    expect(parsed.subject).toBe("Noch 75:00 h offen");
    expect(parsed.from?.value[0]).toEqual({
      name: "Beispiel IT GmbH",
      address: "notifications@koad.example",
    });
    expect(parsed.text).toContain("noch 75:00 h offen");
    expect(parsed.html).toContain("<p>noch 75:00 h offen.</p>");
    expect(parsed.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(result.messageId).toContain("0102018f-ses-id");
  });

  it("fails the send when SES refuses the mail, so the caller can retry", async () => {
    ses
      .on(SendEmailCommand)
      .rejects(Object.assign(new Error("Email address is not verified."), { name: "MessageRejected" }));
    const mailer = sesMailer(new SESv2Client({ region: "eu-central-1" }));
    await expect(mailer.send(aMail())).rejects.toThrow(/not verified/);
  });
});

describe("mailerFromEnv", () => {
  it("chooses SMTP when SMTP_URL is set and SES otherwise, without sending anything", () => {
    expect(mailerFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).toBeInstanceOf(NodemailerMailer);
    expect(mailerFromEnv({ AWS_REGION: "eu-central-1" })).toBeInstanceOf(NodemailerMailer);
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://", () => {
    expect(() => mailerFromEnv({ SMTP_URL: "http://127.0.0.1:2525" })).toThrow(/smtp:\/\//);
  });
});
