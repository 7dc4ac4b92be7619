import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { HANDLER_GROUPS, ROUTES } from "../../functions/http/routes.js";
import { JOBS } from "../../infra/jobs.js";
import { QUEUES } from "../../infra/resources.js";
import { SCHEDULES } from "../../infra/schedules.js";
import {
  API_THROTTLE,
  HTTP_TIMEOUT_SECONDS,
  QUEUE_CONSUMER_MAX_CONCURRENCY,
  SCHEDULE_RETRY,
} from "../../infra/stateless-stack.js";
import {
  FAKE_HANDLER_GROUPS,
  FAKE_JOBS,
  FAKE_ROUTES,
  fakeDashboardDir,
  NO_DASHBOARD,
  synthKoad,
  synthKoadWithFakes,
} from "../support/cdk.js";

// Synthesized once each: the app as it is, and the app with jobs, extra groups and a built dashboard.
const koad = synthKoad({ dashboardDir: NO_DASHBOARD });
const template = koad.statelessTemplate;
const full = synthKoadWithFakes({
  dashboardDir: fakeDashboardDir(),
  context: { billingTimezone: "America/New_York" },
});
const fullTemplate = full.statelessTemplate;

/** A template fragment: CloudFormation JSON, as `Template.findResources` returns it. */
type Cfn = Record<string, any>;
type Resource = { Properties: Cfn };
const functionsOf = (t: typeof template) =>
  Object.values(t.findResources("AWS::Lambda::Function")) as Resource[];
/** The KoAd functions (not CDK's own deployment handler). */
const koadFunctionsOf = (t: typeof template) =>
  functionsOf(t).filter((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === "koad");
const logicalIdOf = (stack: typeof koad.stateless, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as never);

describe("stateless stack: functions", () => {
  it("has one function per handler group and per job", () => {
    expect(koadFunctionsOf(template)).toHaveLength(
      Object.keys(HANDLER_GROUPS).length + Object.keys(JOBS).length,
    );
    expect(koadFunctionsOf(fullTemplate)).toHaveLength(
      Object.keys(FAKE_HANDLER_GROUPS).length + Object.keys(FAKE_JOBS).length,
    );
  });

  it("runs every function on Node.js 22, ARM64, with X-Ray, JSON logs and source maps", () => {
    for (const fn of koadFunctionsOf(fullTemplate)) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        TracingConfig: { Mode: "Active" },
        Handler: "index.handler",
        LoggingConfig: { LogFormat: "JSON", LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: "koad",
        POWERTOOLS_LOG_LEVEL: "INFO",
        NODE_OPTIONS: "--enable-source-maps",
        TABLE_NAME: { "Fn::ImportValue": expect.stringContaining("Table") },
      });
    }
  });

  it("gives every function its own log group with a retention", () => {
    const groups = fullTemplate.findResources("AWS::Logs::LogGroup");
    for (const fn of koadFunctionsOf(fullTemplate)) {
      const group = groups[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(group?.Properties.RetentionInDays).toBe(30);
    }
  });

  it("sets the billing time zone from the context", () => {
    for (const fn of koadFunctionsOf(template)) {
      expect(fn.Properties.Environment.Variables.BILLING_TIMEZONE).toBe("Europe/Berlin");
    }
    for (const fn of koadFunctionsOf(fullTemplate)) {
      expect(fn.Properties.Environment.Variables.BILLING_TIMEZONE).toBe("America/New_York");
    }
  });

  it("gives HTTP functions the HTTP timeout and jobs their own", () => {
    const http = koad.stateless.functions.httpBookings!;
    const fn = template.findResources("AWS::Lambda::Function")[logicalIdOf(koad.stateless, http.function)];
    expect(fn?.Properties.Timeout).toBe(HTTP_TIMEOUT_SECONDS);
    const worker = full.stateless.functions.jobCloseWorker!;
    const workerFn =
      fullTemplate.findResources("AWS::Lambda::Function")[logicalIdOf(full.stateless, worker.function)];
    expect(workerFn?.Properties.Timeout).toBe(FAKE_JOBS.closeWorker!.timeoutSeconds);
  });

  it("hands queue URLs only to functions that send, and the topic only to those that publish", () => {
    const env = (name: string) => {
      const fn = full.stateless.functions[name]!;
      return fullTemplate.findResources("AWS::Lambda::Function")[logicalIdOf(full.stateless, fn.function)]
        ?.Properties.Environment.Variables as Record<string, unknown>;
    };
    expect(Object.keys(env("jobCloseStarter"))).toContain(QUEUES.monthClose.urlEnvironmentVariable);
    expect(Object.keys(env("jobCloseStarter"))).not.toContain("ALERT_TOPIC_ARN");
    expect(Object.keys(env("jobCloseWorker"))).toContain("ALERT_TOPIC_ARN");
    expect(Object.keys(env("jobCloseWorker"))).not.toContain(QUEUES.monthClose.urlEnvironmentVariable);
    expect(Object.keys(env("httpTickets"))).toEqual(
      expect.arrayContaining([QUEUES.tickets.urlEnvironmentVariable, "ALERT_TOPIC_ARN"]),
    );
    expect(Object.keys(env("httpHealth"))).not.toContain("ALERT_TOPIC_ARN");
  });
});

