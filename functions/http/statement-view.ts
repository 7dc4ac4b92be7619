import { CATEGORIES } from "../../domain/contract.js";
import type { ContractStatement, StatementBooking } from "../../domain/statement.js";
import type { CustomerStatement } from "../../domain/use-cases/month-close.js";
import type { StatementResponse } from "../schemas/month-close.schema.js";

/** The statement as JSON: fields listed on purpose (nothing internal such as keys or versions). */
export function customerStatementView(statement: CustomerStatement): StatementResponse {
  return {
    customerId: statement.customerId,
    month: statement.month,
    status: statement.status,
    totalCents: statement.totalCents,
    contracts: statement.contracts.map(contractStatementView),
    sla: statement.sla,
  };
}

function contractStatementView(s: ContractStatement): StatementResponse["contracts"][number] {
  return {
    contractId: s.contractId,
    kind: s.kind,
    status: s.status,
    quotaMinutes: s.quotaMinutes,
    usedMinutes: s.usedMinutes,
    usedByCategory: s.usedByCategory,
    fromPoolMinutes: s.fromPoolMinutes,
    ...(s.kind === "prepaid"
      ? { cascadedInMinutes: s.cascadedInMinutes, termStart: s.termStart, termEnd: s.termEnd }
      : {}),
    overageMinutes: s.overageMinutes,
    overageCents: s.overageCents,
    expiredMinutes: s.expiredMinutes,
    remainingMinutes: s.remainingMinutes,
    feeCents: s.feeCents,
    closedAt: s.closedAt,
    bookingCount: s.bookingCount,
    bookings: s.bookings.map(bookingLine),
  };
}

function bookingLine(b: StatementBooking): StatementResponse["contracts"][number]["bookings"][number] {
  return {
    id: b.id,
    date: b.date,
    category: b.category,
    description: b.description,
    ticketId: b.ticketId,
    technician: b.technician,
    minutes: b.minutes,
    billedMinutes: b.billedMinutes,
    fromQuotaMinutes: b.fromQuotaMinutes,
    fromPoolMinutes: b.fromPoolMinutes,
    overageMinutes: b.overageMinutes,
  };
}

export const CSV_COLUMNS = [
  "record",
  "contract_id",
  "kind",
  "month",
  "status",
  "date",
  "booking_id",
  "category",
  "description",
  "ticket_id",
  "technician",
  "minutes",
  "billed_minutes",
  "from_quota_minutes",
  "from_pool_minutes",
  "overage_minutes",
  "quota_minutes",
  "used_minutes",
  "expired_minutes",
  "remaining_minutes",
  "overage_cents",
  "fee_cents",
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Free text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is defused with a `'`.
 */
export function csvField(value: string | number | null | undefined, freeText = false): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (freeText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const FREE_TEXT = new Set(["description", "technician", "ticket_id"]);

function csvLine(row: CsvRow): string {
  return CSV_COLUMNS.map((column) => csvField(row[column], FREE_TEXT.has(column))).join(",");
}

/**
 * The statement as CSV: one row per booking, then per contract one `category` row for each work
 * category used and a `summary` row; a last `total` row sums the charges. Lines end in CRLF.
 */
export function statementCsv(statement: CustomerStatement): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const s of statement.contracts) {
    const common = { contract_id: s.contractId, kind: s.kind, month: s.month, status: s.status };
    for (const b of s.bookings) {
      lines.push(
        csvLine({
          record: "booking",
          ...common,
          date: b.date,
          booking_id: b.id,
          category: b.category,
          description: b.description,
          ticket_id: b.ticketId,
          technician: b.technician,
          minutes: b.minutes,
          billed_minutes: b.billedMinutes,
          from_quota_minutes: b.fromQuotaMinutes,
          from_pool_minutes: b.fromPoolMinutes,
          overage_minutes: b.overageMinutes,
        }),
      );
    }
    for (const category of CATEGORIES) {
      const minutes = s.usedByCategory[category];
      if (minutes > 0)
        lines.push(csvLine({ record: "category", ...common, category, billed_minutes: minutes }));
    }
    lines.push(
      csvLine({
        record: "summary",
        ...common,
        billed_minutes: CATEGORIES.reduce((sum, c) => sum + s.usedByCategory[c], 0),
        from_pool_minutes: s.fromPoolMinutes,
        overage_minutes: s.overageMinutes,
        quota_minutes: s.quotaMinutes,
        used_minutes: s.usedMinutes,
        expired_minutes: s.expiredMinutes,
        remaining_minutes: s.remainingMinutes,
        overage_cents: s.overageCents,
        fee_cents: s.feeCents,
      }),
    );
  }
  lines.push(
    csvLine({
      record: "total",
      month: statement.month,
      status: statement.status,
      overage_cents: statement.contracts.reduce((sum, s) => sum + s.overageCents, 0),
      fee_cents: statement.contracts.reduce((sum, s) => sum + s.feeCents, 0),
    }),
  );
  return `${lines.join("\r\n")}\r\n`;
}

/** Whether the client asks for CSV rather than JSON (`Accept: text/csv`, not refused with q=0). */
export function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((part) => {
    const [type, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    return type === "text/csv" && (q === undefined || Number(q.slice(2)) > 0);
  });
}
