import type { Clock, IdGenerator } from "../ports.js";
import type { Store } from "../repositories.js";

/** What every use case is given: its ports, and the billing time zone months are counted in. */
export interface UseCaseDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  billingTimezone: string;
}
