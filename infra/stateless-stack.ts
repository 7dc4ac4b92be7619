import { existsSync } from "node:fs";
import { join } from "node:path";
import { Aws, CfnOutput, Duration, Stack, type StackProps, TimeZone } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as iam from "aws-cdk-lib/aws-iam";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import * as logs from "aws-cdk-lib/aws-logs";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as targets from "aws-cdk-lib/aws-scheduler-targets";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { NagSuppressions } from "cdk-nag";
import type { Construct } from "constructs";
import { HANDLER_GROUPS, type HandlerGroupSpec, ROUTES } from "../functions/http/routes.js";
import { DashboardHosting } from "./dashboard-hosting.js";
import { JOBS, type JobDefinition } from "./jobs.js";
import { KoadFunction, type TableAccess } from "./koad-function.js";
import { repoRoot } from "./local/paths.js";
import { Monitoring } from "./monitoring.js";
import type { QueueName } from "./resources.js";
import { SCHEDULES, type ScheduleDefinition } from "./schedules.js";
import type { StatefulResources } from "./stateful-stack.js";

/** A route as the stack reads it (functions/http/routes.ts ROUTES, or a test's own table). */
export interface StackRoute {
  group: string;
  auth: "public" | "token";
}

export interface KoadStatelessStackProps extends StackProps {
  stateful: StatefulResources;
  /** IANA zone of the billing calendar: functions' BILLING_TIMEZONE and "billing" schedules' zone. */
  billingTimezone: string;
  handlerGroups?: Record<string, HandlerGroupSpec>;
  routes?: Record<string, StackRoute>;
  jobs?: Record<string, JobDefinition>;
  schedules?: Record<string, ScheduleDefinition>;
  /** The built dashboard; deployed to S3 when the folder exists. Default `<repo>/dashboard`. */
  dashboardDir?: string;
  /**
   * Reserve one concurrent execution for each scheduled job (default true). Accounts whose Lambda
   * concurrency quota is still the new-account 10 cannot reserve any: deploy with
   * `-c reserveConcurrency=false` there.
   */
  reserveConcurrency?: boolean;
  /** Prefix of the Cognito hosted-UI domain; unique per region. Default `koad-<account id>`. */
  authDomainPrefix?: string;
}

/** Steady and burst request rates of the whole API: a cap on cost and on table load, far above real use. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };
/** Queue consumers run at most this many at once (event source mapping maximum concurrency). */
export const QUEUE_CONSUMER_MAX_CONCURRENCY = 5;
/** HTTP functions: API Gateway gives up after 30 s; a request that needs more than 10 s is a defect. */
export const HTTP_TIMEOUT_SECONDS = 10;
/** What EventBridge Scheduler does when an invocation fails: retry, then the dead-letter queue. */
export const SCHEDULE_RETRY = { retryAttempts: 3, maxEventAge: Duration.hours(1) };

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** `read` for a group that only answers GETs, else `readWrite`, unless the group says otherwise. */
export function tableAccessOfGroup(
  group: string,
  spec: HandlerGroupSpec,
  routes: Record<string, StackRoute>,
): TableAccess {
  if (spec.table) return spec.table;
  const methods = Object.entries(routes)
    .filter(([, route]) => route.group === group)
    .map(([routeKey]) => routeKey.split(" ")[0]);
  return methods.length > 0 && methods.every((method) => method === "GET") ? "read" : "readWrite";
}

/**
 * Everything that can be replaced without losing data: one KoadFunction per HTTP handler group and per
 * job, the HTTP API with its Cognito authorizer, the schedules, the alarms and dashboard, and the
 * customer dashboard's hosting. It is generic over the route, job and schedule tables: adding a route,
 * a handler group or a job there needs no change here.
 */
