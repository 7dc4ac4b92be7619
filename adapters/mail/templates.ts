import { addDays, isIsoDate } from "../../domain/calendar.js";
import type { Language, NotifiableAlert, Topic } from "../../domain/notifications.js";
import {
  escapeHtml,
  formatDate,
  formatInstant,
  formatMoney,
  formatMonth,
  formatPercent,
  hoursMinutes,
} from "./format.js";

/**
 * The words of every notification mail, German and English, as plain text and HTML. A mail is first
 * a list of blocks (paragraphs, facts, a list); the text and the HTML are two renderings of the same
 * blocks, so they say the same things, and every interpolated value passes one HTML escape.
 *
 * Pure, but kept with the mail adapter: like the invoice PDF and XML, a mail is a rendering of
 * domain data for one channel (its HTML, its headers); the domain decides who and when.
 */

/** What a mail needs besides the alert: names to show instead of ids, the time zone, links. */
export interface MailContext {
  alert: NotifiableAlert;
  recipient: { name: string; language: Language };
  provider: { name: string };
  customerName: string;
  /** The contract's `name` ("Managed Linux servers"); the id is shown when absent. */
  contractName?: string;
  /** The subject of the alert's ticket, for SLA alerts. */
  ticketSubject?: string;
  /** The contract's SLA time zone: instants are shown as its wall clock reads them. */
  timeZone: string;
  /** Where the workspace shows the alert or invoice. */
  appUrl?: string;
  /** The one-click unsubscribe link of this recipient and topic (notices only). */
  unsubscribeUrl?: string;
  /** The topic the recipient gets this mail for (named in the unsubscribe line). */
  topic?: Topic;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Block =
  | { kind: "p"; text: string }
  | { kind: "facts"; rows: [label: string, value: string][] }
  | { kind: "list"; title: string; items: string[] };

interface Content {
  subject: string;
  /** The first line after the greeting. */
  lead: string;
  blocks: Block[];
}

/** Renders the mail of `ctx.alert` in the recipient's language. */
export function renderMail(ctx: MailContext): RenderedMail {
  const language = ctx.recipient.language;
  const content = CONTENT[ctx.alert.type](ctx, new Reader(ctx));
  const t = WORDS[language];
  const greeting =
    ctx.recipient.name.trim() !== "" ? t.greeting(ctx.recipient.name.trim()) : t.greetingNoName;
  const closing = t.closing(ctx.provider.name);
  const links: Block[] = [];
  if (ctx.appUrl) links.push({ kind: "p", text: `${t.openInApp}: ${ctx.appUrl}` });
  // German letters go on in lower case after the greeting's comma; English ones start a sentence.
  const lead =
    language === "en" ? content.lead.charAt(0).toUpperCase() + content.lead.slice(1) : content.lead;
  const blocks: Block[] = [{ kind: "p", text: lead }, ...content.blocks, ...links];
  const unsubscribe =
    ctx.unsubscribeUrl !== undefined ? t.unsubscribe(t.topicName[ctx.topic ?? "notices"]) : undefined;

  const text = [
    greeting,
    "",
    ...blocks.flatMap((b) => [...blockText(b), ""]),
    closing,
    ...(unsubscribe && ctx.unsubscribeUrl ? ["", "--", `${unsubscribe}: ${ctx.unsubscribeUrl}`] : []),
    "",
  ].join("\n");

  const html = [
    "<!doctype html>",
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...blocks.map((b) => blockHtml(b, ctx.appUrl)),
    `<p>${closing.split("\n").map(escapeHtml).join("<br>")}</p>`,
    ...(unsubscribe && ctx.unsubscribeUrl
      ? [
          `<p style="font-size:12px;color:#52606d"><a href="${escapeHtml(ctx.unsubscribeUrl)}">${escapeHtml(unsubscribe)}</a></p>`,
        ]
      : []),
    "</body></html>",
    "",
  ].join("\n");

  return { subject: content.subject, text, html };
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case "p":
      return [block.text];
    case "facts": {
      const width = Math.max(...block.rows.map(([label]) => label.length));
      return block.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`);
    }
    case "list":
      return [block.title, ...block.items.map((item) => `  - ${item}`)];
  }
}

function blockHtml(block: Block, appUrl: string | undefined): string {
  switch (block.kind) {
    case "p": {
      if (appUrl && block.text.endsWith(appUrl)) {
        const label = block.text.slice(0, block.text.length - appUrl.length).replace(/:\s*$/, "");
        return `<p><a href="${escapeHtml(appUrl)}">${escapeHtml(label)}</a></p>`;
      }
      return `<p>${escapeHtml(block.text)}</p>`;
    }
    case "facts":
      return [
        '<table role="presentation" style="border-collapse:collapse">',
        ...block.rows.map(
          ([label, value]) =>
            `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        ),
        "</table>",
      ].join("\n");
    case "list":
      return [
        `<p>${escapeHtml(block.title)}</p>`,
        "<ul>",
        ...block.items.map((item) => `<li>${escapeHtml(item)}</li>`),
        "</ul>",
      ].join("\n");
  }
}

