import { type Actor, assertAllowed, assertSees } from "../access.js";
import { type Customer, type NewCustomer, newCustomer } from "../customer.js";
import { NotFoundError } from "../errors.js";
import type { Page, PageRequest } from "../repositories.js";
import type { StoreOf, UseCaseDeps } from "./deps.js";

/** Registers a customer of the service provider. */
export async function createCustomer(
  deps: UseCaseDeps<StoreOf<"customers">>,
  actor: Actor,
  input: NewCustomer,
): Promise<Customer> {
  assertAllowed(actor, "customers.create");
  const customer = newCustomer(input, deps);
  if (await deps.store.customers.putCustomer(customer)) return customer;
  // A retried request (same Idempotency-Key, so the same id): answer with what the first one made.
  const existing = await deps.store.customers.getCustomer(customer.id);
  if (!existing) throw new Error(`Customer ${customer.id} exists but cannot be read`);
  return existing;
}

export async function getCustomer(
  deps: UseCaseDeps<StoreOf<"customers">>,
  actor: Actor,
  customerId: string,
): Promise<Customer> {
  assertAllowed(actor, "customers.read");
  assertSees(actor, customerId, "Customer");
  const customer = await deps.store.customers.getCustomer(customerId);
  if (!customer) throw new NotFoundError("Customer not found");
  return customer;
}

export async function listCustomers(
  deps: UseCaseDeps<StoreOf<"customers">>,
  actor: Actor,
  page: PageRequest,
): Promise<Page<Customer>> {
  assertAllowed(actor, "customers.list");
  return deps.store.customers.listCustomers(page);
}