export class KoadStatelessStack extends Stack {
  readonly api: apigwv2.HttpApi;
  readonly functions: Record<string, KoadFunction> = {};
  readonly hosting: DashboardHosting;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: KoadStatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;
    const handlerGroups = props.handlerGroups ?? (HANDLER_GROUPS as Record<string, HandlerGroupSpec>);
    const routes = props.routes ?? (ROUTES as Record<string, StackRoute>);
    const jobs = props.jobs ?? JOBS;
    const schedules = props.schedules ?? (SCHEDULES as Record<string, ScheduleDefinition>);
    const environment = KoadFunction.baseEnvironment({
      tableName: stateful.table.tableName,
      billingTimezone: props.billingTimezone,
    });
    const queueOf = (name: string, user: string) => {
      const queue = stateful.queues[name as QueueName];
      if (!queue) throw new Error(`${user} names queue "${name}", which infra/resources.ts QUEUES lacks`);
      return queue;
    };

    // HTTP handler groups: one function each.
    const httpFunctions: Record<string, KoadFunction> = {};
    for (const [group, spec] of Object.entries(handlerGroups)) {
      const fn = new KoadFunction(this, `Http${pascal(group)}`, {
        entry: spec.entry,
        description: `KoAd HTTP routes of the ${group} group`,
        timeout: Duration.seconds(HTTP_TIMEOUT_SECONDS),
        environment,
        bundleFiles: spec.bundleFiles,
      });
      fn.grantTable(stateful.table, stateful.indexNames, tableAccessOfGroup(group, spec, routes));
      for (const queueName of spec.sendsTo ?? []) {
        const { queue, definition } = queueOf(queueName, `Handler group ${group}`);
        fn.grantSend(queue, definition.urlEnvironmentVariable);
      }
      if (spec.publishesAlerts) fn.grantPublishAlerts(stateful.alertTopic, stateful.alertKey);
      httpFunctions[group] = fn;
      this.functions[`http${pascal(group)}`] = fn;
    }

    // Jobs: queue consumers and scheduled functions.
    for (const [name, job] of Object.entries(jobs)) {
      const scheduled = "schedule" in job.trigger;
      const fn = new KoadFunction(this, `Job${pascal(name)}`, {
        entry: job.entry,
        description: `KoAd job ${name}`,
        timeout: Duration.seconds(job.timeoutSeconds),
        environment,
        // One run at a time: an overlapping run of a scheduled job would only repeat the same reads
        // and (idempotent) writes against the table.
        reservedConcurrentExecutions: scheduled && props.reserveConcurrency !== false ? 1 : undefined,
      });
      fn.grantTable(stateful.table, stateful.indexNames, job.table ?? "readWrite");
      for (const queueName of job.sendsTo) {
        const { queue, definition } = queueOf(queueName, `Job ${name}`);
        fn.grantSend(queue, definition.urlEnvironmentVariable);
      }
      if (job.publishesAlerts) fn.grantPublishAlerts(stateful.alertTopic, stateful.alertKey);
      if ("queue" in job.trigger) {
        const { queue, definition } = queueOf(job.trigger.queue, `Job ${name}`);
        if (job.timeoutSeconds > definition.consumerTimeoutSeconds) {
          throw new Error(
            `Job ${name} runs up to ${job.timeoutSeconds} s but queue ${job.trigger.queue} is sized for ` +
              `consumers of ${definition.consumerTimeoutSeconds} s (visibility timeout ${definition.visibilityTimeoutSeconds} s)`,
          );
        }
        fn.function.addEventSource(
          new SqsEventSource(queue, {
            batchSize: definition.batchSize,
            reportBatchItemFailures: true,
            maxConcurrency: QUEUE_CONSUMER_MAX_CONCURRENCY,
          }),
        );
      } else {
        const scheduleName = job.trigger.schedule;
        const definition = schedules[scheduleName];
        if (!definition)
          throw new Error(`Job ${name} runs on schedule "${scheduleName}", which SCHEDULES lacks`);
        const zone = definition.timezone === "billing" ? props.billingTimezone : "Etc/UTC";
        this.schedule(name, fn, definition, zone, stateful.schedulerDeadLetterQueue);
      }
      this.functions[`job${pascal(name)}`] = fn;
    }

