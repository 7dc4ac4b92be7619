import type { Booking } from "../../domain/booking.js";
import type { Contract } from "../../domain/contract.js";
import type { Customer } from "../../domain/customer.js";
import type { Balance } from "../../domain/ledger.js";
import type { Page } from "../../domain/repositories.js";
import type { BookingResponse, BookingWithBalanceResponse } from "../schemas/booking.schema.js";
import type {
  BalanceResponse,
  ContractResponse,
  ContractWithBalanceResponse,
  TopUpResponse,
} from "../schemas/contract.schema.js";
import type { CustomerResponse } from "../schemas/customer.schema.js";

/**
 * Response bodies: each field listed on purpose, so nothing internal (versions, keys) leaks out. Each
 * view returns the type of its response schema (functions/schemas), so a view that drifts from the
 * schema the OpenAPI document declares fails the typecheck.
 */

export function customerView(customer: Customer): CustomerResponse {
  return {
    id: customer.id,
    name: customer.name,
    timezone: customer.timezone,
    holidays: customer.holidays,
    createdAt: customer.createdAt,
  };
}

export function contractView(contract: Contract): ContractResponse {
  const common = {
    id: contract.id,
    customerId: contract.customerId,
    kind: contract.kind,
    status: contract.status,
    categories: contract.categories,
    billingIncrementMinutes: contract.billingIncrementMinutes,
    overage: contract.overage,
    sla: contract.sla,
    closedThroughMonth: contract.closedThroughMonth,
    createdAt: contract.createdAt,
  };
  if (contract.kind === "monthly") {
    return {
      ...common,
      kind: contract.kind,
      startMonth: contract.startMonth,
      endMonth: contract.endMonth,
      quotaSchedule: contract.quotaSchedule,
      feeCentsPerMonth: contract.feeCentsPerMonth,
      fallbackContractId: contract.fallbackContractId,
    };
  }
  return {
    ...common,
    kind: contract.kind,
    monthlyBasisMinutes: contract.monthlyBasisMinutes,
    termYears: contract.termYears,
    startDate: contract.startDate,
    endDate: contract.endDate,
    priceCents: contract.priceCents,
  };
}

export function balanceView(balance: Balance): BalanceResponse {
  if (balance.kind === "monthly") {
    return {
      month: balance.month,
      status: balance.status,
      quotaMinutes: balance.quotaMinutes,
      usedMinutes: balance.usedMinutes,
      remainingMinutes: balance.remainingMinutes,
      fromPoolMinutes: balance.fromPoolMinutes,
      overageMinutes: balance.overageMinutes,
      expiredMinutes: balance.expiredMinutes,
      forecast: balance.forecast,
    };
  }
  return {
    status: balance.status,
    totalMinutes: balance.totalMinutes,
    usedMinutes: balance.usedMinutes,
    remainingMinutes: balance.remainingMinutes,
    overageMinutes: balance.overageMinutes,
    expiredMinutes: balance.expiredMinutes,
    termStart: balance.termStart,
    termEnd: balance.termEnd,
    forecast: balance.forecast,
  };
}

export function bookingView(booking: Booking): BookingResponse {
  return {
    id: booking.id,
    contractId: booking.contractId,
    customerId: booking.customerId,
    date: booking.date,
    month: booking.month,
    minutes: booking.minutes,
    billedMinutes: booking.billedMinutes,
    fromQuotaMinutes: booking.fromQuotaMinutes,
    fromPoolMinutes: booking.fromPoolMinutes,
    poolContractId: booking.poolContractId,
    overageMinutes: booking.overageMinutes,
    category: booking.category,
    description: booking.description,
    ticketId: booking.ticketId,
    technician: booking.technician,
    status: booking.status,
    reversal: booking.reversal,
    createdAt: booking.createdAt,
    createdBy: booking.createdBy,
  };
}

export function pageView<T, V>(page: Page<T>, view: (item: T) => V): { items: V[]; cursor?: string } {
  return { items: page.items.map(view), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export function contractWithBalanceView(contract: Contract, balance: Balance): ContractWithBalanceResponse {
  return { ...contractView(contract), balance: balanceView(balance) };
}

export function bookingWithBalanceView(booking: Booking, balance: Balance): BookingWithBalanceResponse {
  return { ...bookingView(booking), balance: balanceView(balance) };
}

export function topUpView(topUp: {
  id: string;
  contractId: string;
  minutes: number;
  note: string | null;
  at: string;
  pool: { totalMinutes: number };
}): TopUpResponse {
  return {
    id: topUp.id,
    contractId: topUp.contractId,
    minutes: topUp.minutes,
    note: topUp.note,
    at: topUp.at,
    totalMinutes: topUp.pool.totalMinutes,
  };
}
