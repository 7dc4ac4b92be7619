import type { Actor } from "../../domain/access.js";
import { addMonths, monthOf } from "../../domain/calendar.js";
import type { TicketQueue } from "../../domain/ticket.js";
import { bookHours } from "../../domain/use-cases/bookings.js";
import { createContract, today } from "../../domain/use-cases/contracts.js";
import { createCustomer } from "../../domain/use-cases/customers.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { openTicket } from "../../domain/use-cases/tickets.js";

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
  const existing = await deps.store.customers.listCustomers({ limit: 1 });
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

/**
 * Some work on the demo contracts so a first look at the dashboard shows something: bookings this
 * month and last month, and an open ticket. `npm start` adds it to a fresh demo; tests seed their own.
 */
export async function seedSampleWork(
  deps: UseCaseDeps & { ticketQueue: TicketQueue },
  demo: SeededDemo,
): Promise<void> {
  const technician: Actor = { role: "technician", customerId: null, subject: "Jana Berger" };
  const day = today(deps);
  const lastMonth = addMonths(monthOf(day), -1);
  const work: [string, string, number, "service" | "project", string][] = [
    [demo.monthlyContractId, `${lastMonth}-06`, 240, "service", "Monthly patch day: servers and clients"],
    [demo.monthlyContractId, `${lastMonth}-19`, 95, "service", "Printer queue on the second floor"],
    [demo.prepaidContractId, `${lastMonth}-22`, 180, "project", "Firewall rules for the new branch office"],
    [demo.monthlyContractId, `${monthOf(day)}-01`, 50, "service", "Mailbox quota raised"],
  ];
  for (const [contractId, date, minutes, category, description] of work) {
    await bookHours(deps, technician, contractId, { date, minutes, category, description });
  }
  await openTicket(deps, technician, {
    contractId: demo.monthlyContractId,
    priority: "P2",
    subject: "VPN drops every few minutes",
  });
}