/** The route keys the stack makes of a route table: each route, HEAD for each GET, ANY per path. */
function deployedRouteKeys(table: Record<string, unknown>): string[] {
  const keys = Object.keys(table);
  const heads = keys.filter((k) => k.startsWith("GET ")).map((k) => `HEAD ${k.slice(4)}`);
  const paths = [...new Set(keys.map((k) => k.split(" ")[1]))].map((path) => `ANY ${path}`);
  return [...keys, ...heads, ...paths].sort();
}

/** The route-table entry a deployed route key serves (HEAD: the GET; ANY: the path's first route). */
function specOfDeployed(routeKey: string) {
  const [method, path] = routeKey.split(" ");
  const key =
    method === "HEAD"
      ? `GET ${path}`
      : method === "ANY"
        ? Object.keys(ROUTES).find((k) => k.split(" ")[1] === path)
        : routeKey;
  return ROUTES[key as keyof typeof ROUTES];
}

describe("stateless stack: HTTP API", () => {
  const authorizers = template.findResources("AWS::ApiGatewayV2::Authorizer");
  const [authorizerId] = Object.keys(authorizers);

  it("has every route of the route table, with the JWT authorizer exactly on token routes", () => {
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")) as Resource[];
    const byKey = new Map(routes.map((route) => [route.Properties.RouteKey as string, route.Properties]));
    expect([...byKey.keys()].sort()).toEqual(deployedRouteKeys(ROUTES));
    for (const routeKey of byKey.keys()) {
      const route = byKey.get(routeKey)!;
      const spec = specOfDeployed(routeKey);
      if (spec.auth === "token") {
        expect(route.AuthorizationType, routeKey).toBe("JWT");
        expect(route.AuthorizerId, routeKey).toEqual({ Ref: authorizerId });
      } else {
        expect(route.AuthorizationType ?? "NONE", routeKey).toBe("NONE");
        expect(route.AuthorizerId, routeKey).toBeUndefined();
      }
    }
  });

  it("sends each route to its handler group's function", () => {
    const integrations = template.findResources("AWS::ApiGatewayV2::Integration");
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")) as Resource[];
    for (const route of routes) {
      const group = specOfDeployed(route.Properties.RouteKey).group;
      const integrationId = (route.Properties.Target["Fn::Join"][1][1] as { Ref: string }).Ref;
      const fn = koad.stateless.functions[`http${group.charAt(0).toUpperCase()}${group.slice(1)}`]!;
      expect(integrations[integrationId]?.Properties.IntegrationUri).toEqual({
        "Fn::GetAtt": [logicalIdOf(koad.stateless, fn.function), "Arn"],
      });
    }
  });

  it("routes HEAD of every GET route and a catch-all per path (405 with Allow) to the path's function", () => {
    // Prepare
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route")) as Resource[];
    const targetOf = (routeKey: string) =>
      routes.find((route) => route.Properties.RouteKey === routeKey)?.Properties.Target;
    // Assess
    expect(targetOf("HEAD /health")).toEqual(targetOf("GET /health"));
    expect(targetOf("HEAD /contracts/{contractId}")).toEqual(targetOf("GET /contracts/{contractId}"));
    expect(targetOf("ANY /health")).toEqual(targetOf("GET /health"));
    expect(targetOf("ANY /contracts")).toEqual(targetOf("POST /contracts"));
  });

  it("verifies Cognito JWTs issued for the dashboard's app client", () => {
    const clientId = Object.keys(template.findResources("AWS::Cognito::UserPoolClient"))[0];
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: Match.objectLike({ "Fn::Join": Match.anyValue() }),
      },
    });
  });

  it("throttles the default stage and writes JSON access logs", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    const stage = Object.values(template.findResources("AWS::ApiGatewayV2::Stage"))[0] as Resource;
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: "$context.requestId", status: "$context.status" });
  });

  it("allows cross-origin calls from the dashboard's origin only", () => {
    const distributionId = Object.keys(template.findResources("AWS::CloudFront::Distribution"))[0];
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [{ "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distributionId, "DomainName"] }]] }],
        AllowHeaders: Match.arrayWith(["authorization", "idempotency-key"]),
      }),
    });
  });

  it("lets the app client read the role claims but write none of them", () => {
    const client = Object.values(template.findResources("AWS::Cognito::UserPoolClient"))[0] as Resource;
    expect(client.Properties.ReadAttributes).toEqual(
      expect.arrayContaining(["custom:role", "custom:customerId"]),
    );
    expect(client.Properties.WriteAttributes).toEqual(["name"]);
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.AllowedOAuthFlows).toEqual(["implicit", "code"]);
    expect(client.Properties.AllowedOAuthScopes).toContain("openid");
  });

  it("adds routes of new handler groups without a stack change", () => {
    const routeKeys = Object.values(fullTemplate.findResources("AWS::ApiGatewayV2::Route")).map(
      (route) => route.Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual(deployedRouteKeys(FAKE_ROUTES));
  });
});

