import type { DeliveryLog, DeliveryRecord, PlannedDelivery } from "../../domain/notifications.js";

/**
 * The delivery log in memory: for tests and for a single process. It keeps the port's promise the
 * same way a conditional write does: a claim succeeds only if the delivery is not sent and no live
 * claim holds it (JavaScript runs one claim at a time, so check and write cannot interleave).
 */
export class InMemoryDeliveryLog implements DeliveryLog {
  private readonly records = new Map<string, DeliveryRecord>();

  async claim(delivery: PlannedDelivery, alertId: string, at: Date, leaseMillis: number): Promise<boolean> {
    const kept = this.records.get(delivery.id);
    if (kept?.status === "sent") return false;
    if (kept?.status === "sending" && Date.parse(kept.attemptedAt) + leaseMillis > at.getTime()) return false;
    this.records.set(delivery.id, {
      id: delivery.id,
      alertId,
      email: delivery.recipient.email,
      role: delivery.recipient.role,
      topic: delivery.recipient.topic,
      status: "sending",
      attempts: (kept?.attempts ?? 0) + 1,
      attemptedAt: at.toISOString(),
      sentAt: null,
      messageId: null,
      error: null,
    });
    return true;
  }

  async markSent(id: string, result: { sentAt: Date; messageId: string }): Promise<void> {
    const kept = this.mustGet(id);
    this.records.set(id, {
      ...kept,
      status: "sent",
      sentAt: result.sentAt.toISOString(),
      messageId: result.messageId,
      error: null,
    });
  }

  async markFailed(id: string, result: { at: Date; error: string }): Promise<void> {
    const kept = this.mustGet(id);
    this.records.set(id, {
      ...kept,
      status: "failed",
      attemptedAt: result.at.toISOString(),
      error: result.error,
    });
  }

  async listForAlert(alertId: string): Promise<DeliveryRecord[]> {
    return [...this.records.values()].filter((r) => r.alertId === alertId).map((r) => ({ ...r }));
  }

  private mustGet(id: string): DeliveryRecord {
    const kept = this.records.get(id);
    if (!kept) throw new Error(`Delivery ${id} was never claimed`);
    return kept;
  }
}
