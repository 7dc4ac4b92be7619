import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { type NoticeStore, raiseExpiryNotices } from "../../domain/use-cases/notices.js";
import { logger } from "../shared/logger.js";
import { type ScheduledEvent, scheduledMoment } from "../shared/schedule.js";

/** The active contracts, their usage, and the alerts the notices are. */
export type ExpiryNoticesPorts = UseCaseDeps<NoticeStore>;

/**
 * Schedule `expiryNotices` (daily, billing time zone): stores `quota.expiring` and `pool.expiring`
 * notices, each once per cause, so running it twice on a day gives nothing twice.
 */
export function expiryNotices(ports: ExpiryNoticesPorts) {
  return middy<ScheduledEvent, { day: string; checkedContracts: number; raised: number }>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
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
}
