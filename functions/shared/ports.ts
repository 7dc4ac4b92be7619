import { randomIds } from "../../domain/ids.js";
import { systemClock } from "../../domain/ports.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { readConfig } from "./config.js";

/**
 * The ports every function is given, without any store: apart from deps.ts so that a function that
 * touches no table (health) does not carry the DynamoDB client.
 */

/** Ports put in place by tests and the local runtime; every factory answers with them. */
let replaced: UseCaseDeps | undefined;
/** Bumped by `setUseCaseDeps`: what the factories built before is built again (another table, say). */
let generation = 0;

/** The generation what a factory built belongs to; an older one is built again. */
export function portsGeneration(): number {
  return generation;
}

/** A factory of a function's ports, the store built by `store`, once per process and generation. */
export function portsWith<S>(store: () => S): () => UseCaseDeps<S> {
  let built: { deps: UseCaseDeps<S>; generation: number } | undefined;
  return () => {
    // A whole `Store` has every part a function asks for.
    if (replaced) return replaced as unknown as UseCaseDeps<S>;
    if (built?.generation !== generation) {
      const config = readConfig();
      built = {
        deps: { store: store(), clock: systemClock, ids: randomIds, billingTimezone: config.billingTimezone },
        generation,
      };
    }
    return built.deps;
  };
}

/** The ports of a function that touches no table (health). */
export const noStoreDeps: () => UseCaseDeps<Record<string, never>> = /* @__PURE__ */ portsWith(() => ({}));

/** Tests and the local runtime put their own ports in place (a fixed clock, another table). */
export function setUseCaseDeps(next: UseCaseDeps | undefined): void {
  replaced = next;
  generation++;
}
