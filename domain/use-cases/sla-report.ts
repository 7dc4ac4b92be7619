import { type Actor, assertAllowed, assertSees } from "../access.js";
import { addMonths, firstDayOf, isoInstant, type Month } from "../calendar.js";
import { type Contract, isMonthClosed } from "../contract.js";
import { NotFoundError } from "../errors.js";
import { startOfLocalDay } from "../local-time.js";
import { type MonthSlaReport, reportedMonthSlaReport } from "../sla-month-report.js";
import { hasStatementFor } from "../statement.js";
import type { Ticket } from "../ticket.js";
import { currentMonth } from "./contracts.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "./deps.js";

/** The tickets of a contract received in a month (calendar month in the billing time zone). */
export async function ticketsOfMonth(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  contract: Contract,
  month: Month,
): Promise<Ticket[]> {
  const from = isoInstant(startOfLocalDay(deps.billingTimezone, firstDayOf(month)));
  const to = isoInstant(startOfLocalDay(deps.billingTimezone, firstDayOf(addMonths(month, 1))));
  return deps.store.tickets.ticketsReceivedBetween(contract.customerId, contract.id, from, to);
}

/** `GET /customers/{id}/sla-report?month=`: how the SLAs of a customer's contracts were kept in a month. */
export async function getSlaReport(
  deps: UseCaseDeps<StoreOf<"customers" | "tickets"> & ContractLookups>,
  actor: Actor,
  customerId: string,
  month: Month | undefined,
): Promise<MonthSlaReport & { customerId: string }> {
  assertAllowed(actor, "tickets.read");
  assertSees(actor, customerId, "Customer");
  const customer = await deps.store.customers.getCustomer(customerId);
  if (!customer) throw new NotFoundError("Customer not found");
  const forMonth = month ?? currentMonth(deps);
  const contracts = await deps.store.contracts.listContractsOfCustomer(customerId);
  const tickets = (await Promise.all(contracts.map((c) => ticketsOfMonth(deps, c, forMonth)))).flat();
  // Closed as the statement is: every contract closed through the month (none: the month has ended).
  const running = contracts.filter((c) => hasStatementFor(c, forMonth));
  const closed =
    running.length > 0 ? running.every((c) => isMonthClosed(c, forMonth)) : forMonth < currentMonth(deps);
  return {
    customerId,
    ...reportedMonthSlaReport(tickets, forMonth, closed, deps.clock.now(), deps.billingTimezone),
  };
}