// ---- reading details safely ---------------------------------------------------------------------

/** Reads the alert's details by type, so no template ever prints `undefined` or `[object Object]`. */
class Reader {
  readonly language: Language;
  constructor(private readonly ctx: MailContext) {
    this.language = ctx.recipient.language;
  }
  number(key: string): number | null {
    const value = this.ctx.alert.details[key];
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  }
  string(key: string): string | null {
    const value = this.ctx.alert.details[key];
    return typeof value === "string" && value.trim() !== "" ? value : null;
  }
  hours(key: string): string | null {
    const minutes = this.number(key);
    return minutes === null ? null : `${hoursMinutes(minutes)} h`;
  }
  instant(key: string): string | null {
    const value = this.string(key);
    return value === null ? null : formatInstant(value, this.language, this.ctx.timeZone);
  }
  date(key: string): string | null {
    const value = this.string(key);
    return value === null ? null : formatDate(value, this.language);
  }
  /** The day before an exclusive end date (a pool's `termEnd` is the first day after the term). */
  lastDayBefore(key: string): string | null {
    const value = this.string(key);
    return value !== null && isIsoDate(value) ? formatDate(addDays(value, -1), this.language) : null;
  }
  contract(): string {
    return this.ctx.contractName?.trim() || this.ctx.alert.contractId;
  }
  ticket(): string {
    return this.ctx.ticketSubject?.trim() || this.string("subject") || this.ctx.alert.ticketId || "";
  }
  month(): string | null {
    const month = this.ctx.alert.month ?? this.string("month");
    return month ? formatMonth(month, this.language) : null;
  }
  suggestions(): { title: string; estimateMinutes: number | null }[] {
    const value = this.ctx.alert.details.suggestions;
    if (!Array.isArray(value)) return [];
    return value.flatMap((s) => {
      if (s === null || typeof s !== "object") return [];
      const { title, estimateMinutes } = s as Record<string, unknown>;
      if (typeof title !== "string" || title.trim() === "") return [];
      return [
        {
          title: title.trim(),
          estimateMinutes:
            typeof estimateMinutes === "number" && Number.isFinite(estimateMinutes) ? estimateMinutes : null,
        },
      ];
    });
  }
}

/** Fact rows whose value is known; unknown ones are left out rather than printed as blanks. */
function facts(rows: [string, string | null | undefined][]): Block {
  return {
    kind: "facts",
    rows: rows.filter((row): row is [string, string] => typeof row[1] === "string" && row[1] !== ""),
  };
}

// ---- the words ----------------------------------------------------------------------------------

