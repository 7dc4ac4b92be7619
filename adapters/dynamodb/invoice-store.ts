import { GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Alert } from "../../domain/alert.js";
import {
  formatInvoiceNumber,
  type Invoice,
  type InvoiceSource,
  type IssuedInvoice,
  invoiceStatus,
  issueInvoice,
  type ProviderSettings,
} from "../../domain/invoice.js";
import type {
  InvoiceQuery,
  InvoiceRepository,
  IssueOutcome,
  Page,
  StoredInvoice,
} from "../../domain/repositories.js";
import { alertPut } from "./alert-store.js";
import { decodeCursor } from "./cursor.js";
import { parseInvoice, parseProviderSettings } from "./items.js";
import { INDEX, keys } from "./keys.js";
import { type StoreTable, type TransactItem, withCursor } from "./table.js";
import { cancellationReasons, isConditionFailure, writeTransaction } from "./transactions.js";

/** Attempts at a number against concurrent issuers of the same year (each loses only to a winner). */
const MAX_NUMBER_ATTEMPTS = 50;

/** The natural key of what an invoice bills (credit notes: the credit note's own id). */
export function sourceKey(source: InvoiceSource, invoiceId: string): string {
  switch (source.kind) {
    case "month":
      return `${source.customerId}#${source.month}`;
    case "pool":
      return `pool#${source.contractId}`;
    case "topup":
      return `topup#${source.topUpId}`;
    case "credit":
      return `credit#${invoiceId}`;
  }
}

/**
 * Invoices on the single table (the DynamoDB adapter of `InvoiceRepository`). It owns the numbering
 * guarantee: a number is allocated in the transaction that stores the invoice, so it is used once and
 * none is skipped, whatever retries, repeats, crashes or races happen around it.
 */
export class InvoiceStore implements InvoiceRepository {
  constructor(private readonly table: StoreTable) {}

