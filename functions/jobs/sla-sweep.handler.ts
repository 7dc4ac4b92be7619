import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { sweepSla } from "../../domain/use-cases/sla-watch.js";
import { logger } from "../shared/logger.js";
import { slaDeps, slaWatchDeps } from "../shared/sla-deps.js";

// Built at cold start, as the HTTP functions do: a missing setting fails the init, not a message.
slaDeps(slaWatchDeps());

/**
 * The SLA watch, every minute (EventBridge Scheduler, `slaSweep`): queues a check for each ticket
 * that is due and publishes the alert outbox. Safe to run twice or concurrently.
 */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const { failures, ...result } = await sweepSla(slaDeps(slaWatchDeps()));
    for (const failure of failures) {
      logger.warn("Alert not published; it stays in the outbox", {
        alertId: failure.alert.id,
        error: failure.error as Error,
      });
    }
    if (result.notQueued > 0) logger.error("SLA checks could not be queued", { notQueued: result.notQueued });
    logger.info("SLA sweep", result);
    return result;
  });
