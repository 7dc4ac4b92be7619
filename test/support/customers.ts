import type { Actor } from "../../domain/access.js";
import type { Contract, NewMonthlyContract, NewPrepaidContract } from "../../domain/contract.js";
import { createContract } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import type { TestApi } from "./local-api.js";
import { startMonthForTests } from "./route-fixtures.js";

/**
 * The one way tests make a customer with contracts: through the use cases (`customerWith`) or over
 * HTTP (`customerOverHttp`). Every field of a contract can be overridden; the defaults are a monthly
 * quota of 600 minutes that started two months ago, or a one-year pool of 600 minutes a month.
 */

export const fixtureAdmin: Actor = { role: "admin", customerId: null, subject: "fixture-admin" };

type MonthlyInput = Omit<NewMonthlyContract, "customerId" | "kind"> & { kind: "monthly" };
type PrepaidInput = Omit<NewPrepaidContract, "customerId" | "kind"> & { kind: "prepaid" };
export type ContractInput = MonthlyInput | PrepaidInput;

/** A monthly quota: 600 minutes, from two months ago on, unless overridden. */
export function monthly(overrides: Partial<Omit<MonthlyInput, "kind">> = {}): MonthlyInput {
  return { kind: "monthly", monthlyQuotaMinutes: 600, startMonth: startMonthForTests(), ...overrides };
}

/** A prepaid pool: 600 minutes a month for one year, from the first of two months ago, unless overridden. */
export function prepaid(overrides: Partial<Omit<PrepaidInput, "kind">> = {}): PrepaidInput {
  return {
    kind: "prepaid",
    monthlyBasisMinutes: 600,
    termYears: 1,
    startDate: `${startMonthForTests()}-01`,
    ...overrides,
  };
}

/** A customer with contracts, made through the use cases (in order: a fallback pool goes first). */
export async function customerWith(
  deps: UseCaseDeps<StoreOf<"customers" | "contracts">>,
  contracts: ContractInput[],
  name = "Muster GmbH",
) {
  const customer = await createCustomer(deps, fixtureAdmin, { name });
  const made: Contract[] = [];
  for (const input of contracts)
    made.push(await createContract(deps, fixtureAdmin, { ...input, customerId: customer.id }));
  return { customer, contracts: made };
}

/** A customer with one contract over the HTTP API, as an admin would make them; fails loudly if refused. */
export async function customerOverHttp(
  api: Pick<TestApi, "request">,
  adminToken: string,
  contract: ContractInput = monthly(),
  name = "Muster GmbH",
): Promise<{ customerId: string; contractId: string; contract: Record<string, any> }> {
  const customer = await api.request("POST", "/customers", { token: adminToken, body: { name } });
  if (customer.status !== 201)
    throw new Error(`POST /customers answered ${customer.status}: ${customer.text}`);
  const created = await api.request("POST", "/contracts", {
    token: adminToken,
    body: { ...contract, customerId: customer.body.id },
  });
  if (created.status !== 201) throw new Error(`POST /contracts answered ${created.status}: ${created.text}`);
  return { customerId: customer.body.id, contractId: created.body.id, contract: created.body };
}
