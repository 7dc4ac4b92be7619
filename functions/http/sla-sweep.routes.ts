import type { StoreOf } from "../../domain/use-cases/deps.js";
import { runSlaSweep, type SlaDeps } from "../../domain/use-cases/sla-watch.js";
import type { SlaSweepResponse } from "../schemas/ticket.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { logger } from "../shared/logger.js";

/** The SLA sweep route's ports: the SLA watch's, and the records of retried requests. */
export type SlaSweepPorts = SlaDeps & { store: StoreOf<"idempotency"> };

export const slaSweepRoutes: GroupRoutes<"slaSweep", SlaSweepPorts> = {
  "POST /admin/sla-sweep": async (request, ports) => {
    const { failures, ...result } = await runSlaSweep(ports, actorOf(request));
    for (const failure of failures) {
      logger.warn("Alert not published; it stays in the outbox", {
        alertId: failure.alert.id,
        error: failure.error as Error,
      });
    }
    const body: SlaSweepResponse = result;
    return { statusCode: 202, body };
  },
};
