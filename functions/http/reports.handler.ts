import { ContractStore } from "../../domain/store/contract-store.js";
import { CustomerStore } from "../../domain/store/customer-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { DynamoTicketStore } from "../../domain/store/ticket-store.js";
import { getSlaReport } from "../../domain/use-cases/sla-report.js";
import { slaReportQuerySchema } from "../schemas/ticket.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { slaReportView } from "./sla-views.js";

/** A customer, its contracts and their tickets. */
const deps = storeDeps((table) =>
  storeOf(new CustomerStore(table), new ContractStore(table), {
    tickets: new DynamoTicketStore(table.doc, table.name),
  }),
);

export const handler = httpHandler("reports", deps, {
  "GET /customers/{customerId}/sla-report": async (request, deps) => {
    const query = parseWith(slaReportQuerySchema, request.query, "query");
    const report = await getSlaReport(deps, actorOf(request), pathId(request, "customerId"), query.month);
    return { statusCode: 200, body: slaReportView(report) };
  },
});
