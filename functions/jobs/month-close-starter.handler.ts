import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import {
  type MonthCloseStarted,
  SCHEDULER_ACTOR,
  startMonthClose,
} from "../../domain/use-cases/month-close.js";
import { sqsCloseJobQueue } from "../shared/close-job-queue.js";
import { useCaseDeps } from "../shared/deps.js";
import { logger } from "../shared/logger.js";
import { type ScheduledEvent, scheduledMoment } from "../shared/schedule.js";

const queue = sqsCloseJobQueue();

/**
 * Schedule `monthClose` (00:05 on the 1st, billing time zone): enqueues the close of the month before
 * the one the schedule fired in, one job per contract. Safe to run twice.
 */
export const handler = middy<ScheduledEvent, MonthCloseStarted>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const deps = useCaseDeps();
    const firedAt = scheduledMoment(event, deps.clock);
    const month = addMonths(monthOf(dateIn(deps.billingTimezone, firedAt)), -1);
    const started = await startMonthClose(deps, SCHEDULER_ACTOR, month, queue);
    logger.info("Month close started", { month: started.month, enqueuedJobs: started.enqueuedJobs });
    return started;
  });