    // The sign-in for the dashboard and the API's JWTs.
    const authDomain = new cognito.UserPoolDomain(this, "AuthDomain", {
      userPool: stateful.userPool,
      cognitoDomain: { domainPrefix: props.authDomainPrefix ?? `koad-${Aws.ACCOUNT_ID}` },
    });
    this.hosting = new DashboardHosting(this, "DashboardHosting", {
      connectSources: [`https://*.execute-api.${Aws.REGION}.amazonaws.com`, authDomain.baseUrl()],
    });
    const client = this.userPoolClient(stateful.userPool, this.hosting.origin);

    this.api = this.httpApi(routes, httpFunctions, stateful.userPool, client, this.hosting.origin);

    const dashboardDir = props.dashboardDir ?? join(repoRoot, "dashboard");
    if (existsSync(dashboardDir)) {
      this.hosting.deploy(dashboardDir, {
        apiBaseUrl: this.api.apiEndpoint,
        cognito: { domain: authDomain.baseUrl(), clientId: client.userPoolClientId },
      });
    }

    const deadLetterQueues: Record<string, sqs.IQueue> = {
      scheduler: stateful.schedulerDeadLetterQueue,
    };
    const workQueues: Record<string, sqs.IQueue> = {};
    for (const [name, { queue, deadLetterQueue }] of Object.entries(stateful.queues)) {
      workQueues[name] = queue;
      deadLetterQueues[name] = deadLetterQueue;
    }
    this.monitoring = new Monitoring(this, "Monitoring", {
      alertTopic: stateful.alertTopic,
      api: this.api,
      table: stateful.table,
      functions: Object.fromEntries(Object.entries(this.functions).map(([name, fn]) => [name, fn.function])),
      queues: workQueues,
      deadLetterQueues,
    });

