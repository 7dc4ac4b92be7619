import { dirname, join } from "node:path";
import type { Duration } from "aws-cdk-lib";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { LogLevel, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { NagSuppressions } from "cdk-nag";
import { Construct } from "constructs";
import { ESBUILD_OPTIONS } from "./bundling.js";
import { repoRoot } from "./local/paths.js";

/** How much of the table a function may touch. */
export type TableAccess = "none" | "read" | "readWrite";

/**
 * The DynamoDB actions of each access level, split by what they act on. Transactions
 * (TransactWriteItems) are no IAM action of their own: each part needs its item action, and condition
 * checks need ConditionCheckItem. Scan is never granted (no request path scans).
 */
export const TABLE_ACTIONS: Record<TableAccess, { table: string[]; indexes: string[] }> = {
  none: { table: [], indexes: [] },
  read: {
    table: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"],
    indexes: ["dynamodb:Query"],
  },
  readWrite: {
    table: [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
    ],
    indexes: ["dynamodb:Query"],
  },
};

/** Publishing to an SNS topic encrypted with a customer key needs these two key actions, no more. */
export const PUBLISH_KEY_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"];

export interface KoadFunctionProps {
  /** The handler module, relative to the repository root (it exports `handler`). */
  entry: string;
  description: string;
  timeout: Duration;
  /** Default 512 MB: Lambda's CPU share grows with memory, which shortens cold starts of the bundle. */
  memorySize?: number;
  /** Set on every function: TABLE_NAME, BILLING_TIMEZONE and the Powertools settings. */
  environment: Record<string, string>;
  /** Caps concurrent executions where unbounded fan-out would only hammer the table. */
  reservedConcurrentExecutions?: number;
  logRetention?: logs.RetentionDays;
  /**
   * Files esbuild cannot inline (fonts, data files read at run time), copied into the bundle's folder
   * after bundling: `from` relative to the repository root, `to` relative to the bundle.
   */
  bundleFiles?: readonly { from: string; to: string }[];
}

/**
 * The one way KoAd defines a Lambda function: Node.js 22 on ARM64, bundled by esbuild (locally, never
 * in Docker) with the options the benchmarks measure, JSON logs in its own log group with a retention,
 * X-Ray tracing, and a role of its own that starts with nothing but its log group and gains rights
 * only through the `grant*` helpers below.
 */
export class KoadFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: KoadFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    // Not the AWS-managed AWSLambdaBasicExecutionRole: that one may write to every log group.
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, "Function", {
      entry: join(repoRoot, props.entry),
      handler: "handler",
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, "package-lock.json"),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: {
        ...props.environment,
        // Stack traces point into the TypeScript sources through the bundled source map.
        NODE_OPTIONS: "--enable-source-maps",
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: ESBUILD_OPTIONS.target,
        minify: ESBUILD_OPTIONS.minify,
        sourceMap: ESBUILD_OPTIONS.sourcemap,
        sourcesContent: false,
        mainFields: [...ESBUILD_OPTIONS.mainFields],
        banner: ESBUILD_OPTIONS.banner.js,
        externalModules: [...ESBUILD_OPTIONS.external],
        esbuildArgs: Object.fromEntries(
          Object.entries(ESBUILD_OPTIONS.alias).map(([name, path]) => [`--alias:${name}`, path]),
        ),
        bundleAwsSDK: true,
        logLevel: LogLevel.WARNING,
        ...(props.bundleFiles?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (props.bundleFiles ?? []).map(
                    ({ from, to }) =>
                      `mkdir -p "${dirname(join(outputDir, to))}" && cp "${join(inputDir, from)}" "${join(outputDir, to)}"`,
                  ),
              },
            }
          : {}),
      },
    });

    NagSuppressions.addResourceSuppressions(
      this.role,
      [
        {
          id: "AwsSolutions-IAM5",
          reason:
            "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so " +
            "Lambda's active tracing needs them on '*'. test/infra/least-privilege.test.ts fails on any " +
            "other '*' resource in a role policy.",
          appliesTo: ["Resource::*"],
        },
      ],
      true,
    );
    NagSuppressions.addResourceSuppressions(this.function, [
      {
        id: "AwsSolutions-L1",
        reason:
          "Node.js 22 is KoAd's deliberate target: the bundles are built for node22 (infra/bundling.ts) and " +
          "the handlers are tested on it; a runtime upgrade is a tested change of its own, not a drift.",
      },
    ]);
  }

  /** Table rights of one access level on the table and (for queries) each of its indexes by name. */
  grantTable(table: dynamodb.ITable, indexNames: readonly string[], access: TableAccess): void {
    const actions = TABLE_ACTIONS[access];
    if (actions.table.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: actions.table, resources: [table.tableArn] }),
      );
    }
    if (actions.indexes.length > 0 && indexNames.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: actions.indexes,
          // Each index by name: no `index/*`.
          resources: indexNames.map((name) => `${table.tableArn}/index/${name}`),
        }),
      );
    }
  }

  /** Send rights on a queue, and its URL in `environmentVariable`. */
  grantSend(queue: sqs.IQueue, environmentVariable: string): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [queue.queueArn] }),
    );
    this.function.addEnvironment(environmentVariable, queue.queueUrl);
  }

  /** Publish rights on the alert topic and its key, and the topic's ARN in ALERT_TOPIC_ARN. */
  grantPublishAlerts(topic: sns.ITopic, key: kms.IKey): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sns:Publish"], resources: [topic.topicArn] }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: PUBLISH_KEY_ACTIONS, resources: [key.keyArn] }),
    );
    this.function.addEnvironment("ALERT_TOPIC_ARN", topic.topicArn);
  }

  /** The Powertools and KoAd settings every function gets. */
  static baseEnvironment(options: { tableName: string; billingTimezone: string }): Record<string, string> {
    return {
      TABLE_NAME: options.tableName,
      BILLING_TIMEZONE: options.billingTimezone,
      POWERTOOLS_SERVICE_NAME: "koad",
      POWERTOOLS_LOG_LEVEL: "INFO",
      POWERTOOLS_METRICS_NAMESPACE: "KoAd",
    };
  }
}
