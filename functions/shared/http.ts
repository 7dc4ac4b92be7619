import { createHash } from "node:crypto";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import httpSecurityHeaders from "@middy/http-security-headers";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Actor } from "../../domain/access.js";
import {
  ForbiddenError,
  IdempotencyConflictError,
  NotFoundError,
  UnauthorizedError,
} from "../../domain/errors.js";
import { seededIds } from "../../domain/ids.js";
import type { IdempotencyRepository, IdempotentResponse } from "../../domain/repositories.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { type HandlerGroup, ROUTES, type RouteKeyOf, routeSpec } from "../http/routes.js";
import { errorResponse, HttpError } from "./http-errors.js";
import { logger } from "./logger.js";

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface HttpRequest {
  /** Null on public routes. */
  actor: Actor | null;
  routeKey: string;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** Set on POST and PUT requests that carry an `Idempotency-Key`. */
  idempotency: { key: string; fingerprint: string } | null;
}

export interface HttpResponse {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route does: parse, call one use case, map the result. `P`: the ports of its function. */
export type RouteRun<P> = (request: HttpRequest, ports: P) => Promise<HttpResponse>;

/** The routes of a handler group (one Lambda function), each given the function's ports. */
export type GroupRoutes<G extends HandlerGroup, P> = Record<RouteKeyOf<G>, RouteRun<P>>;

const ROLES = new Set(["admin", "technician", "customer"]);

/** The caller, from the JWT claims API Gateway (or the local server) verified. */
export function actorFromClaims(claims: Record<string, unknown> | undefined): Actor {
  if (!claims) throw new UnauthorizedError("A bearer token is required");
  const role = claims["custom:role"];
  const subject = typeof claims.sub === "string" ? claims.sub : "unknown";
  if (typeof role !== "string" || !ROLES.has(role))
    throw new ForbiddenError("The token carries no known role");
  const customerId = claims["custom:customerId"];
  if (role === "customer") {
    if (typeof customerId !== "string" || customerId === "") {
      throw new ForbiddenError("A customer token must name its customer");
    }
    return { role, customerId, subject };
  }
  return { role: role as Actor["role"], customerId: null, subject };
}

function lowerCaseHeaders(headers: HttpEvent["headers"] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== undefined) result[name.toLowerCase()] = value;
  return result;
}

