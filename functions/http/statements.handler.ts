import { getCustomerStatement } from "../../domain/use-cases/month-close.js";
import { statementMonthSchema } from "../schemas/month-close.schema.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { customerStatementView, statementCsv, wantsCsv } from "./statement-view.js";

export const handler = httpHandler("statements", {
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
