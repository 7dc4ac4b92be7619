import { DynamoAlertStore } from "../../domain/store/alert-store.js";
import { listAlerts } from "../../domain/use-cases/alerts.js";
import { listAlertsQuerySchema } from "../schemas/ticket.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf } from "./params.js";
import { alertView } from "./sla-views.js";
import { pageView } from "./views.js";

const deps = storeDeps((table) => ({ alerts: new DynamoAlertStore(table.doc, table.name) }));

export const handler = httpHandler("alerts", deps, {
  "GET /alerts": async (request, deps) => {
    const query = parseWith(listAlertsQuerySchema, request.query, "query");
    const page = await listAlerts(deps, actorOf(request), {
      customerId: query.customerId,
      type: query.type,
      since: query.since === undefined ? undefined : new Date(query.since).toISOString().slice(0, 19),
      ...pageOf(query),
    });
    return { statusCode: 200, body: pageView(page, alertView) };
  },
});
