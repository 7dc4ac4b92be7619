import type { AlertPublisher } from "../../domain/alert.js";
import type { TicketQueue } from "../../domain/ticket.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import type { SlaDeps } from "../../domain/use-cases/sla-watch.js";
import { configuredAlertPublisher } from "./alert-publisher.js";
import { useCaseDeps } from "./deps.js";
import { setTicketQueue, ticketQueueDeps } from "./ticket-queue-deps.js";

let alertPublisher: AlertPublisher | undefined;

/** The SLA watch's ports: the use-case ports plus the ticket queue and the alert publisher (module scope). */
export function slaDeps(base: UseCaseDeps = useCaseDeps()): SlaDeps {
  alertPublisher ??= configuredAlertPublisher();
  return { ...ticketQueueDeps(base), alertPublisher };
}

/** Tests put their own adapters in place (a recording publisher); undefined goes back to configuration. */
export function setSlaAdapters(next: { ticketQueue?: TicketQueue; alertPublisher?: AlertPublisher }): void {
  setTicketQueue(next.ticketQueue);
  alertPublisher = next.alertPublisher;
}
