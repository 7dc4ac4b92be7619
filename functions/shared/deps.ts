import { randomIds } from "../../domain/ids.js";
import { systemClock } from "../../domain/ports.js";
import { createDocumentClient } from "../../domain/store/client.js";
import { DynamoStore } from "../../domain/store/dynamo-store.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { readConfig } from "./config.js";

let deps: UseCaseDeps | undefined;

/** The use cases' ports, built once per process (module scope on Lambda) and reused by every request. */
export function useCaseDeps(): UseCaseDeps {
  if (!deps) {
    const config = readConfig();
    const doc = createDocumentClient({
      tableName: config.tableName,
      endpoint: config.dynamoEndpoint,
      region: config.region,
    });
    deps = {
      store: new DynamoStore(doc, config.tableName),
      clock: systemClock,
      ids: randomIds,
      billingTimezone: config.billingTimezone,
    };
  }
  return deps;
}

/** Tests and the local runtime put their own ports in place (a fixed clock, another table). */
export function setUseCaseDeps(next: UseCaseDeps | undefined): void {
  deps = next;
}
