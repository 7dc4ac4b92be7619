import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { QUEUES, TABLE } from "../../infra/resources.js";
import { USER_ROLES } from "../../infra/stateful-stack.js";
import { NO_DASHBOARD, synthKoad } from "../support/cdk.js";

// One synthesis per context variant for the whole file.
const koad = synthKoad({ dashboardDir: NO_DASHBOARD });
const withEmail = synthKoad({ dashboardDir: NO_DASHBOARD, context: { alertEmail: "ops@example.com" } });
const template = koad.statefulTemplate;

describe("stateful stack: the table", () => {
  it("is on-demand, point-in-time recoverable, deletion protected and retained", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        BillingMode: "PAY_PER_REQUEST",
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        // SSEEnabled without a key: KMS with the AWS-managed aws/dynamodb key.
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it("expires idempotency records through TTL on the shared expiry attribute", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
    });
  });

  it("has every index of the shared definition, projecting all attributes", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    });
  });
});

describe("stateful stack: the queues", () => {
  const queues = template.findResources("AWS::SQS::Queue");
  const policies = template.findResources("AWS::SQS::QueuePolicy");

  it("gives every work queue of the shared definition a dead-letter queue and a redrive policy", () => {
    for (const [name, definition] of Object.entries(QUEUES)) {
      const { queue, deadLetterQueue } = koad.stateful.resources.queues[name as keyof typeof QUEUES];
      const queueId = koad.stateful.getLogicalId(queue.node.defaultChild as never);
      const dlqId = koad.stateful.getLogicalId(deadLetterQueue.node.defaultChild as never);
      expect(queues[queueId]?.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { "Fn::GetAtt": [dlqId, "Arn"] },
        maxReceiveCount: definition.maxReceiveCount,
      });
    }
  });

  it("encrypts every queue at rest", () => {
    expect(Object.keys(queues).length).toBe(Object.keys(QUEUES).length * 2 + 1); // + the scheduler's DLQ
    for (const queue of Object.values(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled ?? queue.Properties.KmsMasterKeyId).toBeTruthy();
    }
  });

  it("refuses unencrypted transport on every queue", () => {
    const guarded = new Set<string>();
    for (const policy of Object.values(policies)) {
      const denies = policy.Properties.PolicyDocument.Statement.some(
        (statement: Record<string, unknown>) =>
          statement.Effect === "Deny" &&
          JSON.stringify(statement.Condition) ===
            JSON.stringify({ Bool: { "aws:SecureTransport": "false" } }),
      );
      if (denies) for (const queue of policy.Properties.Queues) guarded.add(queue.Ref);
    }
    expect([...guarded].sort()).toEqual(Object.keys(queues).sort());
  });
});

describe("stateful stack: the alert topic", () => {
  it("is encrypted with a rotating customer key that CloudWatch alarms may use", () => {
    const keys = template.findResources("AWS::KMS::Key");
    const [keyId] = Object.keys(keys);
    template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: { "Fn::GetAtt": [keyId, "Arn"] } });
    template.hasResourceProperties("AWS::KMS::Key", {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          }),
        ]),
      },
    });
  });

  it("accepts publishing only over TLS, and lets CloudWatch alarms publish", () => {
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
          Match.objectLike({
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "sns:Publish",
          }),
        ]),
      },
    });
  });

  it("subscribes the alert e-mail only when the context names one", () => {
    template.resourceCountIs("AWS::SNS::Subscription", 0);
    withEmail.statefulTemplate.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
  });
});

describe("stateful stack: the user pool", () => {
  it("carries the role and customer attributes the API's claims come from", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: "role", AttributeDataType: "String", Mutable: true }),
        Match.objectLike({ Name: "customerId", AttributeDataType: "String", Mutable: true }),
      ]),
    });
  });

  it("is invite-only, requires TOTP MFA and strong passwords, and is retained", () => {
    template.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: "ON",
        EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
        DeletionProtection: "ACTIVE",
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
  });

  it("has a group per role", () => {
    const groups = Object.values(template.findResources("AWS::Cognito::UserPoolGroup")).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...USER_ROLES].sort());
  });
});
