import { runSlaSweep } from "../../domain/use-cases/sla-watch.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { logger } from "../shared/logger.js";
import { slaDeps } from "../shared/sla-deps.js";

export const handler = httpHandler("slaSweep", {
  "POST /admin/sla-sweep": async (request, deps) => {
    const { failures, ...result } = await runSlaSweep(slaDeps(deps), actorOf(request));
    for (const failure of failures) {
      logger.warn("Alert not published; it stays in the outbox", {
        alertId: failure.alert.id,
        error: failure.error as Error,
      });
    }
    return { statusCode: 202, body: result };
  },
});
