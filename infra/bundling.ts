import { fileURLToPath } from "node:url";

/** The SDK's default credential chain, replaced in bundles by the environment alone (see the module). */
const LAMBDA_CREDENTIALS_ALIAS = {
  "@aws-sdk/credential-provider-node": fileURLToPath(new URL("./lambda-credentials.ts", import.meta.url)),
} as const;

/**
 * How every Lambda function is bundled: esbuild, ESM, minified, the AWS SDK bundled in (not loaded
 * from the runtime's disk), and `module` before `main` so packages give their small ESM builds. The
 * SDK's credential chain is cut down to what Lambda uses: the environment (infra/lambda-credentials.ts).
 * The CDK `KoadFunction` and the benchmarks both use these options, so what is measured is what ships.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  minify: true,
  sourcemap: true,
  mainFields: ["module", "main"],
  /** ESM bundles that still contain a CommonJS `require` need one; this banner provides it. */
  banner: {
    js: "import { createRequire as __koadCreateRequire } from 'node:module'; const require = __koadCreateRequire(import.meta.url);",
  },
  alias: LAMBDA_CREDENTIALS_ALIAS,
  /** Nothing is external: the SDK is bundled so cold start reads one file. */
  external: [] as string[],
} as const;