interface Words {
  greeting(name: string): string;
  greetingNoName: string;
  closing(provider: string): string;
  openInApp: string;
  unsubscribe(topic: string): string;
  topicName: Record<Topic, string>;
  customer: string;
  contract: string;
  ticket: string;
  priority: string;
  target: Record<"response" | "resolution", string>;
  deadline: string;
  month: string;
  pool: string;
  used: string;
  quota: string;
  remaining: string;
  expired: string;
  validUntil: string;
  reason: string;
  reasons: Record<string, string>;
  unknownReason: string;
  date: string;
  minutes: string;
  estimate: string;
  booked: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  amount: string;
  attached: string;
}

const WORDS: Record<Language, Words> = {
  de: {
    greeting: (name) => `Guten Tag ${name},`,
    greetingNoName: "Guten Tag,",
    closing: (provider) => `Mit freundlichen Grüßen\n${provider}`,
    openInApp: "Im Arbeitsbereich ansehen",
    unsubscribe: (topic) => `Benachrichtigungen „${topic}“ abbestellen`,
    topicName: { quota: "Kontingent", notices: "Hinweise vor Verfall", sla: "SLA", invoices: "Rechnungen" },
    customer: "Kunde",
    contract: "Vertrag",
    ticket: "Ticket",
    priority: "Priorität",
    target: { response: "Reaktionszeit", resolution: "Lösungszeit" },
    deadline: "Frist",
    month: "Monat",
    pool: "Zeitguthaben",
    used: "Verbraucht",
    quota: "Kontingent",
    remaining: "Noch offen",
    expired: "Verfallen",
    validUntil: "Gültig bis",
    reason: "Grund",
    reasons: {
      quota_exceeded: "Das Kontingent reicht für diese Buchung nicht aus.",
      category_not_covered: "Die Art der Arbeit ist vom Vertrag nicht abgedeckt.",
      period_closed: "Der Monat ist bereits abgeschlossen.",
      contract_inactive: "Der Vertrag ist an diesem Tag nicht aktiv.",
      approval_required: "Die Arbeit braucht eine Freigabe des Kunden.",
      backlog_item_not_approved: "Die Aufgabe ist nicht freigegeben.",
    },
    unknownReason: "Die Buchung passt nicht zu den Vertragsbedingungen.",
    date: "Datum",
    minutes: "Dauer",
    estimate: "Schätzung",
    booked: "Gebucht",
    number: "Nummer",
    issuedOn: "Ausgestellt am",
    dueOn: "Fällig am",
    amount: "Betrag",
    attached:
      "Im Anhang finden Sie das Dokument als ZUGFeRD-PDF (EN 16931) und als XRechnung-XML für Ihre Buchhaltung.",
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    greetingNoName: "Hello,",
    closing: (provider) => `Kind regards\n${provider}`,
    openInApp: "Open in the workspace",
    unsubscribe: (topic) => `Unsubscribe from “${topic}” notifications`,
    topicName: { quota: "quota", notices: "notices before expiry", sla: "SLA", invoices: "invoices" },
    customer: "Customer",
    contract: "Contract",
    ticket: "Ticket",
    priority: "Priority",
    target: { response: "response time", resolution: "resolution time" },
    deadline: "Deadline",
    month: "Month",
    pool: "Prepaid pool",
    used: "Used",
    quota: "Quota",
    remaining: "Left",
    expired: "Expired",
    validUntil: "Valid until",
    reason: "Reason",
    reasons: {
      quota_exceeded: "The quota does not cover this booking.",
      category_not_covered: "The contract does not cover this kind of work.",
      period_closed: "The month is already closed.",
      contract_inactive: "The contract is not active on that day.",
      approval_required: "The work needs the customer's approval.",
      backlog_item_not_approved: "The task is not approved.",
    },
    unknownReason: "The booking does not fit the contract's terms.",
    date: "Date",
    minutes: "Duration",
    estimate: "Estimate",
    booked: "Booked",
    number: "Number",
    issuedOn: "Issued on",
    dueOn: "Due on",
    amount: "Amount",
    attached:
      "The document is attached as a ZUGFeRD PDF (EN 16931) and as XRechnung XML for your accounting.",
  },
};

function targetOf(r: Reader): "response" | "resolution" {
  return r.string("target") === "resolution" ? "resolution" : "response";
}

