import type { Actor } from "../../domain/access.js";
import { addMonths, monthOf } from "../../domain/calendar.js";
import { createContract, today } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";

const seeder: Actor = { role: "admin", customerId: null, subject: "local-seed" };

export interface SeededDemo {
  customerId: string;
  monthlyContractId: string;
  prepaidContractId: string;
}

/**
 * Seeds an empty store with a demo customer holding one contract of each kind: a prepaid pool and a
 * monthly quota that cascades into it. Returns null when the store already has customers.
 */
export async function seedDemo(deps: UseCaseDeps): Promise<SeededDemo | null> {
  const existing = await deps.store.listCustomers({ limit: 1 });
  if (existing.items.length > 0) return null;
  const day = today(deps);
  const customer = await createCustomer(deps, seeder, { name: "Demo Handwerk GmbH" });
  const pool = await createContract(deps, seeder, {
    customerId: customer.id,
    kind: "prepaid",
    monthlyBasisMinutes: 600,
    termYears: 1,
    startDate: `${addMonths(monthOf(day), -3)}-01`,
    priceCents: 1_080_000,
  });
  const monthly = await createContract(deps, seeder, {
    customerId: customer.id,
    kind: "monthly",
    monthlyQuotaMinutes: 1200,
    startMonth: addMonths(monthOf(day), -3),
    feeCentsPerMonth: 180_000,
    overage: { policy: "bill", rateCentsPerHour: 12_000 },
    fallbackContractId: pool.id,
  });
  return { customerId: customer.id, monthlyContractId: monthly.id, prepaidContractId: pool.id };
}
