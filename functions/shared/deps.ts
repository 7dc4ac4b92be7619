import { createDocumentClient } from "../../domain/store/client.js";
import { dynamoStore } from "../../domain/store/dynamo-store.js";
import type { StoreTable } from "../../domain/store/table.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { readConfig } from "./config.js";
import { portsGeneration, portsWith, setUseCaseDeps } from "./ports.js";

export { setUseCaseDeps } from "./ports.js";

let table: { table: StoreTable; generation: number } | undefined;
/** A table put in place by `useTable`. */
let tableInUse: StoreTable | undefined;

/**
 * Points every function at this table and client (benchmarks): the functions still build their own
 * stores, as on Lambda, only on it. `setUseCaseDeps` replaces the ports themselves (tests).
 */
export function useTable(next: StoreTable | undefined): void {
  tableInUse = next;
  setUseCaseDeps(undefined);
}

/** The process's table: one document client, shared by every store a function builds. */
function sharedTable(): StoreTable {
  if (tableInUse) return tableInUse;
  const generation = portsGeneration();
  if (table?.generation !== generation) {
    const config = readConfig();
    const doc = createDocumentClient({
      tableName: config.tableName,
      endpoint: config.dynamoEndpoint,
      region: config.region,
    });
    table = { table: { doc, name: config.tableName }, generation };
  }
  return table.table;
}

/**
 * A function's ports, built once per process (module scope on Lambda) and reused by every request:
 * `parts` builds the store its handlers use from the table, and only that store is in its bundle.
 * Ports put in place by `setUseCaseDeps` (tests, the local runtime) win.
 */
export function storeDeps<S>(parts: (table: StoreTable) => S): () => UseCaseDeps<S> {
  return portsWith(() => parts(sharedTable()));
}

/** The ports with every repository: for the local runtime, tests and benchmarks, not for a Lambda. */
export const useCaseDeps: () => UseCaseDeps = /* @__PURE__ */ storeDeps((table) =>
  dynamoStore(table.doc, table.name),
);
