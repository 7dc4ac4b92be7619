import { isoInstant } from "./calendar.js";
import { responseClock, slaCalendar } from "./sla-calendar.js";
import type { Priority, SlaTerms } from "./sla-terms.js";
import type { Ticket } from "./ticket.js";

/** A ticket's SLA clock: opening starts it (deadline, warning), the first response stops it. */

export interface NewTicket {
  id: string;
  contractId: string;
  customerId: string;
  priority: Priority;
  subject: string;
  receivedAt: Date;
  sla: SlaTerms;
  openedBy: string;
  now: Date;
}

/** A new ticket with its deadline and warning moment; the watch starts at the warning. */
export function openedTicket(input: NewTicket): Ticket {
  // The API keeps whole seconds: the clock starts at the receipt as stored.
  const receivedAt = new Date(Math.floor(input.receivedAt.getTime() / 1000) * 1000);
  const clock = responseClock(input.sla, input.priority, receivedAt);
  const warnAt = isoInstant(clock.warnAt);
  return {
    id: input.id,
    contractId: input.contractId,
    customerId: input.customerId,
    priority: input.priority,
    subject: input.subject,
    receivedAt: isoInstant(receivedAt),
    responseDueAt: isoInstant(clock.responseDueAt),
    warnAt,
    status: "open",
    sla: input.sla,
    watch: { stage: "warning", at: warnAt },
    warnedAt: null,
    breachedAt: null,
    respondedAt: null,
    respondedBy: null,
    slaMet: null,
    responseMinutes: null,
    openedBy: input.openedBy,
    createdAt: isoInstant(input.now),
  };
}

/** The ticket after its first response at `at`: the clock stops, the watch lets go. */
export function withFirstResponse(ticket: Ticket, at: Date, by: string): Ticket {
  const respondedAt = isoInstant(at);
  const inWindow = slaCalendar(ticket.sla).inWindowMillis(new Date(ticket.receivedAt), new Date(respondedAt));
  return {
    ...ticket,
    status: "responded",
    respondedAt,
    respondedBy: by,
    slaMet: respondedAt <= ticket.responseDueAt,
    responseMinutes: Math.ceil(inWindow / 60_000),
    watch: null,
  };
}
