import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type { CfnElement } from "aws-cdk-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTableInput, localDynamoClient } from "../../infra/local/provision.js";
import { ensureQueue, localSqsClient, type RunningSqs, startSqsLocal } from "../../infra/local/sqs-local.js";
import { QUEUES, type QueueName, TABLE } from "../../infra/resources.js";
import { NO_DASHBOARD, synthKoad } from "../support/cdk.js";
import { freshTable } from "../support/dynamo.js";

/**
 * The local system and the CDK app must build the same table and queues: both come from
 * infra/resources.ts, and these tests compare what each actually produces.
 */
const koad = synthKoad({ dashboardDir: NO_DASHBOARD });
const table = Object.values(koad.statefulTemplate.findResources("AWS::DynamoDB::Table"))[0]!.Properties;
const sortBy = <T>(items: T[], key: (item: T) => string) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));
const byName = (item: { AttributeName?: string; IndexName?: string }) =>
  item.AttributeName ?? item.IndexName ?? "";

describe("one source of truth: the table", () => {
  const local = createTableInput(TABLE);

  it("has the key schema of the local CreateTable input", () => {
    expect(table.KeySchema).toEqual(local.KeySchema);
  });

  it("has the attribute definitions of the local CreateTable input", () => {
    expect(sortBy(table.AttributeDefinitions, byName)).toEqual(sortBy(local.AttributeDefinitions!, byName));
  });

  it("has the indexes of the local CreateTable input", () => {
    expect(sortBy(table.GlobalSecondaryIndexes, byName)).toEqual(
      sortBy(local.GlobalSecondaryIndexes!, byName),
    );
  });

  it("bills the same way", () => {
    expect(table.BillingMode).toBe(local.BillingMode);
  });

  it("expires items on the attribute the store writes its expiry to", () => {
    expect(table.TimeToLiveSpecification).toEqual({
      AttributeName: TABLE.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it("equals the table DynamoDB Local actually created for the local system", async () => {
    const { endpoint, tableName } = await freshTable();
    const client = localDynamoClient(endpoint);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    client.destroy();
    expect(Table?.KeySchema).toEqual(table.KeySchema);
    expect(sortBy(Table?.AttributeDefinitions ?? [], byName)).toEqual(
      sortBy(table.AttributeDefinitions, byName),
    );
    const localIndexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: index.Projection,
    }));
    expect(sortBy(localIndexes, byName)).toEqual(sortBy(table.GlobalSecondaryIndexes, byName));
  });
});

describe("one source of truth: the queues", () => {
  const queues = koad.statefulTemplate.findResources("AWS::SQS::Queue");
  const synthesized = (name: QueueName) => {
    const { queue, deadLetterQueue } = koad.stateful.resources.queues[name];
    return {
      queue: queues[koad.stateful.getLogicalId(queue.node.defaultChild as CfnElement)]!.Properties,
      deadLetterQueue:
        queues[koad.stateful.getLogicalId(deadLetterQueue.node.defaultChild as CfnElement)]!.Properties,
    };
  };

  let sqs: RunningSqs;
  beforeAll(async () => {
    sqs = await startSqsLocal();
  });
  afterAll(async () => {
    await sqs.stop();
  });

  it.each(Object.keys(QUEUES) as QueueName[])(
    "%s: visibility timeout, redrive and dead-letter retention equal the local queue's",
    async (name) => {
      const client = localSqsClient(sqs.endpoint);
      const local = await ensureQueue(client, QUEUES[name], "truth-");
      const attributes = async (url: string) =>
        (await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] })))
          .Attributes ?? {};
      const localQueue = await attributes(local.url);
      const localDeadLetterQueue = await attributes(local.deadLetterUrl);
      client.destroy();
      const { queue, deadLetterQueue } = synthesized(name);

      expect(queue.VisibilityTimeout).toBe(Number(localQueue.VisibilityTimeout));
      expect(queue.VisibilityTimeout).toBe(QUEUES[name].visibilityTimeoutSeconds);
      const localRedrive = JSON.parse(localQueue.RedrivePolicy ?? "{}");
      expect(queue.RedrivePolicy.maxReceiveCount).toBe(Number(localRedrive.maxReceiveCount));
      expect(queue.RedrivePolicy.maxReceiveCount).toBe(QUEUES[name].maxReceiveCount);
      expect(deadLetterQueue.MessageRetentionPeriod).toBe(
        Number(localDeadLetterQueue.MessageRetentionPeriod),
      );
      expect(deadLetterQueue.MessageRetentionPeriod).toBe(QUEUES[name].dlqRetentionSeconds);
    },
  );
});
