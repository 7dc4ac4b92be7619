import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { getCustomerStatement, type StatementStore } from "../../domain/use-cases/month-close.js";
import { statementMonthSchema } from "../schemas/month-close.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { customerStatementView, statementCsv, wantsCsv } from "./statement-view.js";

/** The statements function's ports: a customer, its contracts, their months and their tickets. */
export type StatementsPorts = UseCaseDeps<StatementStore>;

export const statementRoutes: GroupRoutes<"statements", StatementsPorts> = {
  "GET /customers/{customerId}/statements/{month}": async (request, ports) => {
    const customerId = pathId(request, "customerId");
    const { month } = parseWith(statementMonthSchema, { month: request.pathParameters.month }, "path");
    const statement = await getCustomerStatement(ports, actorOf(request), customerId, month);
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
};
