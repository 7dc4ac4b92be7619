import {
  type MailAttachment,
  type MailComposer,
  type NotifiableAlert,
  type OutgoingMail,
  offersUnsubscribe,
  type Recipient,
} from "../../domain/notifications.js";
import { type MailContext, renderMail } from "./templates.js";
import { unsubscribeToken, unsubscribeUrl } from "./unsubscribe-token.js";

/** How mails leave KoAd: the sender address and the secret and origin of unsubscribe links. */
export interface MailSettings {
  /** The address mails come from (an SES-verified identity when deployed). The name is the provider's. */
  fromAddress: string;
  /** Where replies go: the provider's contact e-mail (§7 provider settings). */
  replyTo?: string;
  /** The public origin of the API that serves `POST /unsubscribe` (`https://api.example.com`). */
  unsubscribeBaseUrl: string;
  unsubscribeSecret: string;
}

/** The invoice documents a mail carries (§7): the ZUGFeRD PDF and the XRechnung XML. */
export interface InvoiceDocuments {
  pdf: Uint8Array;
  xml: Uint8Array;
}

export interface ComposeInput {
  alert: NotifiableAlert;
  recipient: Recipient;
  /** The delivery's id (domain `deliveryId`): it fixes the Message-ID, so a resend is one message. */
  deliveryId: string;
  provider: { name: string };
  customerName: string;
  contractName?: string;
  ticketSubject?: string;
  timeZone: string;
  appUrl?: string;
  /** Required for `invoice.issued`: an invoice mail without its documents is not sent. */
  invoice?: InvoiceDocuments;
}

/** The file names of an invoice's documents: the invoice number, made safe for a file name. */
export function invoiceAttachments(number: string, documents: InvoiceDocuments): MailAttachment[] {
  const base = number.replace(/[^A-Za-z0-9._-]+/g, "_") || "invoice";
  return [
    { filename: `${base}.pdf`, contentType: "application/pdf", content: documents.pdf },
    { filename: `${base}.xml`, contentType: "application/xml", content: documents.xml },
  ];
}

/**
 * The mail of one delivery: rendered in the recipient's language, from the provider's name, with a
 * one-click unsubscribe for notices (RFC 8058: `List-Unsubscribe` with an https URL and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`), and the documents for an invoice.
 */
export function composeMail(input: ComposeInput, settings: MailSettings): OutgoingMail {
  const { alert, recipient } = input;
  const link = offersUnsubscribe(recipient)
    ? unsubscribeUrl(
        settings.unsubscribeBaseUrl,
        unsubscribeToken(settings.unsubscribeSecret, {
          customerId: alert.customerId,
          email: recipient.email,
          topic: recipient.topic,
        }),
      )
    : undefined;
  const context: MailContext = {
    alert,
    // The billing e-mail is an office, not a person: it is greeted without a name.
    recipient: { name: recipient.role === "billing" ? "" : recipient.name, language: recipient.language },
    provider: input.provider,
    customerName: input.customerName,
    timeZone: input.timeZone,
    topic: recipient.topic,
    ...(input.contractName !== undefined ? { contractName: input.contractName } : {}),
    ...(input.ticketSubject !== undefined ? { ticketSubject: input.ticketSubject } : {}),
    ...(input.appUrl !== undefined ? { appUrl: input.appUrl } : {}),
    ...(link !== undefined ? { unsubscribeUrl: link } : {}),
  };
  const rendered = renderMail(context);

  let attachments: MailAttachment[] = [];
  if (alert.type === "invoice.issued") {
    if (!input.invoice) throw new Error(`Invoice mail of alert ${alert.id} has no documents to attach`);
    const number = typeof alert.details.number === "string" ? alert.details.number : alert.id;
    attachments = invoiceAttachments(number, input.invoice);
  }

  return {
    from: { name: input.provider.name, address: settings.fromAddress },
    to: { name: recipient.name, address: recipient.email },
    ...(settings.replyTo ? { replyTo: { name: input.provider.name, address: settings.replyTo } } : {}),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: {
      "Content-Language": recipient.language,
      ...(link
        ? { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : {}),
    },
    attachments,
    deliveryId: input.deliveryId,
  };
}

/** What a mail shows besides the alert, looked up by the notifier's composition root. */
export interface MailFacts {
  provider: { name: string };
  customerName: string;
  contractName?: string;
  ticketSubject?: string;
  /** The contract's SLA time zone. */
  timeZone: string;
  appUrl?: string;
  invoice?: InvoiceDocuments;
}

/** The domain's `MailComposer` on these templates: looks the facts up, then composes. */
export function mailComposer(
  settings: MailSettings,
  factsOf: (alert: NotifiableAlert, recipient: Recipient) => Promise<MailFacts>,
): MailComposer {
  return async (alert, delivery) =>
    composeMail(
      {
        ...(await factsOf(alert, delivery.recipient)),
        alert,
        recipient: delivery.recipient,
        deliveryId: delivery.id,
      },
      settings,
    );
}
