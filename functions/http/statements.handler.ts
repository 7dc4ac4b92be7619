import { ContractStore } from "../../domain/store/contract-store.js";
import { CustomerStore } from "../../domain/store/customer-store.js";
import { MonthCloseStore } from "../../domain/store/month-close-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { DynamoTicketStore } from "../../domain/store/ticket-store.js";
import { getCustomerStatement } from "../../domain/use-cases/month-close.js";
import { statementMonthSchema } from "../schemas/month-close.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { customerStatementView, statementCsv, wantsCsv } from "./statement-view.js";

/** A customer, its contracts, their months (open or closed) and their tickets. */
const deps = storeDeps((table) =>
  storeOf(new CustomerStore(table), new ContractStore(table), new MonthCloseStore(table), {
    tickets: new DynamoTicketStore(table.doc, table.name),
  }),
);

export const handler = httpHandler("statements", deps, {
  "GET /customers/{customerId}/statements/{month}": async (request, deps) => {
    const customerId = pathId(request, "customerId");
    const { month } = parseWith(statementMonthSchema, { month: request.pathParameters.month }, "path");
    const statement = await getCustomerStatement(deps, actorOf(request), customerId, month);
    if (wantsCsv(request.headers.accept)) {
      return {
        statusCode: 200,
        body: statementCsv(statement),
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="statement-${customerId}-${month}.csv"`,
        },
      };
    }
    return { statusCode: 200, body: customerStatementView(statement) };
  },
});