describe("stateless stack: jobs", () => {
  it("triggers queue jobs from their queue with partial batch failures and the queue's batch size", () => {
    const mappings = Object.values(
      fullTemplate.findResources("AWS::Lambda::EventSourceMapping"),
    ) as Resource[];
    expect(mappings).toHaveLength(2);
    for (const [name, queueName] of [
      ["jobCloseWorker", "monthClose"],
      ["jobTicketWatch", "tickets"],
    ] as const) {
      const fn = full.stateless.functions[name]!;
      const mapping = mappings.find(
        (m) => m.Properties.FunctionName.Ref === logicalIdOf(full.stateless, fn.function),
      );
      expect(mapping?.Properties).toMatchObject({
        BatchSize: QUEUES[queueName].batchSize,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
        ScalingConfig: { MaximumConcurrency: QUEUE_CONSUMER_MAX_CONCURRENCY },
        EventSourceArn: {
          "Fn::ImportValue": expect.stringContaining(`${queueName.charAt(0).toUpperCase()}`),
        },
      });
    }
  });

  it("runs scheduled jobs in the billing time zone, on time, with retries and a dead-letter queue", () => {
    const schedules = Object.values(fullTemplate.findResources("AWS::Scheduler::Schedule")) as Resource[];
    expect(schedules).toHaveLength(1);
    const starter = full.stateless.functions.jobCloseStarter!;
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: SCHEDULES.monthClose.expression,
      ScheduleExpressionTimezone: "America/New_York",
      FlexibleTimeWindow: { Mode: "OFF" },
      State: "ENABLED",
      Target: {
        Arn: { "Fn::GetAtt": [logicalIdOf(full.stateless, starter.function), "Arn"] },
        Input: JSON.stringify({ scheduledAt: "<aws.scheduler.scheduled-time>" }),
        RetryPolicy: {
          MaximumRetryAttempts: SCHEDULE_RETRY.retryAttempts,
          MaximumEventAgeInSeconds: SCHEDULE_RETRY.maxEventAge.toSeconds(),
        },
        DeadLetterConfig: { Arn: { "Fn::ImportValue": expect.stringContaining("SchedulerDeadLetterQueue") } },
        RoleArn: expect.anything(),
      },
    });
  });

  it("lets scheduled jobs run one at a time, unless the context turns reservations off", () => {
    const reserved = (t: typeof template) =>
      koadFunctionsOf(t)
        .map((fn) => fn.Properties.ReservedConcurrentExecutions)
        .filter((value) => value !== undefined);
    expect(reserved(fullTemplate)).toEqual([1]);
    const unreserved = synthKoadWithFakes({
      dashboardDir: NO_DASHBOARD,
      context: { reserveConcurrency: "false" },
    });
    expect(reserved(unreserved.statelessTemplate)).toEqual([]);
  });

  it("refuses a queue job whose timeout outlasts what its queue is sized for", () => {
    expect(() =>
      synthKoad({
        dashboardDir: NO_DASHBOARD,
        jobs: {
          slow: { ...FAKE_JOBS.ticketWatch!, timeoutSeconds: QUEUES.tickets.consumerTimeoutSeconds + 1 },
        },
      }),
    ).toThrow(/sized for consumers/);
  });

  it("refuses jobs and groups that name a queue or schedule that does not exist", () => {
    expect(() =>
      synthKoad({
        dashboardDir: NO_DASHBOARD,
        jobs: { lost: { ...FAKE_JOBS.closeStarter!, sendsTo: ["nowhere" as never] } },
      }),
    ).toThrow(/names queue "nowhere"/);
    expect(() =>
      synthKoad({
        dashboardDir: NO_DASHBOARD,
        jobs: { lost: { ...FAKE_JOBS.closeStarter!, trigger: { schedule: "never" as never } } },
      }),
    ).toThrow(/schedule "never"/);
  });

  it("refuses a billing time zone that is not an IANA zone", () => {
    expect(() =>
      synthKoad({ dashboardDir: NO_DASHBOARD, context: { billingTimezone: "Mars/Olympus" } }),
    ).toThrow(/no IANA time zone/);
  });
});

