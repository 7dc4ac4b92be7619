import { type Actor, assertAllowed, assertSees, isStaff } from "../access.js";
import { dateIn, isoInstant, monthOf } from "../calendar.js";
import { ContractInactiveError, ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import type { Page, PageRequest } from "../repositories.js";
import type { Priority } from "../sla-terms.js";
import { type Ticket, type TicketQueue, type TicketStatus, watchEntryOf } from "../ticket.js";
import { openedTicket } from "../ticket-clock.js";
import { raisedOf, recomputedTicket, timelineOf } from "../ticket-life.js";
import { appendEvent, type TimelineEvent } from "../ticket-timeline.js";
import { findContract } from "./contracts.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "./deps.js";

export interface OpenTicketInput {
  contractId: string;
  priority: Priority;
  subject: string;
  /** When the request reached the provider (staff only, e.g. a phone call logged later); default now. */
  receivedAt?: string | undefined;
  description?: string | undefined;
  contact?: { name: string; email?: string | undefined; phone?: string | undefined } | undefined;
  externalRef?: string | undefined;
}

/**
 * Opens a ticket on a contract: its deadline and warning moment come from the contract's SLA. The
 * ticket is stored together with its watch entry (one write), then `ticket.opened` goes to the ticket
 * queue; the watch does not depend on that message.
 */
export async function openTicket(
  deps: UseCaseDeps<StoreOf<"tickets"> & ContractLookups> & { ticketQueue: TicketQueue },
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
  const v1 = openedTicket({
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
  const opened: TimelineEvent = {
    id: `${v1.id}-opened`,
    type: "opened",
    at: v1.receivedAt,
    by: actor.subject,
  };
  const ticket = recomputedTicket(
    {
      ...v1,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.contact === undefined ? {} : { contact: withoutUndefined(input.contact) }),
      ...(input.externalRef === undefined ? {} : { externalRef: input.externalRef }),
    },
    [opened],
    [],
    now,
  );
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
  deps: UseCaseDeps<StoreOf<"tickets"> & ContractLookups>,
  actor: Actor,
  contractId: string,
  status: TicketStatus | undefined,
  page: PageRequest,
): Promise<Page<Ticket>> {
  assertAllowed(actor, "tickets.read");
  const contract = await findContract(deps, actor, contractId);
  return deps.store.tickets.listTicketsOfContract(contract.customerId, contract.id, { status, ...page });
}

function withoutUndefined(contact: NonNullable<OpenTicketInput["contact"]>): NonNullable<Ticket["contact"]> {
  return {
    name: contact.name,
    ...(contact.email === undefined ? {} : { email: contact.email }),
    ...(contact.phone === undefined ? {} : { phone: contact.phone }),
  };
}

/** The events a customer may add: a (public) note, and reopening a ticket that is not solved for them. */
const CUSTOMER_EVENTS: readonly TimelineEvent["type"][] = ["note", "reopened"];

export interface TicketEventInput {
  type: Exclude<TimelineEvent["type"], "opened">;
  /** When it happened (staff only); default now. Not in the future, not before the previous event. */
  at?: string | undefined;
  message?: string | undefined;
  /** Only a note may be internal, and only staff write internal notes. */
  internal?: boolean | undefined;
}

/** How often an event is retried against a ticket that changed under it before giving up. */
const APPEND_ATTEMPTS = 10;

/**
 * `POST /tickets/{id}/events`: appends one event to the ticket's timeline (appendEvent keeps it
 * valid), recomputes its state, clocks and watch moment, and writes it on the condition that nobody
 * wrote the ticket since it was read; a concurrent event makes it re-read and re-decide, so two events
 * can never both be appended to the same state.
 */
export async function addTicketEvent(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  actor: Actor,
  ticketId: string,
  input: TicketEventInput,
): Promise<Ticket> {
  assertAllowed(actor, "tickets.read");
  if (!isStaff(actor)) {
    if (!CUSTOMER_EVENTS.includes(input.type)) {
      throw new ForbiddenError(`Only staff may add a ${input.type} event`, {
        type: "customers add note or reopened",
      });
    }
    if (input.at !== undefined)
      throw new ForbiddenError("Only staff may set at", { at: "only staff may set it" });
    if (input.internal === true) {
      throw new ForbiddenError("Only staff may write internal notes", { internal: "only staff may set it" });
    }
  }
  const eventId = deps.ids.newId("evt");
  for (let attempt = 0; ; attempt++) {
    const ticket = await findTicket(deps, actor, ticketId);
    const now = deps.clock.now();
    const event: TimelineEvent = {
      id: eventId,
      type: input.type,
      at: input.at ?? isoInstant(now),
      by: actor.subject,
      ...(input.message === undefined ? {} : { message: input.message }),
      ...(input.internal === true ? { internal: true } : {}),
    };
    const timeline = timelineOf(ticket);
    const appended = appendEvent(timeline, event, now);
    if (appended.length === timeline.length) return ticket; // a retry of an event already stored
    const next = recomputedTicket(ticket, appended, raisedOf(ticket), now);
    if (await deps.store.tickets.saveTicket(next, ticket.version ?? 0)) return next;
    if (attempt + 1 >= APPEND_ATTEMPTS) {
      throw new Error(`Ticket ${ticketId} kept changing while an event was appended`);
    }
  }
}

/**
 * v1's first response, now the timeline's `responded` event: the clock stops, the SLA is met or not.
 * Asking again answers with the first response (only the first one counts).
 */
export async function respondToTicket(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  actor: Actor,
  ticketId: string,
): Promise<Ticket> {
  assertAllowed(actor, "tickets.respond");
  const ticket = await findTicket(deps, actor, ticketId);
  if (timelineOf(ticket).some((event) => event.type === "responded")) return ticket;
  return addTicketEvent(deps, actor, ticketId, { type: "responded" });
}

export interface TicketQueueQuery extends PageRequest {
  status?: TicketStatus | undefined;
  customerId?: string | undefined;
  priority?: Priority | undefined;
}

/**
 * `GET /tickets`: the tickets across customers, soonest deadline first (resolved ones by their
 * resolution, after every open one when `status` does not ask for them). Customers see only theirs.
 */
export async function listTicketQueue(
  deps: UseCaseDeps<StoreOf<"tickets">>,
  actor: Actor,
  query: TicketQueueQuery,
): Promise<Page<Ticket>> {
  assertAllowed(actor, "tickets.read");
  const customerId = isStaff(actor) ? query.customerId : (actor.customerId ?? "");
  return deps.store.tickets.listTicketQueue({ ...query, customerId });
}
