import { IdempotencyStore } from "../../domain/store/idempotency-store.js";
import { runSlaSweep } from "../../domain/use-cases/sla-watch.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { logger } from "../shared/logger.js";
import { slaDeps, slaWatchStore } from "../shared/sla-deps.js";

/** The SLA watch's tickets and alert outbox, and the records of retried requests. */
const deps = storeDeps((table) => ({ ...slaWatchStore(table), idempotency: new IdempotencyStore(table) }));

export const handler = httpHandler("slaSweep", deps, {
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
