import { listAlerts } from "../../domain/use-cases/alerts.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { listAlertsQuerySchema } from "../schemas/ticket.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf } from "./params.js";
import { alertView } from "./sla-views.js";
import { pageView } from "./views.js";

export type AlertsPorts = UseCaseDeps<StoreOf<"alerts">>;

export const alertRoutes: GroupRoutes<"alerts", AlertsPorts> = {
  "GET /alerts": async (request, ports) => {
    const query = parseWith(listAlertsQuerySchema, request.query, "query");
    const page = await listAlerts(ports, actorOf(request), {
      customerId: query.customerId,
      type: query.type,
      since: query.since === undefined ? undefined : new Date(query.since).toISOString().slice(0, 19),
      ...pageOf(query),
    });
    return { statusCode: 200, body: pageView(page, alertView) };
  },
};
