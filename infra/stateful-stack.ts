import { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { NagSuppressions } from "cdk-nag";
import type { Construct } from "constructs";
import { QUEUES, type QueueDefinition, type QueueName, TABLE, type TableDefinition } from "./resources.js";

/** The roles of `custom:role`, each also a Cognito group (for the console and `cognito:groups`). */
export const USER_ROLES = ["admin", "technician", "customer"] as const;

export interface WorkQueue {
  queue: sqs.IQueue;
  deadLetterQueue: sqs.IQueue;
  definition: QueueDefinition;
}

/** What the stateless stack gets from the stateful one: typed, never looked up by name. */
export interface StatefulResources {
  table: dynamodb.ITable;
  /** Index names of the table, for per-index query grants. */
  indexNames: readonly string[];
  queues: Record<QueueName, WorkQueue>;
  /** Where EventBridge Scheduler puts invocations it could not deliver after its retries. */
  schedulerDeadLetterQueue: sqs.IQueue;
  alertTopic: sns.ITopic;
  alertKey: kms.IKey;
  userPool: cognito.IUserPool;
}

export interface KoadStatefulStackProps extends StackProps {
  /** Subscribed to the alert topic (context `alertEmail`); it must confirm the subscription. */
  alertEmail?: string | undefined;
  table?: TableDefinition;
  queues?: Record<QueueName, QueueDefinition>;
}

/**
 * Everything that holds data or identity: the table, the work queues and their dead-letter queues, the
 * alert topic and the user pool. It changes rarely, is retained on delete, and its resources come from
 * the shared definitions in infra/resources.ts, the same the local runtime builds from.
 */
export class KoadStatefulStack extends Stack {
  readonly resources: StatefulResources;

  constructor(scope: Construct, id: string, props: KoadStatefulStackProps = {}) {
    super(scope, id, props);
    const tableDefinition = props.table ?? TABLE;
    const table = this.table(tableDefinition);
    const queues = {} as Record<QueueName, WorkQueue>;
    for (const [name, definition] of Object.entries(props.queues ?? QUEUES) as [
      QueueName,
      QueueDefinition,
    ][]) {
      queues[name] = this.workQueue(name, definition);
    }
    const schedulerDeadLetterQueue = new sqs.Queue(this, "SchedulerDeadLetterQueue", {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    NagSuppressions.addResourceSuppressions(schedulerDeadLetterQueue, [
      {
        id: "AwsSolutions-SQS3",
        reason:
          "It is a dead-letter queue: EventBridge Scheduler's DeadLetterConfig on each schedule target points " +
          "here, which cdk-nag cannot see because no SQS redrive policy names it.",
      },
    ]);
    const { topic, key } = this.alerts(props.alertEmail);
    const userPool = this.userPool();

    this.resources = {
      table,
      indexNames: tableDefinition.indexes.map((index) => index.name),
      queues,
      schedulerDeadLetterQueue,
      alertTopic: topic,
      alertKey: key,
      userPool,
    };
  }

  private table(definition: TableDefinition): dynamodb.Table {
    const string = dynamodb.AttributeType.STRING;
    const table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: definition.partitionKey, type: string },
      sortKey: { name: definition.sortKey, type: string },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      // Idempotency records (and anything else with expiresAt) are deleted by DynamoDB, free of charge.
      timeToLiveAttribute: definition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The AWS-managed key (aws/dynamodb): every use is in CloudTrail, there is no key to rotate or pay
      // for monthly, and its key policy already admits the account's principals through DynamoDB, so the
      // function roles need no KMS grants. A customer key would add $1/month and grants for no control
      // KoAd uses (cross-account access, key deletion as a kill switch).
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    });
    for (const index of definition.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: string },
        sortKey: { name: index.sortKey, type: string },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  private workQueue(name: QueueName, definition: QueueDefinition): WorkQueue {
    const id = name.charAt(0).toUpperCase() + name.slice(1);
    const deadLetterQueue = new sqs.Queue(this, `${id}DeadLetterQueue`, {
      retentionPeriod: Duration.seconds(definition.dlqRetentionSeconds),
      // SQS-managed keys: encrypted at rest at no charge; a customer key would only add KMS calls per
      // message and grants on every producer and consumer.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const queue = new sqs.Queue(this, `${id}Queue`, {
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });
    return { queue, deadLetterQueue, definition };
  }

  private alerts(alertEmail: string | undefined): { topic: sns.Topic; key: kms.Key } {
    // A customer key, not aws/sns: CloudWatch alarms can publish to an encrypted topic only when the
    // key policy lets cloudwatch.amazonaws.com use the key, and the AWS-managed key's policy cannot change.
    const key = new kms.Key(this, "AlertKey", {
      description: "Encrypts KoAd's alert topic",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "CloudWatchAlarmsPublishToTheAlertTopic",
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: ["*"], // in a key policy, "*" is this key
        conditions: { StringEquals: { "aws:SourceAccount": this.account } },
      }),
    );
    const topic = new sns.Topic(this, "AlertTopic", {
      displayName: "KoAd alerts",
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy that enforceSSL creates replaces SNS's default one: alarms need an explicit allow.
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "CloudWatchAlarmsPublish",
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["sns:Publish"],
        resources: [topic.topicArn],
        conditions: { StringEquals: { "aws:SourceAccount": this.account } },
      }),
    );
    if (alertEmail) topic.addSubscription(new subscriptions.EmailSubscription(alertEmail));
    return { topic, key };
  }

  private userPool(): cognito.UserPool {
    const userPool = new cognito.UserPool(this, "UserPool", {
      // Users are invited by an admin (docs/deploy.md); nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Mutable so an admin can change them; the app client cannot write them (stateless stack).
        role: new cognito.StringAttribute({ minLen: 1, maxLen: 20, mutable: true }),
        customerId: new cognito.StringAttribute({ minLen: 0, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Authenticator apps (TOTP) only: no SMS role, no SMS cost, no SIM-swap risk.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      userInvitation: {
        emailSubject: "Your KoAd account",
        emailBody:
          "You have been invited to KoAd. Sign in with {username} and the temporary password {####}.",
      },
    });
    for (const role of USER_ROLES) {
      new cognito.CfnUserPoolGroup(this, `${role.charAt(0).toUpperCase()}${role.slice(1)}Group`, {
        userPoolId: userPool.userPoolId,
        groupName: role,
        description: `KoAd ${role}s (the token's custom:role claim decides access; the group mirrors it)`,
      });
    }
    NagSuppressions.addResourceSuppressions(userPool, [
      {
        id: "AwsSolutions-COG8",
        reason:
          "Threat protection needs the Plus feature plan (per-user monthly charge). The pool is invite-only " +
          "with TOTP MFA required and a 12-character password policy; switch to PLUS when the business wants " +
          "adaptive authentication.",
      },
    ]);
    return userPool;
  }
}
