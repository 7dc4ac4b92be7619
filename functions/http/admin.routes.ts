import type { CloseJobQueue } from "../../domain/ports.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { monthCloseStatus, startMonthClose } from "../../domain/use-cases/month-close.js";
import {
  type MonthCloseResponse,
  type MonthCloseStatusResponse,
  monthCloseSchema,
} from "../schemas/month-close.schema.js";
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
  "GET /admin/month-close/status": async (request, ports) => {
    const status = await monthCloseStatus(ports, actorOf(request));
    const body: MonthCloseStatusResponse = {
      closedThrough: status.closedThrough,
      runs: status.runs.map((run) => ({
        month: run.month,
        startedAt: run.startedAt,
        enqueuedJobs: run.enqueuedJobs,
      })),
    };
    return { statusCode: 200, body };
  },
};
