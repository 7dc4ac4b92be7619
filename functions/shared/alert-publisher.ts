import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Alert, AlertPublisher } from "../../domain/alert.js";
import { alertView } from "../http/sla-views.js";
import { readConfig } from "./config.js";
import { logger } from "./logger.js";

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
        Message: JSON.stringify(alertView(alert)),
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
  async publish(alert: Alert): Promise<void> {
    logger.info("Alert published", {
      alertId: alert.id,
      type: alert.type,
      customerId: alert.customerId,
      contractId: alert.contractId,
      ...(alert.ticketId ? { ticketId: alert.ticketId } : {}),
    });
  }
}

/** The publisher configuration asks for: SNS when `ALERT_TOPIC_ARN` is set, the log otherwise. */
export function configuredAlertPublisher(): AlertPublisher {
  const config = readConfig();
  if (!config.alertTopicArn) return new LoggingAlertPublisher();
  return new SnsAlertPublisher(
    new SNSClient({ region: config.region ?? "eu-central-1" }),
    config.alertTopicArn,
  );
}
