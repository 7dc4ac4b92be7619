import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import type { CloseJobQueue } from "../../domain/ports.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import {
  type MonthCloseStarted,
  SCHEDULER_ACTOR,
  startMonthClose,
} from "../../domain/use-cases/month-close.js";
import { logger } from "../shared/logger.js";
import { type ScheduledEvent, scheduledMoment } from "../shared/schedule.js";

export type MonthCloseStarterPorts = UseCaseDeps<StoreOf<"monthClose">> & { closeJobs: CloseJobQueue };

/**
 * Schedule `monthClose` (00:05 on the 1st, billing time zone): enqueues the close of the month before
 * the one the schedule fired in, one job per contract. Safe to run twice.
 */
export function monthCloseStarter(ports: MonthCloseStarterPorts) {
  return middy<ScheduledEvent, MonthCloseStarted>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const firedAt = scheduledMoment(event, ports.clock);
      const month = addMonths(monthOf(dateIn(ports.billingTimezone, firedAt)), -1);
      const started = await startMonthClose(ports, SCHEDULER_ACTOR, month, ports.closeJobs);
      logger.info("Month close started", { month: started.month, enqueuedJobs: started.enqueuedJobs });
      return started;
    });
}
