import { type Actor, assertAllowed, assertSees, isStaff } from "../access.js";
import { dateIn, isoInstant, monthOf } from "../calendar.js";
import { ContractInactiveError, ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import type { Page, PageRequest } from "../repositories.js";
import type { Priority } from "../sla-terms.js";
import { type Ticket, type TicketQueue, type TicketStatus, watchEntryOf } from "../ticket.js";
import { openedTicket, withFirstResponse } from "../ticket-clock.js";
import { findContract } from "./contracts.js";
import type { StoreOf, UseCaseDeps } from "./deps.js";

export interface OpenTicketInput {
  contractId: string;
  priority: Priority;
  subject: string;
  /** When the request reached the provider (staff only, e.g. a phone call logged later); default now. */
  receivedAt?: string | undefined;
}

/**
 * Opens a ticket on a contract: its deadline and warning moment come from the contract's SLA. The
 * ticket is stored together with its watch entry (one write), then `ticket.opened` goes to the ticket
 * queue; the watch does not depend on that message.
 */
export async function openTicket(
  deps: UseCaseDeps<StoreOf<"contracts" | "tickets">> & { ticketQueue: TicketQueue },
  actor: Actor,
  input: OpenTicketInput,
): Promise<Ticket> {
  assertAllowed(actor, "tickets.open");
  if (input.receivedAt !== undefined && !isStaff(actor)) {
    throw new ForbiddenError("Only staff may set when a ticket was received", {
      receivedAt: "only staff may set it",
    });
  }
  const contract = await findContract(deps, actor, input.contractId);
  if (contract.status !== "active") {
    throw new ContractInactiveError(`Contract ${contract.id} is ${contract.status}`, {
      reason: "contract_inactive",
      status: contract.status,
    });
  }
  const now = deps.clock.now();
  const receivedAt = input.receivedAt === undefined ? now : new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime()) {
    throw new ValidationError("A ticket cannot be received in the future", {
      receivedAt: `must not be after ${isoInstant(now)}`,
    });
  }
  const ticket = openedTicket({
    id: deps.ids.newId("tkt"),
    contractId: contract.id,
    customerId: contract.customerId,
    priority: input.priority,
    subject: input.subject,
    receivedAt,
    sla: contract.sla,
    openedBy: actor.subject,
    now,
  });
  // A ticket received in a closed month would change that month's closed SLA figures.
  const receivedMonth = monthOf(dateIn(deps.billingTimezone, receivedAt));
  if (!(await deps.store.tickets.createTicket(ticket, { receivedMonth }))) {
    // A retried request (same Idempotency-Key, so the same id): answer with what the first one made.
    const existing = await deps.store.tickets.getTicket(ticket.id);
    if (!existing) throw new Error(`Ticket ${ticket.id} exists but cannot be read`);
    return existing;
  }
  const entry = watchEntryOf(ticket);
  if (entry) await deps.ticketQueue.ticketOpened(entry);
  return ticket;
}

async function findTicket(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  actor: Actor,
  ticketId: string,
): Promise<Ticket> {
  const ticket = await deps.store.tickets.getTicket(ticketId);
  if (!ticket) throw new NotFoundError("Ticket not found");
  assertSees(actor, ticket.customerId, "Ticket");
  return ticket;
}

export async function getTicket(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  actor: Actor,
  ticketId: string,
): Promise<Ticket> {
  assertAllowed(actor, "tickets.read");
  return findTicket(deps, actor, ticketId);
}

export async function listTickets(
  deps: UseCaseDeps<StoreOf<"contracts" | "tickets">>,
  actor: Actor,
  contractId: string,
  status: TicketStatus | undefined,
  page: PageRequest,
): Promise<Page<Ticket>> {
  assertAllowed(actor, "tickets.read");
  const contract = await findContract(deps, actor, contractId);
  return deps.store.tickets.listTicketsOfContract(contract.customerId, contract.id, { status, ...page });
}

/**
 * Records the first response to a ticket: the clock stops, the SLA is met or not, the in-window
 * minutes it took are kept, and the watch lets the ticket go. Asking again answers with the first
 * response (only the first one counts).
 */
export async function respondToTicket(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  actor: Actor,
  ticketId: string,
): Promise<Ticket> {
  assertAllowed(actor, "tickets.respond");
  const ticket = await findTicket(deps, actor, ticketId);
  if (ticket.status === "responded") return ticket;
  const responded = withFirstResponse(ticket, deps.clock.now(), actor.subject);
  if ((await deps.store.tickets.recordFirstResponse(responded)) === "recorded") return responded;
  return findTicket(deps, actor, ticketId);
}
