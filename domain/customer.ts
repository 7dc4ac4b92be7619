import { isoInstant } from "./calendar.js";
import type { CustomerBilling } from "./invoice.js";
import type { Clock, IdGenerator } from "./ports.js";

export interface Customer {
  id: string;
  name: string;
  timezone: string;
  holidays: string | null;
  createdAt: string;
  /** Billing data (SPEC §7); null until set. A customer without it gets no invoice. */
  billing: CustomerBilling | null;
}

export interface NewCustomer {
  name: string;
  timezone?: string | undefined;
  holidays?: string | null | undefined;
}

export function newCustomer(input: NewCustomer, deps: { clock: Clock; ids: IdGenerator }): Customer {
  return {
    id: deps.ids.newId("cus"),
    name: input.name,
    timezone: input.timezone ?? "Europe/Berlin",
    holidays: input.holidays === undefined ? "DE" : input.holidays,
    createdAt: isoInstant(deps.clock.now()),
    billing: null,
  };
}