  async getProviderSettings(): Promise<ProviderSettings | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.providerSettings(), ConsistentRead: true }),
    );
    return Item ? parseProviderSettings(Item) : null;
  }

  async putProviderSettings(settings: ProviderSettings): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.providerSettings(), entity: "providerSettings", ...settings },
      }),
    );
  }

  async issueInvoice(
    draft: Invoice,
    issueDate: string,
    alertOf: (invoice: IssuedInvoice) => Alert,
  ): Promise<IssueOutcome> {
    const result = await this.issue(draft, issueDate, alertOf, []);
    if (result.outcome === "stale") throw new Error("an invoice without a credit check cannot be stale");
    return result;
  }

  async issueCreditNote(
    draft: Invoice,
    issueDate: string,
    alertOf: (invoice: IssuedInvoice) => Alert,
    credited: { invoiceId: string; creditedCentsSeen: number },
  ): Promise<IssueOutcome | { outcome: "stale" }> {
    const credit: TransactItem = {
      Update: {
        TableName: this.table.name,
        Key: keys.invoice(credited.invoiceId),
        // Closes the race of two credit notes for one invoice: each was decided on the credited cents
        // it read, so only one of them can move them from that value.
        UpdateExpression: "SET creditedCents = creditedCents + :amount",
        ConditionExpression: "creditedCents = :seen",
        ExpressionAttributeValues: {
          ":amount": draft.totals.grandTotalCents,
          ":seen": credited.creditedCentsSeen,
        },
      },
    };
    return this.issue(draft, issueDate, alertOf, [credit]);
  }

  /**
   * One attempt per number: read the year's counter, then in one transaction move it from that value
   * to the next, put the invoice, put its source marker and its alert (and `extra`). A lost race on the
   * counter is tried again with the new value; a source marker that exists means the source was
   * invoiced already (that invoice is returned, and no number was used).
   */
  private async issue(
    draft: Invoice,
    issueDate: string,
    alertOf: (invoice: IssuedInvoice) => Alert,
    extra: TransactItem[],
  ): Promise<IssueOutcome | { outcome: "stale" }> {
    const year = Number(issueDate.slice(0, 4));
    const source = keys.invoiceOfSource(sourceKey(draft.source, draft.id));
    for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt++) {
      const last = await this.lastNumber(year);
      const invoice = issueInvoice(
        draft,
        formatInvoiceNumber(draft.seller.invoiceNumberPrefix, year, last + 1),
        issueDate,
      );
      const items: TransactItem[] = [
        {
          Update: {
            TableName: this.table.name,
            Key: keys.invoiceNumber(year),
            UpdateExpression: "SET lastNumber = :next, entity = :entity",
            // Closes the race of two issuers: only the one that read the current value takes the next.
            ConditionExpression: last === 0 ? "attribute_not_exists(pk)" : "lastNumber = :last",
            ExpressionAttributeValues: {
              ":next": last + 1,
              ":entity": "invoiceNumber",
              ...(last === 0 ? {} : { ":last": last }),
            },
          },
        },
        {
          Put: {
            TableName: this.table.name,
            Item: {
              ...source,
              entity: "invoiceOf",
              invoiceId: invoice.id,
              number: invoice.number,
            },
            // Closes the race of a repeated or concurrent issue of the same source: invoiced once.
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: this.table.name,
            Item: {
              ...keys.invoice(invoice.id),
              ...keys.invoiceOfCustomer(invoice.buyer.customerId, invoice.issueDate, invoice.id),
              ...keys.allInvoices(invoice.issueDate, invoice.id),
              entity: "invoice",
              number: invoice.number,
              typeCode: invoice.typeCode,
              customerId: invoice.buyer.customerId,
              issueDate: invoice.issueDate,
              creditedCents: 0,
              document: invoice,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        { Put: alertPut(this.table.name, alertOf(invoice)) },
        ...extra,
      ];
      try {
        await writeTransaction(this.table.doc, items);
        return { outcome: "issued", invoice };
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        if (isConditionFailure(reasons[1])) {
          const existing = await this.invoiceOfSourceKey(source);
          if (existing) return { outcome: "exists", invoice: existing.invoice };
          throw new Error(`Invoice source ${source.pk} is marked but its invoice cannot be read`);
        }
        if (extra.length > 0 && isConditionFailure(reasons[4])) return { outcome: "stale" };
        if (isConditionFailure(reasons[0]) || reasons.some((r) => r.code === "TransactionConflict")) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
          continue;
        }
        throw error;
      }
    }
    throw new Error(`Invoice numbers of ${year} kept moving; try again`);
  }

  private async lastNumber(year: number): Promise<number> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.invoiceNumber(year), ConsistentRead: true }),
    );
    return typeof Item?.lastNumber === "number" ? Item.lastNumber : 0;
  }

  async getInvoice(id: string): Promise<StoredInvoice | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: keys.invoice(id), ConsistentRead: true }),
    );
    return Item ? parseInvoice(Item) : null;
  }

  async invoiceOfSource(source: InvoiceSource): Promise<StoredInvoice | null> {
    return this.invoiceOfSourceKey(keys.invoiceOfSource(sourceKey(source, "")));
  }

  private async invoiceOfSourceKey(key: { pk: string; sk: string }): Promise<StoredInvoice | null> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }),
    );
    return typeof Item?.invoiceId === "string" ? this.getInvoice(Item.invoiceId) : null;
  }

  async listInvoices(query: InvoiceQuery): Promise<Page<StoredInvoice>> {
    // Key values cannot be empty: the earliest issue date stands in for "from the start".
    const from = query.from ?? "0000-01-01";
    const to = `${query.to ?? "9999-12-31"}#\uffff`;
    let input: QueryCommandInput;
    if (query.customerId) {
      const partition = keys.invoicesOfCustomer(query.customerId);
      input = {
        TableName: this.table.name,
        IndexName: INDEX.byCustomer.name,
        KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": partition.gsi1pk,
          ":from": `${partition.gsi1skPrefix}${from}`,
          ":to": `${partition.gsi1skPrefix}${to}`,
        },
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: { prefix: "INVOICE#" },
          sk: "INVOICE",
          gsi1pk: partition.gsi1pk,
          gsi1sk: { prefix: partition.gsi1skPrefix },
        }),
      };
    } else {
      const partition = keys.allInvoicesPartition().gsi2pk;
      input = {
        TableName: this.table.name,
        IndexName: INDEX.byType.name,
        KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": partition, ":from": from, ":to": to },
        ExclusiveStartKey: decodeCursor(query.cursor, {
          pk: { prefix: "INVOICE#" },
          sk: "INVOICE",
          gsi2pk: partition,
          gsi2sk: { prefix: "" },
        }),
      };
    }
    const result = await this.table.doc.send(
      new QueryCommand({ ...input, ScanIndexForward: false, Limit: query.limit }),
    );
    const items = (result.Items ?? [])
      .map(parseInvoice)
      .filter((stored) => !query.status || invoiceStatus(stored) === query.status);
    return withCursor(items, result.LastEvaluatedKey);
  }
}
