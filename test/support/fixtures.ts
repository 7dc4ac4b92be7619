import type { MonthlyContract, PrepaidContract } from "../../domain/contract.js";
import { DEFAULT_SLA } from "../../domain/sla-terms.js";

/** Fixture factories: a valid contract of each kind, overridable field by field. */
export function monthlyContract(overrides: Partial<MonthlyContract> = {}): MonthlyContract {
  return {
    id: "con_monthly",
    customerId: "cus_1",
    kind: "monthly",
    status: "active",
    categories: ["service"],
    billingIncrementMinutes: 15,
    overage: { policy: "block", rateCentsPerHour: 0 },
    sla: DEFAULT_SLA,
    closedThroughMonth: null,
    createdAt: "2026-01-01T00:00:00Z",
    version: 1,
    startMonth: "2026-01",
    endMonth: null,
    quotaSchedule: [{ effectiveMonth: "2026-01", monthlyQuotaMinutes: 600 }],
    feeCentsPerMonth: 100_000,
    fallbackContractId: null,
    ...overrides,
  };
}

export function prepaidContract(overrides: Partial<PrepaidContract> = {}): PrepaidContract {
  return {
    id: "con_prepaid",
    customerId: "cus_1",
    kind: "prepaid",
    status: "active",
    categories: ["service", "project", "consulting", "training"],
    billingIncrementMinutes: 15,
    overage: { policy: "block", rateCentsPerHour: 0 },
    sla: DEFAULT_SLA,
    closedThroughMonth: null,
    createdAt: "2026-01-01T00:00:00Z",
    version: 1,
    monthlyBasisMinutes: 100,
    termYears: 1,
    startDate: "2026-01-01",
    endDate: "2027-01-01",
    priceCents: 500_000,
    ...overrides,
  };
}
