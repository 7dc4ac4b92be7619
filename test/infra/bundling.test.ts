import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { InvoiceStore } from "../../adapters/dynamodb/invoice-store.js";
import { HANDLER_GROUPS } from "../../functions/http/routes.js";
import { JOBS } from "../../infra/jobs.js";
import { createKoadApp } from "../../infra/koad-app.js";
import { httpApiEvent } from "../../infra/local/http-event.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { ensureTable } from "../../infra/local/provision.js";
import { NO_DASHBOARD } from "../support/cdk.js";
import { seedInvoice } from "../support/invoice-fixtures.js";

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

  it("the health bundle carries no store and no AWS SDK: it touches no table", () => {
    const health = bundles.find((bundle) => bundle.name === "httpHealth")!;
    const { sources } = JSON.parse(readFileSync(join(health.dir, "index.mjs.map"), "utf8")) as {
      sources: string[];
    };
    expect(sources.filter((source) => source.includes("adapters/") || source.includes("@aws-sdk/"))).toEqual(
      [],
    );
  });

  it.each(bundles)(
    "$name takes credentials from the environment only, not the SDK's whole default chain",
    ({ dir }) => {
      const { sources } = JSON.parse(readFileSync(join(dir, "index.mjs.map"), "utf8")) as {
        sources: string[];
      };
      const packages = new Set(
        sources
          .map((source) => /node_modules\/(@[^/]+\/[^/]+|[^/@][^/]*)\//.exec(source)?.[1])
          .filter(Boolean),
      );
      // A function that calls no AWS service (health) carries no SDK, so no credentials at all.
      if ([...packages].some((name) => name?.startsWith("@aws-sdk/client-"))) {
        expect(packages).toContain("@aws-sdk/credential-provider-env");
      }
      for (const chainOnly of [
        "@aws-sdk/credential-provider-node",
        "@aws-sdk/credential-provider-ini",
        "@aws-sdk/credential-provider-sso",
        "@aws-sdk/credential-provider-web-identity",
        "@aws-sdk/nested-clients",
        "@smithy/credential-provider-imds",
      ]) {
        expect(packages).not.toContain(chainOnly);
      }
    },
  );

  it("a bundle signs its DynamoDB requests with the credentials Lambda puts in the environment", async () => {
    const endpoint = inject("dynamoEndpoint");
    const tableName = `koad-bundle-test-${Date.now()}`;
    await ensureTable(endpoint, tableName);
    const customers = bundles.find((bundle) => bundle.name === "httpCustomers")!;
    const listCustomers = async (instance: string) => {
      // A query string makes a fresh module instance: a cold start with the environment as it is now.
      const url = `${pathToFileURL(join(customers.dir, "index.mjs")).href}?${instance}`;
      const module = (await import(url)) as {
        handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
      };
      const event = httpApiEvent({
        routeKey: "GET /customers",
        rawPath: "/customers",
        claims: { sub: "bundle-test", "custom:role": "admin" },
      });
      return module.handler(event, lambdaContext("koad-http-customers"));
    };
    const saved = { ...process.env };
    try {
      // As on Lambda: no endpoint override in KoAd's config (that path sets its own local credentials);
      // the SDK's standard endpoint variable points it at DynamoDB Local instead.
      delete process.env.DYNAMODB_ENDPOINT;
      process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
      process.env.TABLE_NAME = tableName;
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      delete process.env.AWS_PROFILE;
      const withoutCredentials = await listCustomers("no-credentials");
      expect(withoutCredentials.statusCode).toBe(500);

      // (DynamoDB Local accepts only letters and digits in an access key id.)
      process.env.AWS_ACCESS_KEY_ID = "LambdaRoleKey";
      process.env.AWS_SECRET_ACCESS_KEY = "LambdaRoleSecret";
      process.env.AWS_SESSION_TOKEN = "LambdaRoleSession";
      const withCredentials = await listCustomers("environment-credentials");
      expect(withCredentials.statusCode).toBe(200);
      expect(JSON.parse(withCredentials.body)).toMatchObject({ items: [] });
    } finally {
      // Node's environment object stays; only its variables go back to what they were.
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it("the documents bundle renders an invoice PDF with its fonts and pdfkit's data beside it", async () => {
    // Prepare: an invoice in a table of DynamoDB Local
    const endpoint = inject("dynamoEndpoint");
    const tableName = `koad-bundle-docs-${Date.now()}`;
    await ensureTable(endpoint, tableName);
    const invoices = new InvoiceStore({
      doc: createDocumentClient({ tableName, endpoint }),
      name: tableName,
    });
    const invoiceId = await seedInvoice({ invoices }, "cus_bundle", "2026-03-02");
    const documents = bundles.find((bundle) => bundle.name === "httpDocuments")!;
    const saved = { ...process.env };
    try {
      process.env.TABLE_NAME = tableName;
      process.env.DYNAMODB_ENDPOINT = endpoint;
      // Act: the bundle as Lambda loads it, from its folder (nothing of node_modules beside it)
      const module = (await import(`${pathToFileURL(join(documents.dir, "index.mjs")).href}?pdf`)) as {
        handler: (
          event: unknown,
          context: unknown,
        ) => Promise<{
          statusCode: number;
          body: string;
          isBase64Encoded?: boolean;
          headers: Record<string, string>;
        }>;
      };
      const event = httpApiEvent({
        routeKey: "GET /invoices/{invoiceId}",
        rawPath: `/invoices/${invoiceId}`,
        pathParameters: { invoiceId },
        headers: { accept: "application/pdf" },
        claims: { sub: "bundle-test", "custom:role": "admin" },
      });
      const response = await module.handler(event, lambdaContext("koad-http-documents"));
      // Assess
      expect(response.statusCode, response.body).toBe(200);
      expect(response.isBase64Encoded).toBe(true);
      const pdf = Buffer.from(response.body, "base64");
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.toString("latin1")).toContain("DejaVuSans");
      expect(pdf.toString("latin1")).toContain("factur-x.xml");
      expect(existsSync(join(documents.dir, "fonts", "DejaVuSans.ttf"))).toBe(true);
      expect(existsSync(join(documents.dir, "data", "sRGB_IEC61966_2_1.icc"))).toBe(true);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it.each(["httpBookings", "httpContracts", "jobMonthCloseWorker"])(
    "%s carries no PDF or XML renderer: pdfkit and xmlbuilder2 live in the documents function only",
    (name) => {
      const bundle = bundles.find((b) => b.name === name)!;
      const { sources } = JSON.parse(readFileSync(join(bundle.dir, "index.mjs.map"), "utf8")) as {
        sources: string[];
      };
      const renderers = sources.filter((s) =>
        /node_modules\/(pdfkit|xmlbuilder2|fontkit)\/|adapters\/(pdf|xml)\//.test(s),
      );
      expect(renderers).toEqual([]);
    },
  );
});
