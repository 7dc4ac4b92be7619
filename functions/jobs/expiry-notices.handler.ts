import { AlertWriter } from "../../adapters/dynamodb/alert-store.js";
import { MonthCloseStore } from "../../adapters/dynamodb/month-close-store.js";
import { UsageStore } from "../../adapters/dynamodb/usage-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { expiryNotices } from "./expiry-notices.job.js";

/** Composition root of the expiry notices: active contracts, their usage, and the alerts. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return expiryNotices(
    portsWith(config, given, {
      monthClose: new MonthCloseStore(table),
      usage: new UsageStore(table),
      alerts: new AlertWriter(table.doc, table.name),
    }),
  );
}

export const handler = compose(readConfig());
