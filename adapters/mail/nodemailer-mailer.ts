import { createHash } from "node:crypto";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { createTransport, type SendMailOptions, type Transporter } from "nodemailer";
import type { Mailer, OutgoingMail } from "../../domain/notifications.js";

/**
 * The `Mailer` port on nodemailer. Which engine carries the mail is configuration: Amazon SES (the SES
 * v2 API's SendEmail with the raw MIME message) when deployed, SMTP to a local server otherwise. The
 * MIME message is the same either way, built by nodemailer from the `OutgoingMail`.
 */
export class NodemailerMailer implements Mailer {
  constructor(private readonly transporter: Pick<Transporter, "sendMail" | "close">) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = (await this.transporter.sendMail(toNodemailer(mail))) as { messageId?: unknown };
    return { messageId: typeof info.messageId === "string" ? info.messageId : "" };
  }

  /** Ends the transport's connections (SMTP); a no-op for SES. */
  close(): void {
    this.transporter.close();
  }
}

/** The nodemailer message of an `OutgoingMail`. */
export function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: { name: mail.from.name, address: mail.from.address },
    to: { name: mail.to.name, address: mail.to.address },
    ...(mail.replyTo ? { replyTo: { name: mail.replyTo.name, address: mail.replyTo.address } } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    ...(mail.deliveryId ? { messageId: messageIdOf(mail.deliveryId, mail.from.address) } : {}),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
    // Mails never pull files or URLs into themselves: everything they carry is passed in.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * A Message-ID fixed by the delivery: a mail sent again after a lost acknowledgement is the same
 * message to the receiver. Hashed, so the header names neither the alert nor the address.
 */
export function messageIdOf(deliveryId: string, fromAddress: string): string {
  const domain = fromAddress.split("@")[1] || "koad.invalid";
  const hash = createHash("sha256").update(deliveryId).digest("hex").slice(0, 32);
  return `<${hash}@${domain}>`;
}

/** Sends over SMTP to `url` (`smtp://127.0.0.1:2525`; `smtps://user:pass@host:465`). */
export function smtpMailer(url: string): NodemailerMailer {
  const parsed = new URL(url);
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL, not ${parsed.protocol}`);
  }
  return new NodemailerMailer(createTransport(url));
}

export interface SesMailerOptions {
  /** The SES configuration set whose event destination reports bounces and complaints. */
  configurationSetName?: string;
}

/** Sends through Amazon SES with the SES v2 API (`SendEmail` with `Content.Raw`). */
export function sesMailer(client: SESv2Client, options: SesMailerOptions = {}): NodemailerMailer {
  const transporter = createTransport({ SES: { sesClient: client, SendEmailCommand } });
  const configurationSetName = options.configurationSetName;
  return new NodemailerMailer({
    sendMail: ((mail: SendMailOptions) =>
      transporter.sendMail({
        ...mail,
        ...(configurationSetName ? { ses: { ConfigurationSetName: configurationSetName } } : {}),
      })) as Transporter["sendMail"],
    close: () => transporter.close(),
  });
}

/**
 * The mailer the configuration names: `SMTP_URL` set → SMTP to it; otherwise SES in the function's
 * region. Built once per cold start by a composition root, which passes the environment in.
 */
export function mailerFromEnv(env: Record<string, string | undefined>): NodemailerMailer {
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) return smtpMailer(smtpUrl);
  return sesMailer(new SESv2Client({}), {
    ...(env.SES_CONFIGURATION_SET ? { configurationSetName: env.SES_CONFIGURATION_SET } : {}),
  });
}
