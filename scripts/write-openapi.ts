/** Writes the OpenAPI document to the path given (default: stdout), for the linter and the type generator. */
import { writeFileSync } from "node:fs";
import { openApiDocument } from "../functions/http/openapi.js";

const json = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
const target = process.argv[2];
if (target) writeFileSync(target, json);
else process.stdout.write(json);
