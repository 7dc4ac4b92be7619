import type { TicketQueue } from "../../domain/ticket.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { configuredTicketQueue } from "./ticket-queue.js";

let ticketQueue: TicketQueue | undefined;

/**
 * A function's ports plus the ticket queue (module scope): what opening a ticket needs. Apart from
 * `slaDeps` so that the tickets function does not carry the SNS client it never uses.
 */
export function ticketQueueDeps<S>(base: UseCaseDeps<S>): UseCaseDeps<S> & { ticketQueue: TicketQueue } {
  ticketQueue ??= configuredTicketQueue();
  return { ...base, ticketQueue };
}

/** Tests put their own queue in place; undefined goes back to configuration. */
export function setTicketQueue(next: TicketQueue | undefined): void {
  ticketQueue = next;
}
