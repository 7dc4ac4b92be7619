import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { SnsAlertPublisher } from "../../adapters/sns/alert-publisher.js";
import type { Alert } from "../../domain/alert.js";

const sns = mockClient(SNSClient);
const TOPIC = "arn:aws:sns:eu-central-1:123456789012:koad-alerts";

function anAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: "alr_1",
    type: "sla.breached",
    customerId: "cus_1",
    contractId: "con_1",
    ticketId: "tkt_1",
    at: "2026-11-23T09:00:10Z",
    details: { priority: "P1", responseDueAt: "2026-11-23T09:00:00Z" },
    ...overrides,
  };
}

describe("SnsAlertPublisher", () => {
  afterEach(() => sns.reset());

  it("publishes the alert as JSON with its type as a message attribute", async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
    const publisher = new SnsAlertPublisher(new SNSClient({ region: "eu-central-1" }), TOPIC);

    // Act
    await publisher.publish(anAlert());

    // Assess
    const [call] = sns.commandCalls(PublishCommand);
    const input = call!.args[0].input;
    expect(input.TopicArn).toBe(TOPIC);
    expect(input.MessageAttributes?.type).toEqual({ DataType: "String", StringValue: "sla.breached" });
    expect(input.MessageAttributes?.customerId).toEqual({ DataType: "String", StringValue: "cus_1" });
    expect(JSON.parse(input.Message ?? "")).toEqual({
      id: "alr_1",
      type: "sla.breached",
      customerId: "cus_1",
      contractId: "con_1",
      ticketId: "tkt_1",
      at: "2026-11-23T09:00:10Z",
      details: { priority: "P1", responseDueAt: "2026-11-23T09:00:00Z" },
    });
  });

  it("publishes a quota alert with its month and without a ticket", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-2" });
    const publisher = new SnsAlertPublisher(new SNSClient({ region: "eu-central-1" }), TOPIC);
    await publisher.publish(
      anAlert({ type: "quota.threshold", ticketId: undefined, month: "2026-11", details: { percent: 80 } }),
    );
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.MessageAttributes?.type?.StringValue).toBe("quota.threshold");
    const message = JSON.parse(input.Message ?? "");
    expect(message).toMatchObject({ month: "2026-11", details: { percent: 80 } });
    expect(message).not.toHaveProperty("ticketId");
  });

  it("lets a failed publish throw, so the alert stays in the outbox", async () => {
    sns.on(PublishCommand).rejects(new Error("Throttled"));
    const publisher = new SnsAlertPublisher(new SNSClient({ region: "eu-central-1" }), TOPIC);
    await expect(publisher.publish(anAlert())).rejects.toThrow("Throttled");
  });
});
