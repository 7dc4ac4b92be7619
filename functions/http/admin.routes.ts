import type { CloseJobQueue } from "../../domain/ports.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { startMonthClose } from "../../domain/use-cases/month-close.js";
import { type MonthCloseResponse, monthCloseSchema } from "../schemas/month-close.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";

/** The admin function's ports: the contracts a close starts from, idempotency records, the close queue. */
export type AdminPorts = UseCaseDeps<StoreOf<"monthClose" | "idempotency">> & { closeJobs: CloseJobQueue };

export const adminRoutes: GroupRoutes<"admin", AdminPorts> = {
  "POST /admin/month-close": async (request, ports) => {
    const { month } = parseWith(monthCloseSchema, request.body);
    const started = await startMonthClose(ports, actorOf(request), month, ports.closeJobs);
    const body: MonthCloseResponse = { month: started.month, enqueuedJobs: started.enqueuedJobs };
    return { statusCode: 202, body };
  },
};
