import { DynamoAlertStore } from "../../adapters/dynamodb/alert-store.js";
import { type Provided, portsWith, tableOf } from "../shared/composition.js";
import { type Config, readConfig } from "../shared/config.js";
import { httpHandler } from "../shared/http.js";
import { alertRoutes } from "./alerts.routes.js";

/** Composition root of the alerts function: the stored alerts. */
export function compose(config: Config, given: Provided = {}) {
  const table = tableOf(config, given);
  return httpHandler(
    "alerts",
    alertRoutes,
    portsWith(config, given, { alerts: new DynamoAlertStore(table.doc, table.name) }),
  );
}

export const handler = compose(readConfig());
