import type { CloseJobQueue } from "../../domain/ports.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { invoicingStatus } from "../../domain/use-cases/invoices.js";
import { monthCloseStatus, startMonthClose } from "../../domain/use-cases/month-close.js";
import {
  type MonthCloseResponse,
  type MonthCloseStatusResponse,
  monthCloseSchema,
} from "../schemas/month-close.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";

/** The admin function's ports: the contracts a close starts from, idempotency records, the close queue. */
export type AdminPorts = UseCaseDeps<StoreOf<"monthClose" | "idempotency" | "invoices">> & {
  closeJobs: CloseJobQueue;
};

export const adminRoutes: GroupRoutes<"admin", AdminPorts> = {
  "POST /admin/month-close": async (request, ports) => {
    const { month } = parseWith(monthCloseSchema, request.body);
    const started = await startMonthClose(ports, actorOf(request), month, ports.closeJobs);
    // `not_configured`: no provider settings yet, so the close writes statements only (SPEC §7).
    const invoicing = await invoicingStatus(ports);
    const body: MonthCloseResponse = { month: started.month, enqueuedJobs: started.enqueuedJobs, invoicing };
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
