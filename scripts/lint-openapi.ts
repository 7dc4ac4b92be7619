/**
 * `npm run openapi:lint`: writes /openapi.json to a temporary file and lints it with Redocly's
 * recommended rules. Fails on any error or warning. Offline: telemetry and update checks are off.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApiDocument } from "../functions/http/openapi.js";

export function lintOpenApi(): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "koad-openapi-"));
  const file = join(dir, "openapi.json");
  try {
    writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
    const run = spawnSync(
      "npx",
      ["--no-install", "redocly", "lint", "--extends=recommended", "--format=stylish", file],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: "off",
          REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
          REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
        },
      },
    );
    const output = `${run.stdout}${run.stderr}`;
    const clean =
      /Your API description is valid/.test(output) &&
      !/warning/i.test(output.replace(/Deprecation warning[^\n]*/g, ""));
    return { ok: run.status === 0 && clean, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok, output } = lintOpenApi();
  process.stdout.write(output.replace(/^\s*[╔║╚].*\n/gm, ""));
  process.exit(ok ? 0 : 1);
}
