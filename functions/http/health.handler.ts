import { httpHandler } from "../shared/http.js";
import { noStoreDeps } from "../shared/ports.js";
import { openApiDocument } from "./openapi.js";

let document: Record<string, unknown> | undefined;

export const handler = httpHandler("health", noStoreDeps, {
  "GET /health": async () => ({ statusCode: 200, body: { status: "ok" } }),
  "GET /openapi.json": async () => {
    document ??= openApiDocument();
    return { statusCode: 200, body: document };
  },
});
