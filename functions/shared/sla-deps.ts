import type { AlertPublisher } from "../../domain/alert.js";
import { DynamoAlertStore } from "../../domain/store/alert-store.js";
import type { StoreTable } from "../../domain/store/table.js";
import { DynamoTicketStore } from "../../domain/store/ticket-store.js";
import type { TicketQueue } from "../../domain/ticket.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import type { SlaDeps } from "../../domain/use-cases/sla-watch.js";
import { configuredAlertPublisher } from "./alert-publisher.js";
import { storeDeps } from "./deps.js";
import { setTicketQueue, ticketQueueDeps } from "./ticket-queue-deps.js";

let alertPublisher: AlertPublisher | undefined;

/** The SLA watch's store: tickets with their watch, and the alert outbox. */
export function slaWatchStore(table: StoreTable) {
  return {
    tickets: new DynamoTicketStore(table.doc, table.name),
    alerts: new DynamoAlertStore(table.doc, table.name),
  };
}

/** The ports of the SLA watch's jobs. */
export const slaWatchDeps = /* @__PURE__ */ storeDeps(slaWatchStore);

/** The SLA watch's ports: a function's ports plus the ticket queue and the alert publisher (module scope). */
export function slaDeps<S extends SlaDeps["store"]>(
  base: UseCaseDeps<S>,
): UseCaseDeps<S> & Omit<SlaDeps, "store"> {
  alertPublisher ??= configuredAlertPublisher();
  return { ...ticketQueueDeps(base), alertPublisher };
}

/** Tests put their own adapters in place (a recording publisher); undefined goes back to configuration. */
export function setSlaAdapters(next: { ticketQueue?: TicketQueue; alertPublisher?: AlertPublisher }): void {
  setTicketQueue(next.ticketQueue);
  alertPublisher = next.alertPublisher;
}
