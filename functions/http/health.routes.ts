import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import type { HealthResponse } from "../schemas/common.schema.js";
import type { GroupRoutes } from "../shared/http.js";
import { openApiDocument } from "./openapi.js";

/** The health function touches no table. */
export type HealthPorts = UseCaseDeps<Record<string, never>>;

let document: Record<string, unknown> | undefined;

export const healthRoutes: GroupRoutes<"health", HealthPorts> = {
  "GET /health": async () => ({ statusCode: 200, body: { status: "ok" } satisfies HealthResponse }),
  "GET /openapi.json": async () => {
    document ??= openApiDocument();
    return { statusCode: 200, body: document };
  },
};