function parseBody(event: HttpEvent, headers: Record<string, string>): unknown {
  if (event.body === undefined || event.body === null || event.body === "") return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new HttpError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes`, {
      limitBytes: MAX_BODY_BYTES,
    });
  }
  const contentType = (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") {
    throw new HttpError("unsupported_media_type", "Send the body as application/json", {
      contentType: contentType || null,
    });
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError("validation_failed", "The body is not valid JSON", { body: "not valid JSON" });
  }
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function idempotencyOf(event: HttpEvent, headers: Record<string, string>, actor: Actor | null) {
  const method = event.requestContext.http.method;
  const key = headers["idempotency-key"];
  if ((method !== "POST" && method !== "PUT") || key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError("validation_failed", "Invalid Idempotency-Key", {
      "headers.idempotency-key": "1 to 255 visible ASCII characters",
    });
  }
  const fingerprint = createHash("sha256")
    .update(`${method} ${event.rawPath}\n${event.body ?? ""}`)
    .digest("base64url");
  // Keys are scoped to the caller: two callers never collide on a key.
  return { key: `${actor?.subject ?? "anonymous"}:${key}`, fingerprint };
}

async function withStoredIdempotency(
  idempotency: IdempotencyRepository,
  claim: { key: string; fingerprint: string },
  run: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const replay = async (): Promise<HttpResponse | null> => {
    const stored = await idempotency.find(claim.key);
    if (!stored) return null;
    if (stored.fingerprint !== claim.fingerprint) {
      throw new IdempotencyConflictError("This Idempotency-Key was used for a different request");
    }
    // In progress: `begin` decides whether that claim is live or was left by a request that died.
    return (stored.response as HttpResponse | null) ?? null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (!(await idempotency.begin(claim.key, claim.fingerprint))) {
    const raced = await replay();
    if (raced) return raced;
    throw new IdempotencyConflictError("A request with this Idempotency-Key is in progress");
  }
  let response: HttpResponse;
  try {
    response = await run();
  } catch (error) {
    await idempotency.release(claim.key);
    throw error;
  }
  if (response.statusCode < 300) {
    const stored: IdempotentResponse = { statusCode: response.statusCode, body: response.body };
    await idempotency.complete(claim.key, claim.fingerprint, stored);
  } else {
    await idempotency.release(claim.key);
  }
  return response;
}

/**
 * The security headers of every API response: what `@middy/http-security-headers` (its defaults) sets
 * on a response that is not HTML, worked out once at cold start. Used as a middleware it rebuilt the
 * same headers, option by option, on every response, and every booking waited for that.
 */
const SECURITY_HEADERS: Record<string, string> = await securityHeaders();

async function securityHeaders(): Promise<Record<string, string>> {
  const request = { response: { statusCode: 200, headers: {} as Record<string, string | undefined> } };
  await httpSecurityHeaders().after?.(request as unknown as middy.Request);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.response.headers))
    if (value !== undefined) headers[name] = value;
  return headers;
}

function serialize(response: HttpResponse): HttpResult {
  // The security headers win over a route's own, as the middleware's did.
  const headers: Record<string, string> = { ...response.headers, ...SECURITY_HEADERS };
  let body: string | undefined;
  // A binary body (a PDF) goes to API Gateway base64-encoded.
  if (Buffer.isBuffer(response.body)) {
    headers["cache-control"] ??= "no-store";
    return {
      statusCode: response.statusCode,
      headers,
      body: response.body.toString("base64"),
      isBase64Encoded: true,
    };
  }
  if (typeof response.body === "string") body = response.body;
  else if (response.body !== undefined) {
    body = JSON.stringify(response.body);
    headers["content-type"] ??= "application/json";
  }
  headers["cache-control"] ??= "no-store";
  return { statusCode: response.statusCode, headers, ...(body === undefined ? {} : { body }) };
}

/** Maps every error to the error model; unknown ones are logged and hidden behind a plain 500. */
const errorMiddleware: middy.MiddlewareObj<HttpEvent, HttpResult> = {
  onError: async (request) => {
    const { statusCode, body, known } = errorResponse(request.error);
    if (!known)
      logger.error("Unhandled error", {
        error: request.error as Error,
        routeKey: request.event.routeKey,
        role: request.event.requestContext?.authorizer?.jwt?.claims?.["custom:role"],
      });
    request.response = serialize({ statusCode, body });
  },
};

/**
 * One Lambda handler for a group of routes: middleware first, handler last. The handler only finds
 * the route, builds the request and calls the route's single use case with the function's `ports`,
 * which its composition root built at cold start. Auth and idempotency of each route come from the
 * route table (routes.ts); routes with stored idempotency need the store's `Idempotency-Key` records.
 */
export function httpHandler<G extends HandlerGroup, P extends UseCaseDeps<unknown>>(
  group: G,
  routes: GroupRoutes<G, P>,
  ports: P,
) {
  const runs = routes as Record<string, RouteRun<P>>;
  const idempotencyRecords = (ports.store as Partial<StoreOf<"idempotency">>).idempotency;
  // A group with stored idempotency fails its cold start, not a request, when its store lacks the records.
  if (!idempotencyRecords && Object.keys(runs).some((key) => routeSpec(key)?.idempotency === "stored"))
    throw new Error(`The ${group} function's store keeps no Idempotency-Key records`);
  return (
    middy<HttpEvent, HttpResult>()
      // The Lambda context goes on every log entry; the caller's role only on the error entry, which is
      // where it helps: keys appended per request, and reset after it, cost every booking ~0.025x.
      .use(injectLambdaContext(logger))
      .use(errorMiddleware)
      .handler(async (event) => {
        // API Gateway's per-path catch-all (`ANY /path`, the stateless stack): a known path, another method.
        const catchAll = methodNotAllowed(event.routeKey);
        if (catchAll) return catchAll;
        // `HEAD /path` is the GET route's answer without its body.
        const head = event.routeKey.startsWith("HEAD ");
        const routeKey = head ? `GET ${event.routeKey.slice("HEAD ".length)}` : event.routeKey;
        const spec = routeSpec(routeKey);
        const run = runs[routeKey];
        if (!spec || spec.group !== group || !run) throw new NotFoundError(`No route ${event.routeKey}`);
        const headers = lowerCaseHeaders(event.headers);
        const actor =
          spec.auth === "token" ? actorFromClaims(event.requestContext.authorizer?.jwt?.claims) : null;
        const request: HttpRequest = {
          actor,
          routeKey,
          pathParameters: (event.pathParameters ?? {}) as Record<string, string>,
          query: (event.queryStringParameters ?? {}) as Record<string, string>,
          headers,
          body: parseBody(event, headers),
          idempotency: idempotencyOf(event, headers, actor),
        };
        const response =
          spec.idempotency === "stored" && request.idempotency && idempotencyRecords
            ? await withStoredIdempotency(idempotencyRecords, request.idempotency, () =>
                // Ids derived from the key: a retry after a crash re-finds what the first attempt wrote.
                run(request, { ...ports, ids: seededIds(request.idempotency?.key ?? "") }),
              )
            : await run(request, ports);
        const result = serialize(response);
        if (!head) return result;
        const { body, ...headOnly } = result;
        return {
          ...headOnly,
          headers: { ...headOnly.headers, "content-length": String(Buffer.byteLength(body ?? "")) },
        };
      })
  );
}

/** The methods the route table has for a path (with HEAD where it has GET), for `Allow`. */
export function allowedMethods(path: string): string[] {
  const methods = new Set<string>();
  for (const routeKey of Object.keys(ROUTES)) {
    const [method, routePath] = routeKey.split(" ");
    if (routePath === path && method) methods.add(method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** The 405 for an `ANY /path` catch-all route key, or null for any other route key. */
function methodNotAllowed(routeKey: string): HttpResult | null {
  if (!routeKey.startsWith("ANY ")) return null;
  const allow = allowedMethods(routeKey.slice("ANY ".length));
  return serialize({
    statusCode: 405,
    headers: { allow: allow.join(", ") },
    body: { error: { code: "method_not_allowed", message: "This method is not allowed on this path" } },
  });
}

/** The actor of a token route (the wrapper guarantees one). */
export function actorOf(request: HttpRequest): Actor {
  if (!request.actor) throw new UnauthorizedError("A bearer token is required");
  return request.actor;
}