function slaDeadline(r: Reader, target: "response" | "resolution"): string | null {
  return target === "resolution"
    ? (r.instant("resolutionDueAt") ?? r.instant("dueAt"))
    : (r.instant("responseDueAt") ?? r.instant("dueAt"));
}

function slaFacts(ctx: MailContext, r: Reader, w: Words): Block {
  const target = targetOf(r);
  return facts([
    [w.ticket, r.ticket()],
    [w.priority, r.string("priority")],
    [w.customer, ctx.customerName],
    [w.contract, r.contract()],
    [w.deadline, slaDeadline(r, target)],
  ]);
}

function usageRows(r: Reader, w: Words, usedKey: string, limitKey: string): [string, string | null][] {
  return [
    [w.used, r.hours(usedKey)],
    [w.quota, r.hours(limitKey)],
  ];
}

function suggestionBlock(r: Reader, title: string): Block[] {
  const items = r
    .suggestions()
    .map((s) => (s.estimateMinutes === null ? s.title : `${s.title} (${hoursMinutes(s.estimateMinutes)} h)`));
  return items.length > 0 ? [{ kind: "list", title, items }] : [];
}

type Template = (ctx: MailContext, r: Reader) => Content;

const CONTENT: Record<NotifiableAlert["type"], Template> = {
  "sla.warning": (ctx, r) => {
    const w = WORDS[r.language];
    const target = targetOf(r);
    const priority = r.string("priority") ?? "";
    const deadline = slaDeadline(r, target);
    return r.language === "de"
      ? {
          subject: `SLA-Warnung${priority ? ` ${priority}` : ""}: ${w.target[target]} für „${r.ticket()}“ läuft bald ab`,
          lead: `die ${w.target[target]} des Tickets „${r.ticket()}“ ist zum größten Teil verstrichen${deadline ? `; sie endet am ${deadline}` : ""}.`,
          blocks: [slaFacts(ctx, r, w)],
        }
      : {
          subject: `SLA warning${priority ? ` ${priority}` : ""}: ${w.target[target]} for “${r.ticket()}” ends soon`,
          lead: `most of the ${w.target[target]} of ticket “${r.ticket()}” has passed${deadline ? `; it ends at ${deadline}` : ""}.`,
          blocks: [slaFacts(ctx, r, w)],
        };
  },
  "sla.breached": (ctx, r) => {
    const w = WORDS[r.language];
    const target = targetOf(r);
    const priority = r.string("priority") ?? "";
    return r.language === "de"
      ? {
          subject: `SLA verletzt${priority ? ` ${priority}` : ""}: ${w.target[target]} für „${r.ticket()}“ überschritten`,
          lead: `die ${w.target[target]} des Tickets „${r.ticket()}“ ist abgelaufen, ohne dass ${target === "response" ? "eine erste Antwort" : "eine Lösung"} erfasst wurde.`,
          blocks: [slaFacts(ctx, r, w)],
        }
      : {
          subject: `SLA breached${priority ? ` ${priority}` : ""}: ${w.target[target]} for “${r.ticket()}” exceeded`,
          lead: `the ${w.target[target]} of ticket “${r.ticket()}” has passed without ${target === "response" ? "a first response" : "a resolution"}.`,
          blocks: [slaFacts(ctx, r, w)],
        };
  },
  "quota.threshold": (ctx, r) => {
    const w = WORDS[r.language];
    const percent = formatPercent(r.number("percent") ?? 0, r.language);
    const period = r.month() ?? w.pool;
    const rows = facts([
      [w.customer, ctx.customerName],
      [w.contract, r.contract()],
      [ctx.alert.month ? w.month : w.pool, ctx.alert.month ? r.month() : w.pool],
      ...usageRows(r, w, "usedMinutes", "limitMinutes"),
    ]);
    return r.language === "de"
      ? {
          subject: `${percent} des Kontingents verbraucht: ${r.contract()} (${period})`,
          lead: `im Vertrag „${r.contract()}“ sind ${percent} ${ctx.alert.month ? `des Kontingents für ${period}` : "des Zeitguthabens"} verbraucht.`,
          blocks: [rows],
        }
      : {
          subject: `${percent} of the quota used: ${r.contract()} (${period})`,
          lead: `${percent} of ${ctx.alert.month ? `the quota for ${period}` : "the prepaid pool"} of contract “${r.contract()}” is used.`,
          blocks: [rows],
        };
  },
  "quota.expired": (ctx, r) => {
    const w = WORDS[r.language];
    const expired = r.hours("expiredMinutes") ?? "0:00 h";
    const period = r.month() ?? "";
    const rows = facts([
      [w.customer, ctx.customerName],
      [w.contract, r.contract()],
      [w.month, r.month()],
      [w.quota, r.hours("quotaMinutes")],
      [w.used, r.hours("usedMinutes")],
      [w.expired, expired],
    ]);
    return r.language === "de"
      ? {
          subject: `${expired} verfallen: ${r.contract()}${period ? ` (${period})` : ""}`,
          lead: `mit dem Abschluss${period ? ` von ${period}` : ""} sind im Vertrag „${r.contract()}“ ${expired} nicht genutzte Zeit verfallen.`,
          blocks: [rows],
        }
      : {
          subject: `${expired} expired: ${r.contract()}${period ? ` (${period})` : ""}`,
          lead: `with the close${period ? ` of ${period}` : ""}, ${expired} of unused time expired on contract “${r.contract()}”.`,
          blocks: [rows],
        };
  },
  "quota.expiring": (ctx, r) => {
    const w = WORDS[r.language];
    const unused = r.hours("unusedMinutes") ?? "0:00 h";
    const endsOn = r.date("monthEndsOn");
    const rows = facts([
      [w.customer, ctx.customerName],
      [w.contract, r.contract()],
      [w.month, r.month()],
      ...usageRows(r, w, "usedMinutes", "quotaMinutes"),
      [w.remaining, unused],
      [w.validUntil, endsOn],
    ]);
    return r.language === "de"
      ? {
          subject: `Noch ${unused} offen: ${r.contract()} – sonst verfällt die Zeit${endsOn ? ` mit Ablauf des ${endsOn}` : ""}`,
          lead: `im Vertrag „${r.contract()}“ sind ${unused} des Monatskontingents noch nicht genutzt. Sie verfallen mit dem Monatsende; jetzt ist ein guter Moment für Aufgaben, die schon lange anstehen.`,
          blocks: [rows, ...suggestionBlock(r, "Passende freigegebene oder geschätzte Aufgaben:")],
        }
      : {
          subject: `${unused} left: ${r.contract()} – otherwise the time expires${endsOn ? ` after ${endsOn}` : ""}`,
          lead: `${unused} of this month's quota on contract “${r.contract()}” are still unused. They expire at the end of the month; now is a good moment for tasks that have long been put off.`,
          blocks: [rows, ...suggestionBlock(r, "Approved or estimated tasks that fit:")],
        };
  },
  "pool.expiring": (ctx, r) => {
    const w = WORDS[r.language];
    const remaining = r.hours("remainingMinutes") ?? "0:00 h";
    const termEnd = r.lastDayBefore("termEnd");
    const rows = facts([
      [w.customer, ctx.customerName],
      [w.contract, r.contract()],
      [w.remaining, remaining],
      [w.validUntil, termEnd],
    ]);
    return r.language === "de"
      ? {
          subject: `Zeitguthaben läuft${termEnd ? ` am ${termEnd}` : ""} ab: noch ${remaining} in ${r.contract()}`,
          lead: `das Zeitguthaben des Vertrags „${r.contract()}“ läuft${termEnd ? ` am ${termEnd}` : " bald"} ab; ${remaining} sind noch offen und verfallen dann. Jetzt ist ein guter Moment für Aufgaben, die schon lange anstehen.`,
          blocks: [rows, ...suggestionBlock(r, "Passende freigegebene oder geschätzte Aufgaben:")],
        }
      : {
          subject: `Prepaid time expires${termEnd ? ` after ${termEnd}` : " soon"}: ${remaining} left in ${r.contract()}`,
          lead: `the prepaid pool of contract “${r.contract()}” ends${termEnd ? ` with ${termEnd}` : " soon"}; ${remaining} are still left and will then expire. Now is a good moment for tasks that have long been put off.`,
          blocks: [rows, ...suggestionBlock(r, "Approved or estimated tasks that fit:")],
        };
  },
  "booking.rejected": (ctx, r) => {
    const w = WORDS[r.language];
    const code = r.string("reason");
    const reason = (code && w.reasons[code]) || w.unknownReason;
    const rows = facts([
      [w.customer, ctx.customerName],
      [w.contract, r.contract()],
      [w.ticket, r.string("externalRef")],
      [w.date, r.date("date")],
      [w.minutes, r.hours("minutes")],
      [w.reason, reason],
    ]);
    return r.language === "de"
      ? {
          subject: `Buchung abgelehnt: ${r.contract()}`,
          lead: `eine Zeitbuchung aus der Integration wurde nicht übernommen. Sie ist als abgelehnte Lieferung gespeichert und kann nach einer Klärung erneut gebucht werden.`,
          blocks: [rows],
        }
      : {
          subject: `Booking rejected: ${r.contract()}`,
          lead: `a time entry from the integration was not booked. It is kept as a rejected delivery and can be booked again once settled.`,
          blocks: [rows],
        };
  },
  "backlog.over_estimate": (ctx, r) => {
    const w = WORDS[r.language];
    const title = r.string("title") ?? r.string("backlogItemId") ?? "";
    const rows = facts([
      [w.customer, ctx.customerName],
      [w.contract, r.contract()],
      [w.estimate, r.hours("estimateMinutes")],
      [w.booked, r.hours("bookedMinutes")],
    ]);
    return r.language === "de"
      ? {
          subject: `Aufgabe über der Schätzung: „${title}“`,
          lead: `für die Aufgabe „${title}“ im Vertrag „${r.contract()}“ ist mehr als 20 % über der Schätzung gebucht.`,
          blocks: [rows],
        }
      : {
          subject: `Task over its estimate: “${title}”`,
          lead: `the time booked on task “${title}” of contract “${r.contract()}” is more than 20% over its estimate.`,
          blocks: [rows],
        };
  },
  "invoice.issued": (ctx, r) => {
    const w = WORDS[r.language];
    const credit = r.string("kind") === "credit_note" || r.number("typeCode") === 381;
    const number = r.string("number") ?? "";
    const gross = r.number("grossCents");
    const rows = facts([
      [w.number, number],
      [w.customer, ctx.customerName],
      [w.issuedOn, r.date("issueDate")],
      [w.dueOn, credit ? null : r.date("dueDate")],
      [w.amount, gross === null ? null : formatMoney(gross, r.language, r.string("currency") ?? "EUR")],
    ]);
    const period = r.month();
    return r.language === "de"
      ? {
          subject: `${credit ? "Gutschrift" : "Rechnung"} ${number} von ${ctx.provider.name}`,
          lead: credit
            ? `anbei erhalten Sie unsere Gutschrift ${number}${r.string("invoiceNumber") ? ` zur Rechnung ${r.string("invoiceNumber")}` : ""}.`
            : `anbei erhalten Sie unsere Rechnung ${number}${period ? ` für ${period}` : ""}.`,
          blocks: [rows, { kind: "p", text: w.attached }],
        }
      : {
          subject: `${credit ? "Credit note" : "Invoice"} ${number} from ${ctx.provider.name}`,
          lead: credit
            ? `please find attached our credit note ${number}${r.string("invoiceNumber") ? ` for invoice ${r.string("invoiceNumber")}` : ""}.`
            : `please find attached our invoice ${number}${period ? ` for ${period}` : ""}.`,
          blocks: [rows, { kind: "p", text: w.attached }],
        };
  },
};
