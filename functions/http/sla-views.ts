import type { Actor } from "../../domain/access.js";
import { type Alert, alertMessage } from "../../domain/alert.js";
import type { MonthSlaReport } from "../../domain/sla-month-report.js";
import type { Ticket } from "../../domain/ticket.js";
import { clocksOf, timelineOf } from "../../domain/ticket-life.js";
import type { TargetClock } from "../../domain/ticket-sla.js";
import {
  allowedEvents,
  type TimelineEvent,
  timelineStatus,
  visibleTimeline,
} from "../../domain/ticket-timeline.js";
import type {
  AlertResponse,
  FirstResponseResponse,
  SlaReportResponse,
  TicketResponse,
} from "../schemas/ticket.schema.js";

/** Response bodies of tickets, alerts and SLA reports: each field listed on purpose, typed by its schema. */

function clockView(clock: TargetClock) {
  return {
    state: clock.state,
    targetMinutes: clock.targetMinutes,
    consumedMinutes: clock.consumedMinutes,
    dueAt: clock.dueAt,
    warnAt: clock.warnAt,
    metAt: clock.metAt,
    met: clock.met,
    breached: clock.breached,
  };
}

function eventView(event: TimelineEvent) {
  return {
    id: event.id,
    type: event.type,
    at: event.at,
    by: event.by,
    ...(event.message === undefined ? {} : { message: event.message }),
    ...(event.internal === true ? { internal: true as const } : {}),
  };
}

/**
 * A ticket with its clocks as of `now`, recomputed from its timeline (SPEC §8): the due dates are null
 * while pending (`pausedSince` says since when). `responseDueAt` and `warnAt` keep v1's meaning once
 * the response came (the deadline it had). Customers do not see internal notes.
 */
export function ticketView(ticket: Ticket, now: Date, role: Actor["role"] = "admin"): TicketResponse {
  const clocks = clocksOf(ticket, now);
  const timeline = timelineOf(ticket);
  const responseDone = clocks.response.state === "done";
  return {
    id: ticket.id,
    contractId: ticket.contractId,
    customerId: ticket.customerId,
    priority: ticket.priority,
    subject: ticket.subject,
    ...(ticket.description === undefined ? {} : { description: ticket.description }),
    ...(ticket.contact === undefined ? {} : { contact: ticket.contact }),
    ...(ticket.externalRef === undefined ? {} : { externalRef: ticket.externalRef }),
    status: ticket.status,
    receivedAt: ticket.receivedAt,
    responseDueAt: responseDone ? ticket.responseDueAt : clocks.response.dueAt,
    warnAt: responseDone ? ticket.warnAt : clocks.response.warnAt,
    responseWarnAt: clocks.response.warnAt,
    resolutionDueAt: clocks.resolution.dueAt,
    resolutionWarnAt: clocks.resolution.warnAt,
    pausedSince: clocks.resolution.pausedSince ?? clocks.response.pausedSince,
    ...(ticket.respondedAt === null
      ? {}
      : {
          respondedAt: ticket.respondedAt,
          slaMet: ticket.slaMet,
          responseMinutes: ticket.responseMinutes,
        }),
    breached: clocks.response.breached,
    sla: { response: clockView(clocks.response), resolution: clockView(clocks.resolution) },
    timeline: visibleTimeline(timeline, role).map(eventView),
    allowedEvents: allowedEvents(timelineStatus(timeline)).filter((type) => type !== "opened"),
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

export function slaReportView(report: MonthSlaReport & { customerId: string }): SlaReportResponse {
  return {
    customerId: report.customerId,
    month: report.month,
    tickets: report.tickets,
    met: report.met,
    breached: report.breached,
    open: report.open,
    compliancePercent: report.compliancePercent,
    medianResponseMinutes: report.medianResponseMinutes,
    response: report.response,
    resolution: report.resolution,
    pendingMinutes: report.pendingMinutes,
    byPriority: report.byPriority,
  };
}
