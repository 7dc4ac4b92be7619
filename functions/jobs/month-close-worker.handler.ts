import { MonthCloseStore } from "../../adapters/dynamodb/month-close-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { monthCloseWorker } from "./month-close-worker.job.js";

/** Composition root of the month close worker: the month close's store. */
export function compose(config: Config, given: Provided = {}) {
  return monthCloseWorker(
    portsWith(config, given, { monthClose: new MonthCloseStore(tableOf(config, given)) }),
  );
}

export const handler = compose(readConfig());
