import type { ContractLookups, StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { getSlaReport } from "../../domain/use-cases/sla-report.js";
import { slaReportQuerySchema } from "../schemas/ticket.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { slaReportView } from "./sla-views.js";

/** The reports function's ports: a customer, its contracts and their tickets. */
export type ReportsPorts = UseCaseDeps<StoreOf<"customers" | "tickets"> & ContractLookups>;

export const reportRoutes: GroupRoutes<"reports", ReportsPorts> = {
  "GET /customers/{customerId}/sla-report": async (request, ports) => {
    const query = parseWith(slaReportQuerySchema, request.query, "query");
    const report = await getSlaReport(ports, actorOf(request), pathId(request, "customerId"), query.month);
    return { statusCode: 200, body: slaReportView(report) };
  },
};
