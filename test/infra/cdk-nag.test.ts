import { Aspects, CfnResource, type Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import {
  fakeDashboardDir,
  NO_DASHBOARD,
  type SynthesizedKoad,
  synthKoad,
  synthKoadWithFakes,
} from "../support/cdk.js";

const withNag = {
  beforeSynth: ({ app }: { app: import("aws-cdk-lib").App }) => Aspects.of(app).add(new AwsSolutionsChecks()),
};

const variants: [string, SynthesizedKoad][] = [
  ["the app as it is", synthKoad({ dashboardDir: NO_DASHBOARD, ...withNag })],
  [
    "the app with jobs, more groups and the dashboard",
    synthKoadWithFakes({ dashboardDir: fakeDashboardDir(), ...withNag }),
  ],
];

const AWS_SOLUTIONS = Match.stringLikeRegexp("AwsSolutions-.*");

const findings = (stack: Stack) => {
  const annotations = Annotations.fromStack(stack);
  const render = (entries: { id: string; entry: { data?: unknown } }[]) =>
    entries.map((entry) => `${entry.id}: ${String(entry.entry.data).split(":")[0]}`);
  return {
    errors: render(annotations.findError("*", AWS_SOLUTIONS)),
    warnings: render(annotations.findWarning("*", AWS_SOLUTIONS)),
  };
};

interface Suppression {
  id: string;
  reason: string;
}

function suppressionsOf(stack: Stack): { path: string; suppression: Suppression }[] {
  const found: { path: string; suppression: Suppression }[] = [];
  for (const node of stack.node.findAll()) {
    if (!(node instanceof CfnResource)) continue;
    const metadata = node.getMetadata("cdk_nag") as { rules_to_suppress?: Suppression[] } | undefined;
    for (const suppression of metadata?.rules_to_suppress ?? [])
      found.push({ path: node.node.path, suppression });
  }
  return found;
}

describe.each(variants)("cdk-nag AwsSolutions: %s", (_name, koad) => {
  it("finds no unsuppressed error or warning in the stateful stack", () => {
    expect(findings(koad.stateful)).toEqual({ errors: [], warnings: [] });
  });

  it("finds no unsuppressed error or warning in the stateless stack", () => {
    expect(findings(koad.stateless)).toEqual({ errors: [], warnings: [] });
  });

  it("suppresses only named AwsSolutions rules, each with a reason a reviewer can check", () => {
    const all = [...suppressionsOf(koad.stateful), ...suppressionsOf(koad.stateless)];
    expect(all.length).toBeGreaterThan(0);
    for (const { path, suppression } of all) {
      expect(suppression.id, path).toMatch(/^AwsSolutions-[A-Z]+[0-9]+$/);
      // A reason says what the finding is about and why it is accepted: more than a few words.
      expect(suppression.reason.split(" ").length, `${path} ${suppression.id}`).toBeGreaterThanOrEqual(10);
    }
  });
});

describe("cdk-nag AwsSolutions: the suppressions", () => {
  it("exempt the app's functions from the '*' finding only for the tracing actions", () => {
    const [, koad] = variants[0]!;
    const roleSuppressions = suppressionsOf(koad.stateless).filter(
      ({ path, suppression }) => path.includes("/Role/") && suppression.id === "AwsSolutions-IAM5",
    );
    expect(roleSuppressions.length).toBeGreaterThan(0);
    for (const { suppression } of roleSuppressions) {
      expect((suppression as Suppression & { applies_to?: unknown[] }).applies_to).toEqual(["Resource::*"]);
    }
  });
});
