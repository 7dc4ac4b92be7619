import { randomIds } from "../../domain/ids.js";
import { systemClock } from "../../domain/ports.js";
import { httpHandler } from "../shared/http.js";
import { healthRoutes } from "./health.routes.js";

/** Composition root of the health function: no table, no clients (its bundle carries no AWS SDK). */
export function compose() {
  return httpHandler("health", healthRoutes, {
    store: {},
    clock: systemClock,
    ids: randomIds,
    billingTimezone: "UTC",
  });
}

export const handler = compose();
