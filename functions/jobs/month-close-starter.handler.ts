import { MonthCloseStore } from "../../adapters/dynamodb/month-close-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { closeJobQueueOf } from "../shared/queues.js";
import { monthCloseStarter } from "./month-close-starter.job.js";

/** Composition root of the month close starter: the active contracts and the close queue. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return monthCloseStarter({
    ...portsWith(config, given, { monthClose: new MonthCloseStore(table) }),
    closeJobs: closeJobQueueOf(config),
  });
}

export const handler = compose(readConfig());
