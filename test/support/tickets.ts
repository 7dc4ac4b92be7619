import type { Alert, AlertPublisher } from "../../domain/alert.js";
import { DEFAULT_SLA, type SlaTerms } from "../../domain/sla-terms.js";
import type { SlaWatchEntry, Ticket, TicketQueue } from "../../domain/ticket.js";
import { openedTicket } from "../../domain/ticket-clock.js";

/** A ticket as `openTicket` would make it, for pure and store tests. */
export function aTicket(
  overrides: {
    id?: string;
    contractId?: string;
    customerId?: string;
    priority?: Ticket["priority"];
    receivedAt?: string;
    sla?: Partial<SlaTerms>;
    now?: string;
  } = {},
): Ticket {
  const receivedAt = overrides.receivedAt ?? "2026-11-23T08:00:00Z";
  return openedTicket({
    id: overrides.id ?? `tkt_${Math.random().toString(36).slice(2, 12)}`,
    contractId: overrides.contractId ?? "con_1",
    customerId: overrides.customerId ?? "cus_1",
    priority: overrides.priority ?? "P1",
    subject: "Printer on fire",
    receivedAt: new Date(receivedAt),
    sla: { ...DEFAULT_SLA, ...overrides.sla },
    openedBy: "tech",
    now: new Date(overrides.now ?? receivedAt),
  });
}

/** Records what a publisher was asked to publish; can be told to fail. */
export class RecordingPublisher implements AlertPublisher {
  readonly published: Alert[] = [];
  failing = false;
  async publish(alert: Alert): Promise<void> {
    if (this.failing) throw new Error("SNS is down");
    this.published.push(alert);
  }
}

/** A ticket queue that keeps its messages for the test to deliver (and redeliver) by hand. */
export class HeldTicketQueue implements TicketQueue {
  readonly opened: SlaWatchEntry[] = [];
  readonly checks: SlaWatchEntry[] = [];
  async ticketOpened(entry: SlaWatchEntry): Promise<void> {
    this.opened.push(entry);
  }
  async enqueueChecks(entries: SlaWatchEntry[]): Promise<{ failed: number }> {
    this.checks.push(...entries);
    return { failed: 0 };
  }
  takeChecks(): SlaWatchEntry[] {
    return this.checks.splice(0, this.checks.length);
  }
}
