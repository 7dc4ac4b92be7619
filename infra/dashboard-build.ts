import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, transform } from "esbuild";

/**
 * The dashboard as it is served: `app.js` with the modules it imports bundled and minified into one
 * file, `styles.css` minified, `index.html` as written. The sources in `dashboard/` run unbundled too;
 * the bundle only makes the page lighter (one script request instead of five).
 * The local server builds it in memory; a deploy writes it to a folder for S3 (`writeDashboard`).
 */
export interface DashboardFiles {
  "index.html": Buffer;
  "app.js": Buffer;
  "styles.css": Buffer;
}

export async function buildDashboard(sourceDir: string): Promise<DashboardFiles> {
  const [script, styles] = await Promise.all([
    build({
      entryPoints: [join(sourceDir, "app.js")],
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2022",
      platform: "browser",
      write: false,
      logLevel: "silent",
    }),
    transform(readFileSync(join(sourceDir, "styles.css"), "utf8"), { loader: "css", minify: true }),
  ]);
  const bundled = script.outputFiles[0];
  if (!bundled) throw new Error("esbuild wrote no dashboard bundle");
  return {
    "index.html": readFileSync(join(sourceDir, "index.html")),
    "app.js": Buffer.from(bundled.contents),
    "styles.css": Buffer.from(styles.code),
  };
}

/**
 * Writes the built dashboard to `outDir`, for a BucketDeployment, with its `config.json`: the given
 * one, else `dashboard/config.json`; `false` writes none (the deploy adds it, e.g. with
 * `Source.jsonData`, so the API URL and client id can be CDK tokens). Deployed, the config is e.g.
 * `{"apiBaseUrl": "https://abc.execute-api.eu-central-1.amazonaws.com", "cognito": {"domain": "https://koad.auth.eu-central-1.amazoncognito.com", "clientId": "..."}}`.
 */
export async function writeDashboard(
  sourceDir: string,
  outDir: string,
  config?: Record<string, unknown> | false,
): Promise<void> {
  const files = await buildDashboard(sourceDir);
  mkdirSync(outDir, { recursive: true });
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(outDir, name), contents);
  if (config === false) return;
  const configJson = config ? JSON.stringify(config) : readFileSync(join(sourceDir, "config.json"), "utf8");
  writeFileSync(join(outDir, "config.json"), configJson);
}

/** Changes whenever a file of the folder changes, so a cached build can tell it is stale. */
export function dashboardSourceStamp(sourceDir: string): string {
  // Every file below the folder (the views live in dashboard/views/), so an edit anywhere rebuilds.
  return (readdirSync(sourceDir, { recursive: true }) as string[])
    .sort()
    .map((name) => {
      const stat = statSync(join(sourceDir, name));
      return `${name}:${stat.mtimeMs}:${stat.size}`;
    })
    .join("|");
}
