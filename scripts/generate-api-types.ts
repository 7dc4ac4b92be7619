/**
 * `npm run openapi:types`: the TypeScript types of /openapi.json (openapi-typescript), formatted by
 * Biome, written to test/support/api-types.ts for the typed client (openapi-fetch). The file is
 * checked in; test/functions/openapi.test.ts fails when it differs from a fresh generation.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { openApiDocument } from "../functions/http/openapi.js";

export const API_TYPES_PATH = "test/support/api-types.ts";

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3);
  const source = `/** Generated from /openapi.json by \`npm run openapi:types\`: do not edit. */\n${astToString(ast)}`;
  const format = spawnSync(
    "npx",
    ["--no-install", "biome", "format", `--stdin-file-path=${API_TYPES_PATH}`],
    {
      input: source,
      encoding: "utf8",
    },
  );
  if (format.status !== 0) throw new Error(`biome format failed: ${format.stderr}`);
  return format.stdout;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(API_TYPES_PATH, await generateApiTypes());
}
