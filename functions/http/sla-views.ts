import { type Alert, alertMessage } from "../../domain/alert.js";
import type { SlaReport } from "../../domain/sla-report.js";
import { isBreached, type Ticket } from "../../domain/ticket.js";
import type {
  AlertResponse,
  FirstResponseResponse,
  SlaReportResponse,
  TicketResponse,
} from "../schemas/ticket.schema.js";

/** Response bodies of tickets, alerts and SLA reports: each field listed on purpose, typed by its schema. */

export function ticketView(ticket: Ticket, now: Date): TicketResponse {
  return {
    id: ticket.id,
    contractId: ticket.contractId,
    customerId: ticket.customerId,
    priority: ticket.priority,
    subject: ticket.subject,
    status: ticket.status,
    receivedAt: ticket.receivedAt,
    responseDueAt: ticket.responseDueAt,
    warnAt: ticket.warnAt,
    ...(ticket.respondedAt === null
      ? {}
      : {
          respondedAt: ticket.respondedAt,
          slaMet: ticket.slaMet,
          responseMinutes: ticket.responseMinutes,
        }),
    breached: isBreached(ticket, now),
    createdAt: ticket.createdAt,
  };
}

export function firstResponseView(ticket: Ticket): FirstResponseResponse {
  return {
    ticketId: ticket.id,
    respondedAt: ticket.respondedAt,
    slaMet: ticket.slaMet,
    responseMinutes: ticket.responseMinutes,
    responseDueAt: ticket.responseDueAt,
  };
}

/** An alert as the API lists it (and as it is published to SNS). */
export const alertView: (alert: Alert) => AlertResponse = alertMessage;

export function slaReportView(report: SlaReport & { customerId: string }): SlaReportResponse {
  return {
    customerId: report.customerId,
    month: report.month,
    tickets: report.tickets,
    met: report.met,
    breached: report.breached,
    open: report.open,
    compliancePercent: report.compliancePercent,
    medianResponseMinutes: report.medianResponseMinutes,
    byPriority: report.byPriority,
  };
}
