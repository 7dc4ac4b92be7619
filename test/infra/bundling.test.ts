import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { HANDLER_GROUPS } from "../../functions/http/routes.js";
import { JOBS } from "../../infra/jobs.js";
import { createKoadApp } from "../../infra/koad-app.js";
import { NO_DASHBOARD } from "../support/cdk.js";

/**
 * The one synthesis with real esbuild bundling (the other infra tests skip it): every function of the
 * app as `npx cdk synth` builds it, then loaded and, for the health group, called.
 */
const NODE_BUILTINS = new Set(builtinModules);
const OPTIONAL_EXTERNALS = new Set(["@aws-sdk/signature-v4-crt", "@aws-sdk/signature-v4a"]);

const outdir = mkdtempSync(join(tmpdir(), "koad-cdk-out-"));
const koad = createKoadApp({ dashboardDir: NO_DASHBOARD, appProps: { outdir } });
koad.app.synth();
const template = Template.fromStack(koad.stateless);

const bundles = Object.entries(koad.stateless.functions).map(([name, fn]) => {
  const resource =
    template.findResources("AWS::Lambda::Function")[
      koad.stateless.getLogicalId(fn.function.node.defaultChild as never)
    ]!;
  const key = resource.Properties.Code.S3Key as string;
  return { name, dir: join(outdir, `asset.${key.replace(/\.zip$/, "")}`) };
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("function bundles", () => {
  it("exist for every handler group and job", () => {
    expect(bundles).toHaveLength(Object.keys(HANDLER_GROUPS).length + Object.keys(JOBS).length);
  });

  it.each(bundles)("$name is one minified ESM file with its source map and the SDK inside", ({ dir }) => {
    const code = readFileSync(join(dir, "index.mjs"), "utf8");
    expect(existsSync(join(dir, "index.mjs.map"))).toBe(true);
    expect(code.startsWith("import { createRequire as __koadCreateRequire }")).toBe(true);
    expect(/export\s*\{[^}]*\bas handler\b/.test(code)).toBe(true);
    // Whatever the bundle still loads from node_modules at run time: only the SDK's optional CRT signers,
    // which it requires inside a try and which SigV4 (all KoAd uses) never needs.
    // Module specifiers only (minified code has `from"` inside other strings too).
    const specifier =
      /(?:\brequire\(|\bimport\(|\bfrom\s*)["']((?:node:)?(?:@[\w.-]+\/)?[\w.-]+(?:\/[\w.-]+)*)["']/g;
    const loaded = [...code.matchAll(specifier)].map((m) => m[1]!);
    expect(loaded).toContain("node:module"); // the banner's import: the scan sees imports
    const external = loaded.filter((name) => !name.startsWith("node:") && !NODE_BUILTINS.has(name));
    expect(external.filter((name) => !OPTIONAL_EXTERNALS.has(name))).toEqual([]);
    expect(code.length / code.split("\n").length).toBeGreaterThan(1000); // minified: long lines
  });

  it("the health bundle loads and answers GET /health as Lambda would run it", async () => {
    process.env.TABLE_NAME = "koad-bundle-test";
    const health = bundles.find((bundle) => bundle.name === "httpHealth")!;
    const module = (await import(pathToFileURL(join(health.dir, "index.mjs")).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const response = await module.handler(
      {
        version: "2.0",
        routeKey: "GET /health",
        rawPath: "/health",
        rawQueryString: "",
        headers: {},
        requestContext: { http: { method: "GET", path: "/health" }, requestId: "bundle-test" },
        isBase64Encoded: false,
      },
      { functionName: "koad-health", awsRequestId: "bundle-test", getRemainingTimeInMillis: () => 10_000 },
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: "ok" });
  });
});
