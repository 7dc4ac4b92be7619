import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { HANDLER_GROUPS } from "../../functions/http/routes.js";
import { ESBUILD_OPTIONS } from "../../infra/bundling.js";
import { JOBS } from "../../infra/jobs.js";
import { repoRoot } from "../../infra/local/paths.js";
import { ratio } from "../lib/stats.js";

/**
 * The bundle every function is compared with (issue #7): one TransactWriteItems, the SDK bundled as
 * the issue builds it (ESM, minified, `module` first), with the SDK's default credential chain.
 */
export const FLOOR = "floor";
/**
 * The same bare handler built exactly as KoAd ships its functions, i.e. with the credential chain cut
 * to the environment (infra/lambda-credentials.ts): the like-for-like floor, so the report also shows
 * what KoAd's own code costs, not only what the shipped bundle costs.
 */
export const SHIPPED_FLOOR = "floor-shipped";
export const FLOOR_ENTRY = "bench/floor/bare-transaction.handler.ts";
export const FLOORS: readonly string[] = [FLOOR, SHIPPED_FLOOR];

export interface LambdaFunction {
  name: string;
  /** Source entry, relative to the repository root. */
  entry: string;
  /** false: built without KoAd's credential alias (the floor). */
  shipped: boolean;
}

/** Every Lambda function of the system: one per HTTP handler group and one per job, plus the floors. */
export function lambdaFunctions(): LambdaFunction[] {
  return [
    { name: FLOOR, entry: FLOOR_ENTRY, shipped: false },
    { name: SHIPPED_FLOOR, entry: FLOOR_ENTRY, shipped: true },
    ...Object.entries(HANDLER_GROUPS).map(([group, { entry }]) => ({
      name: `http-${group}`,
      entry,
      shipped: true,
    })),
    ...Object.entries(JOBS).map(([job, { entry }]) => ({ name: `job-${job}`, entry, shipped: true })),
  ];
}

export interface BuiltBundle {
  name: string;
  entry: string;
  /** The bundle file, absolute. */
  file: string;
  bytes: number;
  gzipBytes: number;
  ratioToFloor: number;
  /** Against the floor built with the shipped options: what KoAd's own code adds. */
  ratioToShippedFloor: number;
  /** Where the bytes come from: packages (node_modules) and source folders, largest first. */
  largestInputs: { input: string; bytes: number }[];
  /** What this bundle has beyond the floor, by origin, largest first: why it is bigger. */
  overFloor: { input: string; bytes: number }[];
  /** Bytes from packages' CommonJS builds (`dist-cjs`): 0 when `mainFields` picks the ESM builds. */
  commonJsBytes: number;
}

/** Groups the metafile's inputs by package (`@aws-sdk/core`) or source folder (`adapters/dynamodb`). */
function inputsByOrigin(output: Metafile["outputs"][string]): { input: string; bytes: number }[] {
  const byOrigin = new Map<string, number>();
  for (const [file, info] of Object.entries(output.inputs)) {
    // Nested copies (logger/node_modules/@aws-lambda-powertools/commons) count for the outer package.
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
    const origin = pkg ?? file.split("/").slice(0, -1).join("/");
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + info.bytesInOutput);
  }
  return [...byOrigin].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Builds each function with the options the CDK stack ships (infra/bundling.ts) into `outDir`, and
 * measures it: minified bytes, gzip bytes, and the ratio to the floor bundle built in the same run.
 */
export async function buildBundles(outDir: string): Promise<BuiltBundle[]> {
  await rm(outDir, { recursive: true, force: true });
  const built: (Omit<BuiltBundle, "ratioToFloor" | "ratioToShippedFloor" | "overFloor"> & {
    origins: Map<string, number>;
  })[] = [];
  for (const fn of lambdaFunctions()) {
    const file = join(outDir, fn.name, "index.mjs");
    const { alias, ...common } = ESBUILD_OPTIONS;
    const result = await build({
      ...common,
      ...(fn.shipped ? { alias: { ...alias } } : {}),
      mainFields: [...ESBUILD_OPTIONS.mainFields],
      external: [...ESBUILD_OPTIONS.external],
      banner: { ...ESBUILD_OPTIONS.banner },
      absWorkingDir: repoRoot,
      entryPoints: [join(repoRoot, fn.entry)],
      outfile: file,
      metafile: true,
      logLevel: "error",
    });
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(".mjs"));
    if (!output) throw new Error(`esbuild wrote no bundle for ${fn.name}`);
    const origins = inputsByOrigin(output[1]);
    built.push({
      name: fn.name,
      origins: new Map(origins.map((o) => [o.input, o.bytes])),
      entry: fn.entry,
      file,
      bytes: output[1].bytes,
      gzipBytes: gzipSync(readFileSync(file)).byteLength,
      largestInputs: origins.slice(0, 8),
      commonJsBytes: Object.entries(output[1].inputs)
        .filter(([path]) => path.includes("/dist-cjs/"))
        .reduce((total, [, info]) => total + info.bytesInOutput, 0),
    });
  }
  const floor = built.find((b) => b.name === FLOOR);
  const shippedFloor = built.find((b) => b.name === SHIPPED_FLOOR);
  if (!floor || !shippedFloor) throw new Error("A floor bundle is missing");
  return built.map(({ origins, ...b }) => ({
    ...b,
    ratioToFloor: ratio(b.bytes, floor.bytes),
    ratioToShippedFloor: ratio(b.bytes, shippedFloor.bytes),
    // Against the like-for-like floor: the SDK parts cancel out and what remains is KoAd's.
    overFloor: [...origins]
      .map(([input, bytes]) => ({ input, bytes: bytes - (shippedFloor.origins.get(input) ?? 0) }))
      .filter((o) => o.bytes > 0)
      .sort((x, y) => y.bytes - x.bytes)
      .slice(0, 10),
  }));
}
