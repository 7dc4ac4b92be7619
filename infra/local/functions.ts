import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Provided } from "../../functions/shared/composition.js";
import { readConfig } from "../../functions/shared/config.js";
import { repoRoot } from "./paths.js";

/**
 * A function as Lambda would start it: its entry module's composition root (`compose`), run with the
 * configuration the environment holds now. Each call is a new function instance (its own clients and
 * caches), so two local systems in one process never share a table or a queue.
 */
export async function composedHandler<T>(entry: string, given: Provided = {}): Promise<T> {
  const module = (await import(pathToFileURL(join(repoRoot, entry)).href)) as {
    compose: (config: ReturnType<typeof readConfig>, given: Provided) => T;
  };
  return module.compose(readConfig(), given);
}
