import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { addMonths, dateIn, monthOf } from "../../domain/calendar.js";
import { MonthCloseStore } from "../../domain/store/month-close-store.js";
import {
  type MonthCloseStarted,
  SCHEDULER_ACTOR,
  startMonthClose,
} from "../../domain/use-cases/month-close.js";
import { sqsCloseJobQueue } from "../shared/close-job-queue.js";
import { storeDeps } from "../shared/deps.js";
import { logger } from "../shared/logger.js";
import { type ScheduledEvent, scheduledMoment } from "../shared/schedule.js";

const queue = sqsCloseJobQueue();
const deps = storeDeps((table) => new MonthCloseStore(table));
// Built at cold start, as the HTTP functions do: a missing setting fails the init, not an invocation.
deps();

/**
 * Schedule `monthClose` (00:05 on the 1st, billing time zone): enqueues the close of the month before
 * the one the schedule fired in, one job per contract. Safe to run twice.
 */
export const handler = middy<ScheduledEvent, MonthCloseStarted>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const ports = deps();
    const firedAt = scheduledMoment(event, ports.clock);
    const month = addMonths(monthOf(dateIn(ports.billingTimezone, firedAt)), -1);
    const started = await startMonthClose(ports, SCHEDULER_ACTOR, month, queue);
    logger.info("Month close started", { month: started.month, enqueuedJobs: started.enqueuedJobs });
    return started;
  });
