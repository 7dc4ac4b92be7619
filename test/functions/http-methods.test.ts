import { describe, expect, it } from "vitest";
import { randomIds } from "../../domain/ids.js";
import { FixedClock } from "../../domain/ports.js";
import { healthRoutes } from "../../functions/http/health.routes.js";
import { httpHandler } from "../../functions/shared/http.js";
import { httpApiEvent } from "../../infra/local/http-event.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";

/** What a function answers for the HEAD and catch-all route keys the stateless stack routes to it. */
const handler = httpHandler("health", healthRoutes, {
  store: {},
  clock: new FixedClock(new Date("2026-11-27T09:00:00Z")),
  ids: randomIds,
  billingTimezone: "Europe/Berlin",
});
const invoke = (routeKey: string, rawPath: string) =>
  handler(httpApiEvent({ routeKey, rawPath }), lambdaContext("test-health"));

describe("httpHandler route keys", () => {
  it("answers HEAD /health as GET /health, with the GET's headers and no body", async () => {
    // Act
    const get = await invoke("GET /health", "/health");
    const head = await invoke("HEAD /health", "/health");
    // Assess
    expect(head.statusCode).toBe(200);
    expect(head.body).toBeUndefined();
    expect(head.headers).toEqual({
      ...get.headers,
      "content-length": String(Buffer.byteLength(get.body ?? "")),
    });
  });

  it("answers the path's catch-all 405 method_not_allowed with the path's methods in Allow", async () => {
    // Act
    const result = await invoke("ANY /health", "/health");
    // Assess
    expect(result.statusCode).toBe(405);
    expect(result.headers?.allow).toBe("GET, HEAD");
    expect(JSON.parse(result.body ?? "{}").error.code).toBe("method_not_allowed");
  });
});
