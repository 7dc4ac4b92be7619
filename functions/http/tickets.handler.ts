import { ContractStore } from "../../domain/store/contract-store.js";
import { IdempotencyStore } from "../../domain/store/idempotency-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { DynamoTicketStore } from "../../domain/store/ticket-store.js";
import { getTicket, listTickets, openTicket, respondToTicket } from "../../domain/use-cases/tickets.js";
import { listTicketsQuerySchema, openTicketSchema } from "../schemas/ticket.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { ticketQueueDeps } from "../shared/ticket-queue-deps.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { firstResponseView, ticketView } from "./sla-views.js";
import { pageView } from "./views.js";

/** Tickets, the contracts they are opened on, and the records of retried requests. */
const deps = storeDeps((table) =>
  storeOf(new ContractStore(table), {
    tickets: new DynamoTicketStore(table.doc, table.name),
    idempotency: new IdempotencyStore(table),
  }),
);

export const handler = httpHandler("tickets", deps, {
  "POST /tickets": async (request, deps) => {
    const input = parseWith(openTicketSchema, request.body);
    const ticket = await openTicket(ticketQueueDeps(deps), actorOf(request), input);
    return { statusCode: 201, body: ticketView(ticket, deps.clock.now()) };
  },
  "GET /tickets/{ticketId}": async (request, deps) => {
    const ticket = await getTicket(deps, actorOf(request), pathId(request, "ticketId"));
    return { statusCode: 200, body: ticketView(ticket, deps.clock.now()) };
  },
  "GET /contracts/{contractId}/tickets": async (request, deps) => {
    const query = parseWith(listTicketsQuerySchema, request.query, "query");
    const page = await listTickets(
      deps,
      actorOf(request),
      pathId(request, "contractId"),
      query.status,
      pageOf(query),
    );
    const now = deps.clock.now();
    return { statusCode: 200, body: pageView(page, (ticket) => ticketView(ticket, now)) };
  },
  "POST /tickets/{ticketId}/responses": async (request, deps) => {
    const ticket = await respondToTicket(deps, actorOf(request), pathId(request, "ticketId"));
    return { statusCode: 200, body: firstResponseView(ticket) };
  },
});
