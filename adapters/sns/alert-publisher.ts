import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { type Alert, type AlertPublisher, alertMessage } from "../../domain/alert.js";
import type { AdapterLog } from "../log.js";

/**
 * Publishes alerts to the SNS topic: the JSON alert as the message, its `type` (and `customerId`) as
 * message attributes so subscriptions can filter on them.
 */
export class SnsAlertPublisher implements AlertPublisher {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(alert: Alert): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(alertMessage(alert)),
        MessageAttributes: {
          type: { DataType: "String", StringValue: alert.type },
          customerId: { DataType: "String", StringValue: alert.customerId },
        },
      }),
    );
  }
}

/** Locally there is no topic: alerts are stored (by the use cases) and logged here. */
export class LoggingAlertPublisher implements AlertPublisher {
  constructor(private readonly log: AdapterLog) {}

  async publish(alert: Alert): Promise<void> {
    this.log.info("Alert published", {
      alertId: alert.id,
      type: alert.type,
      customerId: alert.customerId,
      contractId: alert.contractId,
      ...(alert.ticketId ? { ticketId: alert.ticketId } : {}),
    });
  }
}

/** SNS when a topic is configured (deployed), the log otherwise (locally). */
export function alertPublisherFor(
  config: { alertTopicArn?: string | undefined; region?: string | undefined },
  log: AdapterLog,
): AlertPublisher {
  if (!config.alertTopicArn) return new LoggingAlertPublisher(log);
  return new SnsAlertPublisher(
    new SNSClient({ region: config.region ?? "eu-central-1" }),
    config.alertTopicArn,
  );
}
