import type { Clock, IdGenerator } from "../ports.js";
import type { ContractReads, Store } from "../repositories.js";

/**
 * A use case that only looks contracts up: a function that never writes them builds the read side
 * alone (`ContractReader`), and its bundle carries no contract writes.
 */
export type ContractLookups = { contracts: ContractReads };

/** The repositories a use case names: `StoreOf<"contracts" | "usage">`. */
export type StoreOf<K extends keyof Store> = Pick<Store, K>;

/**
 * What every use case is given: its ports, and the billing time zone months are counted in. `S` is
 * the part of the store the use case reads and writes (the whole `Store` satisfies every use case).
 */
export interface UseCaseDeps<S = Store> {
  store: S;
  clock: Clock;
  ids: IdGenerator;
  billingTimezone: string;
}