    new CfnOutput(this, "ApiUrl", { value: this.api.apiEndpoint });
    new CfnOutput(this, "DashboardUrl", { value: this.hosting.origin });
    new CfnOutput(this, "UserPoolId", { value: stateful.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: client.userPoolClientId });
    new CfnOutput(this, "SignInUrl", { value: authDomain.baseUrl() });
  }

  /**
   * An EventBridge Scheduler schedule that starts a job exactly on time in its zone with
   * `{"scheduledAt": <scheduled time>}`, retries, then leaves the event in the dead-letter queue.
   */
  private schedule(
    name: string,
    fn: KoadFunction,
    definition: ScheduleDefinition,
    timeZone: string,
    deadLetterQueue: sqs.IQueue,
  ): void {
    const role = new iam.Role(this, `${pascal(name)}ScheduleRole`, {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Aws.ACCOUNT_ID } },
      }),
      description: `Lets EventBridge Scheduler start job ${name}`,
    });
    new scheduler.Schedule(this, `${pascal(name)}Schedule`, {
      description: definition.description,
      schedule: scheduler.ScheduleExpression.expression(definition.expression, TimeZone.of(timeZone)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(fn.function, {
        input: scheduler.ScheduleTargetInput.fromObject({
          scheduledAt: scheduler.ContextAttribute.scheduledTime,
        }),
        role,
        deadLetterQueue,
        ...SCHEDULE_RETRY,
      }),
    });
    // After the schedule: its target adds the role's policy that the suppression must reach.
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: "AwsSolutions-IAM5",
          reason:
            "CDK's LambdaInvoke target grants lambda:InvokeFunction on the job's function ARN and on " +
            "'<function ARN>:*' (its versions and aliases); both name this one function only.",
          appliesTo: [{ regex: "/^Resource::<.+\\.Arn>:\\*$/" }],
        },
      ],
      true,
    );
  }

  /**
   * The dashboard's app client, without a secret (it runs in a browser). The page signs in through the
   * hosted UI's implicit grant and takes the ID token out of the address at once (docs/dashboard.md);
   * the authorization code grant (with PKCE) is allowed too, for a page that moves to it. The client
   * may read the role and customer claims but write none of them, so nobody can promote themselves.
   */
  private userPoolClient(userPool: cognito.IUserPool, dashboardOrigin: string): cognito.UserPoolClient {
    return new cognito.UserPoolClient(this, "DashboardClient", {
      userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { implicitCodeGrant: true, authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        // The page sends itself as redirect_uri: the root, or index.html when opened by name.
        callbackUrls: [`${dashboardOrigin}/`, `${dashboardOrigin}/index.html`],
        logoutUrls: [`${dashboardOrigin}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes("role", "customerId"),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }

  private httpApi(
    routes: Record<string, StackRoute>,
    functions: Record<string, KoadFunction>,
    userPool: cognito.IUserPool,
    client: cognito.UserPoolClient,
    dashboardOrigin: string,
  ): apigwv2.HttpApi {
    const api = new apigwv2.HttpApi(this, "HttpApi", {
      description: "KoAd HTTP API v1",
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [dashboardOrigin],
        allowMethods: [
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.PUT,
          apigwv2.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ["authorization", "content-type", "idempotency-key", "accept"],
        maxAge: Duration.days(1),
      },
    });
    const accessLogs = new logs.LogGroup(this, "ApiAccessLogs", {
      retention: logs.RetentionDays.THREE_MONTHS,
    });
    api.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTime",
            ip: "$context.identity.sourceIp",
            routeKey: "$context.routeKey",
            status: "$context.status",
            responseLength: "$context.responseLength",
            latencyMs: "$context.responseLatency",
            integrationLatencyMs: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
          }),
        ),
      },
    });
    // Cognito ID tokens carry custom:role and custom:customerId; their audience is the app client.
    const authorizer = new HttpUserPoolAuthorizer("Cognito", userPool, { userPoolClients: [client] });
    const integrations = new Map<string, HttpLambdaIntegration>();
    const catchAllPaths = new Set<string>();
    const suppressPublic = (created: apigwv2.HttpRoute[], routeKey: string) => {
      for (const resource of created)
        NagSuppressions.addResourceSuppressions(resource, [
          {
            id: "AwsSolutions-APIG4",
            reason: `${routeKey} is public by design (SPEC: liveness and the API description need no token).`,
          },
        ]);
    };
    for (const [routeKey, route] of Object.entries(routes)) {
      const [method, path] = routeKey.split(" ");
      const fn = functions[route.group];
      if (!method || !path || !fn) throw new Error(`Route ${routeKey} names an unknown group ${route.group}`);
      let integration = integrations.get(route.group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascal(route.group)}Integration`, fn.function);
        integrations.set(route.group, integration);
      }
      // A GET route answers HEAD too (the handler drops the body).
      const methods = [method, ...(method === "GET" ? ["HEAD"] : [])] as apigwv2.HttpMethod[];
      const created = api.addRoutes({
        path,
        methods,
        integration,
        ...(route.auth === "token" ? { authorizer } : {}),
      });
      if (route.auth === "public") suppressPublic(created, routeKey);
      // One catch-all per path: any other method reaches the path's function, which answers 405
      // method_not_allowed with `Allow` (API Gateway prefers the method routes over ANY).
      if (!catchAllPaths.has(path)) {
        catchAllPaths.add(path);
        const catchAll = api.addRoutes({
          path,
          methods: [apigwv2.HttpMethod.ANY],
          integration,
          ...(route.auth === "token" ? { authorizer } : {}),
        });
        if (route.auth === "public") suppressPublic(catchAll, `ANY ${path}`);
      }
    }
    return api;
  }
}
