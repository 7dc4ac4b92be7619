import type { CfnElement, Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { HANDLER_GROUPS, type HandlerGroupSpec, ROUTES } from "../../functions/http/routes.js";
import type { JobDefinition } from "../../infra/jobs.js";
import { PUBLISH_KEY_ACTIONS, TABLE_ACTIONS, type TableAccess } from "../../infra/koad-function.js";
import { QUEUES, TABLE } from "../../infra/resources.js";
import { type StackRoute, tableAccessOfGroup } from "../../infra/stateless-stack.js";
import {
  FAKE_HANDLER_GROUPS,
  FAKE_JOBS,
  FAKE_ROUTES,
  fakeDashboardDir,
  NO_DASHBOARD,
  type SynthesizedKoad,
  synthKoad,
  synthKoadWithFakes,
} from "../support/cdk.js";

/**
 * The only actions allowed on Resource "*", each because the service offers no narrower resource.
 */
const STAR_RESOURCE_ACTIONS: Record<string, string> = {
  "xray:PutTraceSegments": "X-Ray has no resource-level permissions; Lambda active tracing needs it",
  "xray:PutTelemetryRecords": "X-Ray has no resource-level permissions; Lambda active tracing needs it",
  "cloudfront:CreateInvalidation":
    "granted on '*' by CDK's BucketDeployment handler (deploy time only) to invalidate the dashboard",
  "cloudfront:GetInvalidation": "as above: BucketDeployment waits for its invalidation",
};

/** Roles that may attach an AWS managed policy: CDK's own deploy-time handler, nothing of KoAd's. */
const MANAGED_POLICY_ROLES = /^CustomCDKBucketDeployment/;

const CONSUME_ACTIONS = [
  "sqs:ReceiveMessage",
  "sqs:ChangeMessageVisibility",
  "sqs:GetQueueUrl",
  "sqs:DeleteMessage",
  "sqs:GetQueueAttributes",
];

interface Statement {
  Effect: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every policy statement of the template: managed policies, inline policies of roles, IAM::Policy. */
function statementsOf(template: Template): { source: string; statement: Statement }[] {
  const found: { source: string; statement: Statement }[] = [];
  for (const [id, policy] of Object.entries(template.findResources("AWS::IAM::Policy"))) {
    for (const statement of policy.Properties.PolicyDocument.Statement) found.push({ source: id, statement });
  }
  for (const [id, policy] of Object.entries(template.findResources("AWS::IAM::ManagedPolicy"))) {
    for (const statement of policy.Properties.PolicyDocument.Statement) found.push({ source: id, statement });
  }
  for (const [id, role] of Object.entries(template.findResources("AWS::IAM::Role"))) {
    for (const policy of role.Properties.Policies ?? []) {
      for (const statement of policy.PolicyDocument.Statement) found.push({ source: id, statement });
    }
  }
  return found;
}

/** An action of the form `service:*` or `*` grants a whole service. */
const wholeService = (action: string) => action === "*" || /^[a-z0-9-]+:\*$/.test(action);

/**
 * A resource is unscoped when it is "*" or a literal ARN pattern that no resource reference pins down,
 * like `arn:aws:dynamodb:*:*:table/*`.
 */
const unscoped = (resource: unknown) =>
  resource === "*" || (typeof resource === "string" && resource.includes("*"));

const variants: [string, SynthesizedKoad][] = [
  ["the app as it is", synthKoad({ dashboardDir: NO_DASHBOARD })],
  [
    "the app with jobs, more groups and the dashboard",
    synthKoadWithFakes({ dashboardDir: fakeDashboardDir() }),
  ],
];

describe.each(variants)("least privilege: %s", (_name, koad) => {
  const templates = [koad.statefulTemplate, koad.statelessTemplate];

  it("grants no whole service and never uses NotAction or NotResource in an Allow", () => {
    for (const template of templates) {
      for (const { source, statement } of statementsOf(template)) {
        if (statement.Effect !== "Allow") continue;
        expect(statement.NotAction, source).toBeUndefined();
        expect(statement.NotResource, source).toBeUndefined();
        for (const action of list(statement.Action))
          expect(wholeService(action), `${source}: ${action}`).toBe(false);
      }
    }
  });

  it("grants on '*' only the actions that cannot be scoped", () => {
    for (const template of templates) {
      for (const { source, statement } of statementsOf(template)) {
        if (statement.Effect !== "Allow") continue;
        if (!list(statement.Resource).some(unscoped)) continue;
        for (const action of list(statement.Action)) {
          expect(
            STAR_RESOURCE_ACTIONS[action],
            `${source} grants ${action} on an unscoped resource`,
          ).toBeDefined();
        }
      }
    }
  });

  it("attaches no AWS managed policy to KoAd's roles", () => {
    for (const template of templates) {
      for (const [id, role] of Object.entries(template.findResources("AWS::IAM::Role"))) {
        if (MANAGED_POLICY_ROLES.test(id)) continue;
        expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
      }
    }
  });
});

/** Names the stateful resources a statement's resource points at, so grants read as `action@thing`. */
function resourceNamer(koad: SynthesizedKoad, ownLogGroupId: string): (resource: unknown) => string {
  const stateful = koad.stateful.resources;
  const id = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const names: [string, string][] = [
    [id(koad.stateful, stateful.table), "table"],
    [id(koad.stateful, stateful.alertTopic), "alert-topic"],
    [id(koad.stateful, stateful.alertKey), "alert-key"],
    [ownLogGroupId, "own-logs"],
  ];
  for (const [name, { queue, deadLetterQueue }] of Object.entries(stateful.queues)) {
    names.push(
      [id(koad.stateful, queue), `queue:${name}`],
      [id(koad.stateful, deadLetterQueue), `dlq:${name}`],
    );
  }
  return (resource) => {
    if (resource === "*") return "*";
    const text = JSON.stringify(resource);
    const index = /\/index\/([A-Za-z0-9_-]+)/.exec(text);
    for (const [logicalId, name] of names) {
      if (text.includes(logicalId)) return index ? `${name}/index/${index[1]}` : name;
    }
    return text;
  };
}

/** What a function may do, as `action@resource` strings. */
function expectedGrants(options: {
  table: TableAccess;
  sendsTo: readonly string[];
  consumes?: string;
  publishesAlerts: boolean;
}): string[] {
  const grants = [
    "logs:CreateLogStream@own-logs",
    "logs:PutLogEvents@own-logs",
    "xray:PutTraceSegments@*",
    "xray:PutTelemetryRecords@*",
  ];
  for (const action of TABLE_ACTIONS[options.table].table) grants.push(`${action}@table`);
  for (const action of TABLE_ACTIONS[options.table].indexes) {
    for (const index of TABLE.indexes) grants.push(`${action}@table/index/${index.name}`);
  }
  for (const queue of options.sendsTo) grants.push(`sqs:SendMessage@queue:${queue}`);
  if (options.consumes)
    for (const action of CONSUME_ACTIONS) grants.push(`${action}@queue:${options.consumes}`);
  if (options.publishesAlerts) {
    grants.push("sns:Publish@alert-topic", ...PUBLISH_KEY_ACTIONS.map((action) => `${action}@alert-key`));
  }
  return grants.sort();
}

/** What a function's role is granted, as `action@resource` strings. */
function actualGrants(koad: SynthesizedKoad, functionName: string): string[] {
  const fn = koad.stateless.functions[functionName]!;
  const roleId = koad.stateless.getLogicalId(fn.role.node.defaultChild as CfnElement);
  const logGroupId = koad.stateless.getLogicalId(fn.logGroup.node.defaultChild as CfnElement);
  const name = resourceNamer(koad, logGroupId);
  const grants: string[] = [];
  for (const policy of Object.values(koad.statelessTemplate.findResources("AWS::IAM::Policy"))) {
    if (!policy.Properties.Roles.some((role: { Ref?: string }) => role.Ref === roleId)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement as Statement[]) {
      expect(statement.Effect).toBe("Allow");
      for (const action of list(statement.Action)) {
        for (const resource of list(statement.Resource)) grants.push(`${action}@${name(resource)}`);
      }
    }
  }
  return grants.sort();
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

describe("least privilege: each function is granted exactly what it uses", () => {
  const plain = variants[0]![1];
  const full = variants[1]![1];

  it.each(Object.entries(HANDLER_GROUPS as Record<string, HandlerGroupSpec>))(
    "HTTP group %s of the app as it is",
    (group, spec) => {
      const access = tableAccessOfGroup(group, spec, ROUTES as Record<string, StackRoute>);
      expect(actualGrants(plain, `http${pascal(group)}`)).toEqual(
        expectedGrants({
          table: access,
          sendsTo: spec.sendsTo ?? [],
          publishesAlerts: !!spec.publishesAlerts,
        }),
      );
    },
  );

  it("the health group touches no table at all", () => {
    expect(actualGrants(plain, "httpHealth").filter((grant) => grant.startsWith("dynamodb:"))).toEqual([]);
  });

  it("a group whose routes are all GETs only reads", () => {
    expect(tableAccessOfGroup("alerts", FAKE_HANDLER_GROUPS.alerts!, FAKE_ROUTES)).toBe("read");
    const grants = actualGrants(full, "httpAlerts").filter((grant) => grant.startsWith("dynamodb:"));
    expect(grants.some((grant) => /PutItem|UpdateItem|DeleteItem/.test(grant))).toBe(false);
    expect(grants).toContain("dynamodb:Query@table/index/byCustomer");
  });

  it.each(Object.entries(FAKE_HANDLER_GROUPS))("HTTP group %s with queues and alerts", (group, spec) => {
    const access = tableAccessOfGroup(group, spec, FAKE_ROUTES);
    expect(actualGrants(full, `http${pascal(group)}`)).toEqual(
      expectedGrants({ table: access, sendsTo: spec.sendsTo ?? [], publishesAlerts: !!spec.publishesAlerts }),
    );
  });

  it.each(Object.entries(FAKE_JOBS))("job %s", (name, job: JobDefinition) => {
    expect(actualGrants(full, `job${pascal(name)}`)).toEqual(
      expectedGrants({
        table: job.table ?? "readWrite",
        sendsTo: job.sendsTo,
        consumes: "queue" in job.trigger ? job.trigger.queue : undefined,
        publishesAlerts: job.publishesAlerts,
      }),
    );
  });

  it("lets EventBridge Scheduler invoke only the scheduled function and write only to its dead-letter queue", () => {
    const schedule = Object.values(full.statelessTemplate.findResources("AWS::Scheduler::Schedule"))[0]!;
    const roleId = schedule.Properties.Target.RoleArn["Fn::GetAtt"][0] as string;
    const role = full.statelessTemplate.findResources("AWS::IAM::Role")[roleId]!;
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain("scheduler.amazonaws.com");
    const starterId = full.stateless.getLogicalId(
      full.stateless.functions.jobCloseStarter!.function.node.defaultChild as CfnElement,
    );
    const statements = Object.values(full.statelessTemplate.findResources("AWS::IAM::Policy"))
      .filter((policy) => policy.Properties.Roles.some((r: { Ref?: string }) => r.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    const actions = statements.flatMap((statement) => list(statement.Action)).sort();
    expect(actions).toEqual(["lambda:InvokeFunction", "sqs:SendMessage"]);
    for (const statement of statements) {
      const text = JSON.stringify(statement.Resource);
      if (list(statement.Action).includes("lambda:InvokeFunction")) expect(text).toContain(starterId);
      else expect(text).toContain("SchedulerDeadLetterQueue");
    }
  });

  it("covers every queue of the shared definition in the namer", () => {
    const name = resourceNamer(full, "none");
    for (const queueName of Object.keys(QUEUES)) {
      const queue = full.stateful.resources.queues[queueName as keyof typeof QUEUES].queue;
      const queueId = full.stateful.getLogicalId(queue.node.defaultChild as CfnElement);
      expect(name({ "Fn::ImportValue": `KoadStateful:ExportsOutputFnGetAtt${queueId}Arn` })).toBe(
        `queue:${queueName}`,
      );
    }
  });
});
