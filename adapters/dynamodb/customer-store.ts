import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Customer } from "../../domain/customer.js";
import type { CustomerRepository, Page, PageRequest } from "../../domain/repositories.js";
import { decodeCursor } from "./cursor.js";
import { parseCustomer } from "./items.js";
import { INDEX, keys } from "./keys.js";
import { type StoreTable, withCursor } from "./table.js";
import { isConditionalCheckFailed } from "./transactions.js";

/** Customers on the single table (the DynamoDB adapter of `CustomerRepository`). */
export class CustomerStore implements CustomerRepository {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(table: StoreTable) {
    this.doc = table.doc;
    this.tableName = table.name;
  }

  async putCustomer(customer: Customer): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.customer(customer.id),
            ...keys.customersByName(customer.name, customer.id),
            entity: "customer",
            ...customer,
          },
          // Closes the race of a retried creation: the same id is written once.
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async getCustomer(id: string): Promise<Customer | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.customer(id) }),
    );
    return Item ? parseCustomer(Item) : null;
  }

  async listCustomers(page: PageRequest): Promise<Page<Customer>> {
    const partition = keys.allCustomers();
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.byType.name,
        KeyConditionExpression: "gsi2pk = :pk",
        ExpressionAttributeValues: { ":pk": partition.gsi2pk },
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, {
          pk: { prefix: "CUSTOMER#" },
          sk: "CUSTOMER",
          gsi2pk: partition.gsi2pk,
          gsi2sk: { prefix: "" },
        }),
      }),
    );
    return withCursor((result.Items ?? []).map(parseCustomer), result.LastEvaluatedKey);
  }
}