describe("stateless stack: alarms and dashboard", () => {
  const alarms = Object.values(fullTemplate.findResources("AWS::CloudWatch::Alarm")) as Resource[];
  const topicImport = { "Fn::ImportValue": expect.stringContaining("AlertTopic") };

  it("alarms on every dead-letter queue, every function's errors and throttles, and API 5xx", () => {
    const metrics = alarms.map((alarm) => `${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`);
    const functionCount = koadFunctionsOf(fullTemplate).length;
    expect(metrics.filter((m) => m === "AWS/SQS/ApproximateNumberOfMessagesVisible")).toHaveLength(
      Object.keys(QUEUES).length + 1,
    );
    expect(metrics.filter((m) => m === "AWS/Lambda/Errors")).toHaveLength(functionCount);
    expect(metrics.filter((m) => m === "AWS/Lambda/Throttles")).toHaveLength(functionCount);
    expect(metrics.filter((m) => m === "AWS/ApiGateway/5xx")).toHaveLength(1);
  });

  it("sends every alarm and its recovery to the alert topic, firing on the first occurrence", () => {
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        AlarmActions: [topicImport],
        OKActions: [topicImport],
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        TreatMissingData: "notBreaching",
      });
    }
  });

  it("has a CloudWatch dashboard", () => {
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
  });
});

describe("stateless stack: the customer dashboard's hosting", () => {
  it("keeps the bucket private, encrypted and TLS-only, readable only through CloudFront", () => {
    const distributionId = Object.keys(template.findResources("AWS::CloudFront::Distribution"))[0]!;
    const bucketId = logicalIdOf(koad.stateless, koad.stateless.hosting.bucket);
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.anyValue(),
    });
    const policy = Object.values(template.findResources("AWS::S3::BucketPolicy")).find(
      (p) => p.Properties.Bucket.Ref === bucketId,
    ) as Resource;
    const statements = policy.Properties.PolicyDocument.Statement as Cfn[];
    const allows = statements.filter((s) => s.Effect === "Allow");
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Condition: { StringEquals: { "AWS:SourceArn": expect.anything() } },
    });
    expect(JSON.stringify(allows[0]?.Condition)).toContain(distributionId);
    expect(statements.some((s) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"])).toBe(
      true,
    );
  });

  it("serves index.html over HTTPS with origin access control and security headers", () => {
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: "redirect-to-https",
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
          FrameOptions: { FrameOption: "DENY", Override: true },
          ReferrerPolicy: { ReferrerPolicy: "no-referrer", Override: true },
        }),
      }),
    });
  });

  it("lets the page load only its own files and call only the API and the sign-in", () => {
    const policy = Object.values(
      template.findResources("AWS::CloudFront::ResponseHeadersPolicy"),
    )[0] as Resource;
    const csp = JSON.stringify(
      policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe");
    expect(csp).toMatch(/connect-src 'self' https:\/\/\*\.execute-api\./);
    expect(csp).toContain("AuthDomain");
  });

  it("deploys the dashboard with its config.json only when the dashboard is built", () => {
    template.resourceCountIs("Custom::CDKBucketDeployment", 0);
    fullTemplate.resourceCountIs("Custom::CDKBucketDeployment", 1);
    const deployment = Object.values(
      fullTemplate.findResources("Custom::CDKBucketDeployment"),
    )[0] as Resource;
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    for (const source of ["HttpApi", "AuthDomain", "DashboardClient"]) expect(markers).toContain(source);
    expect(deployment.Properties.DistributionPaths).toEqual(["/*"]);
  });
});
