import type { TicketQueue } from "../../domain/ticket.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import {
  addTicketEvent,
  getTicket,
  listTicketQueue,
  listTickets,
  openTicket,
  respondToTicket,
} from "../../domain/use-cases/tickets.js";
import {
  listTicketsQuerySchema,
  openTicketSchema,
  ticketEventSchema,
  ticketQueueQuerySchema,
} from "../schemas/ticket.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { firstResponseView, ticketView } from "./sla-views.js";
import { pageView } from "./views.js";

/** The tickets function's ports: tickets, their contracts, idempotency records and the ticket queue. */
export type TicketsPorts = UseCaseDeps<StoreOf<"tickets" | "idempotency"> & ContractLookups> & {
  ticketQueue: TicketQueue;
};

export const ticketRoutes: GroupRoutes<"tickets", TicketsPorts> = {
  "POST /tickets": async (request, ports) => {
    const input = parseWith(openTicketSchema, request.body);
    const actor = actorOf(request);
    const ticket = await openTicket(ports, actor, input);
    return { statusCode: 201, body: ticketView(ticket, ports.clock.now(), actor.role) };
  },
  "GET /tickets": async (request, ports) => {
    const query = parseWith(ticketQueueQuerySchema, request.query, "query");
    const actor = actorOf(request);
    const page = await listTicketQueue(ports, actor, { ...query, ...pageOf(query) });
    const now = ports.clock.now();
    return { statusCode: 200, body: pageView(page, (ticket) => ticketView(ticket, now, actor.role)) };
  },
  "GET /tickets/{ticketId}": async (request, ports) => {
    const actor = actorOf(request);
    const ticket = await getTicket(ports, actor, pathId(request, "ticketId"));
    return { statusCode: 200, body: ticketView(ticket, ports.clock.now(), actor.role) };
  },
  "POST /tickets/{ticketId}/events": async (request, ports) => {
    const input = parseWith(ticketEventSchema, request.body);
    const actor = actorOf(request);
    const ticket = await addTicketEvent(ports, actor, pathId(request, "ticketId"), input);
    return { statusCode: 201, body: ticketView(ticket, ports.clock.now(), actor.role) };
  },
  "GET /contracts/{contractId}/tickets": async (request, ports) => {
    const query = parseWith(listTicketsQuerySchema, request.query, "query");
    const actor = actorOf(request);
    const page = await listTickets(ports, actor, pathId(request, "contractId"), query.status, pageOf(query));
    const now = ports.clock.now();
    return { statusCode: 200, body: pageView(page, (ticket) => ticketView(ticket, now, actor.role)) };
  },
  "POST /tickets/{ticketId}/responses": async (request, ports) => {
    const ticket = await respondToTicket(ports, actorOf(request), pathId(request, "ticketId"));
    return { statusCode: 200, body: firstResponseView(ticket) };
  },
};
