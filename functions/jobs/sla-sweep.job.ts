import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { type SlaDeps, sweepSla } from "../../domain/use-cases/sla-watch.js";
import { logger } from "../shared/logger.js";

/**
 * The SLA watch, every minute (EventBridge Scheduler, `slaSweep`): queues a check for each ticket
 * that is due and publishes the alert outbox. Safe to run twice or concurrently.
 */
export function slaSweep(ports: SlaDeps) {
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async () => {
      const { failures, ...result } = await sweepSla(ports);
      for (const failure of failures) {
        logger.warn("Alert not published; it stays in the outbox", {
          alertId: failure.alert.id,
          error: failure.error as Error,
        });
      }
      if (result.notQueued > 0)
        logger.error("SLA checks could not be queued", { notQueued: result.notQueued });
      logger.info("SLA sweep", result);
      return result;
    });
}
