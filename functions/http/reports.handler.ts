import { getSlaReport } from "../../domain/use-cases/sla-report.js";
import { slaReportQuerySchema } from "../schemas/ticket.schema.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { slaReportView } from "./sla-views.js";

export const handler = httpHandler("reports", {
  "GET /customers/{customerId}/sla-report": async (request, deps) => {
    const query = parseWith(slaReportQuerySchema, request.query, "query");
    const report = await getSlaReport(deps, actorOf(request), pathId(request, "customerId"), query.month);
    return { statusCode: 200, body: slaReportView(report) };
  },
});
