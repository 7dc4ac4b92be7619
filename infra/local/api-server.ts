import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Context } from "aws-lambda";
import { HANDLER_GROUPS, type HandlerGroup, ROUTES, type RouteSpec } from "../../functions/http/routes.js";
import type { Provided } from "../../functions/shared/composition.js";
import type { HttpEvent, HttpResult } from "../../functions/shared/http.js";
import { composedHandler } from "./functions.js";
import { httpApiEvent } from "./http-event.js";
import { lambdaContext } from "./lambda-context.js";
import { verifyLocalToken } from "./token.js";

type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** API Gateway accepts up to 10 MB; the local server stops reading well before, the handler caps at 64 KiB. */
const MAX_READ_BYTES = 1024 * 1024;

export interface CompiledRoute {
  routeKey: string;
  method: string;
  pattern: RegExp;
  names: string[];
  spec: RouteSpec;
}

export function compileRoutes(): CompiledRoute[] {
  return Object.entries(ROUTES as Record<string, RouteSpec>).map(([routeKey, spec]) => {
    const [method, path] = routeKey.split(" ") as [string, string];
    const names: string[] = [];
    const source = path
      .split("/")
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param?.[1]) {
          names.push(param[1]);
          return "([^/]+)";
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    return { routeKey, method, pattern: new RegExp(`^${source}$`), names, spec };
  });
}

type RouteMatch =
  | { kind: "route"; route: CompiledRoute; params: Record<string, string> }
  | { kind: "other_method"; allow: string }
  | { kind: "bad_path"; name: string }
  | { kind: "none" };

/**
 * The route for a method and path: `HEAD` takes the `GET` route; a path the table knows under other
 * methods only is `other_method` (405 with `Allow`); a parameter that is not valid percent-encoded
 * UTF-8 (`%zz`, `%ff`) is `bad_path` (400), never a thrown URIError.
 */
export function matchRoute(routes: CompiledRoute[], method: string, pathname: string): RouteMatch {
  const allowed = new Set<string>();
  const wanted = method === "HEAD" ? "GET" : method;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method !== wanted) {
      allowed.add(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    for (const [i, name] of route.names.entries()) {
      try {
        params[name] = decodeURIComponent(match[i + 1] ?? "");
      } catch {
        return { kind: "bad_path", name };
      }
    }
    return { kind: "route", route, params };
  }
  if (allowed.size === 0) return { kind: "none" };
  if (allowed.has("GET")) allowed.add("HEAD");
  return { kind: "other_method", allow: [...allowed].sort().join(", ") };
}

export interface ApiServerOptions {
  port: number;
  /** What the functions are given (a test's clock). */
  given?: Provided;
  signingKey: Uint8Array;
  /** Extra responses for paths outside the API (the dashboard). */
  staticHandler?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function sendJson(
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  // The same baseline headers the handlers' security middleware sets, for answers the server gives itself.
  response.writeHead(statusCode, {
    ...extraHeaders,
    "content-type": "application/json",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "strict-transport-security": "max-age=15552000; includeSubDomains; preload",
    "referrer-policy": "no-referrer",
  });
  response.end(JSON.stringify(body));
}

/**
 * The local API Gateway: matches the route table, verifies the bearer token as the JWT authorizer
 * would, turns the request into an HTTP API payload v2 event and calls the very same Lambda handler.
 */
export async function startApiServer(options: ApiServerOptions): Promise<RunningApi> {
  const routes = compileRoutes();
  const handlers = new Map<HandlerGroup, Promise<LambdaHandler>>();
  const handlerOf = (group: HandlerGroup): Promise<LambdaHandler> => {
    let loaded = handlers.get(group);
    if (!loaded) {
      loaded = composedHandler<LambdaHandler>(HANDLER_GROUPS[group].entry, options.given);
      handlers.set(group, loaded);
    }
    return loaded;
  };

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const method = request.method ?? "GET";
      const found = matchRoute(routes, method, url.pathname);
      if (found.kind === "bad_path") {
        return sendJson(response, 400, {
          error: {
            code: "validation_failed",
            message: "Invalid path",
            details: { [`path.${found.name}`]: "is not valid percent-encoded UTF-8" },
          },
        });
      }
      if (found.kind === "other_method") {
        // As API Gateway answers with the per-path catch-all route of the stateless stack.
        return sendJson(
          response,
          405,
          { error: { code: "method_not_allowed", message: `${method} is not allowed here` } },
          { allow: found.allow },
        );
      }
      if (found.kind === "none") {
        if (options.staticHandler && (await options.staticHandler(request, response))) return;
        return sendJson(response, 404, { error: { code: "not_found", message: "Not found" } });
      }
      const matched = found;
      const head = method === "HEAD";
      const body = await readBody(request);
      if (body === null) {
        return sendJson(response, 413, {
          error: { code: "payload_too_large", message: "Request bodies are limited to 65536 bytes" },
        });
      }
      let claims: Record<string, string> | null = null;
      if (matched.route.spec.auth === "token") {
        const header = request.headers.authorization ?? "";
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        claims = token ? await verifyLocalToken(options.signingKey, token) : null;
        if (!claims) {
          return sendJson(response, 401, {
            error: { code: "unauthorized", message: "A valid bearer token is required" },
          });
        }
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
      }
      const event = httpApiEvent({
        routeKey: matched.route.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ""),
        headers,
        pathParameters: matched.params,
        body,
        claims,
        sourceIp: request.socket.remoteAddress ?? "127.0.0.1",
      });
      const handler = await handlerOf(matched.route.spec.group);
      const result = await handler(event, lambdaContext(`koad-http-${matched.route.spec.group}`));
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(result.headers ?? {})) responseHeaders[name] = String(value);
      // A binary body (a PDF) comes base64-encoded, as API Gateway takes it.
      const payload = result.isBase64Encoded ? Buffer.from(result.body ?? "", "base64") : (result.body ?? "");
      responseHeaders["content-length"] ??= String(Buffer.byteLength(payload));
      response.writeHead(result.statusCode ?? 200, responseHeaders);
      // HEAD is the GET route's answer, headers only.
      response.end(head ? undefined : payload);
    } catch (error) {
      console.error("local API server error", error);
      if (!response.headersSent)
        sendJson(response, 500, { error: { code: "internal", message: "Internal error" } });
      else response.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_READ_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
