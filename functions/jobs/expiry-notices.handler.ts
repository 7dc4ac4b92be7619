import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { MonthCloseStore } from "../../domain/store/month-close-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { UsageStore } from "../../domain/store/usage-store.js";
import { raiseExpiryNotices } from "../../domain/use-cases/notices.js";
import { storeDeps } from "../shared/deps.js";
import { logger } from "../shared/logger.js";
import { type ScheduledEvent, scheduledMoment } from "../shared/schedule.js";

/** The active contracts, their usage, and the alerts the notices are. */
const deps = storeDeps((table) => storeOf(new MonthCloseStore(table), new UsageStore(table)));
// Built at cold start, as the HTTP functions do: a missing setting fails the init, not an invocation.
deps();

/**
 * Schedule `expiryNotices` (daily, billing time zone): stores `quota.expiring` and `pool.expiring`
 * notices, each once per cause, so running it twice on a day gives nothing twice.
 */
export const handler = middy<ScheduledEvent, { day: string; checkedContracts: number; raised: number }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const ports = deps();
    const run = await raiseExpiryNotices(ports, scheduledMoment(event, ports.clock));
    for (const alert of run.raised) {
      logger.info("Alert raised", {
        alertId: alert.id,
        type: alert.type,
        contractId: alert.contractId,
        ...(alert.month ? { month: alert.month } : {}),
      });
    }
    logger.info("Expiry notices checked", {
      day: run.day,
      checkedContracts: run.checkedContracts,
      raised: run.raised.length,
    });
    return { day: run.day, checkedContracts: run.checkedContracts, raised: run.raised.length };
  });
