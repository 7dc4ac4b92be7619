import { randomUUID } from "node:crypto";
import type { HttpEvent } from "../../functions/shared/http.js";

export interface HttpEventInput {
  routeKey: string;
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  body?: Buffer | string;
  /** Verified JWT claims, as the authorizer passes them (null: a public route). */
  claims?: Record<string, string> | null;
  sourceIp?: string;
}

/**
 * An API Gateway HTTP API (payload format 2.0) event, as API Gateway builds it: lower-case header
 * names, repeated query parameters joined by commas, binary bodies base64-encoded, JWT claims under
 * requestContext.authorizer.jwt.
 */
export function httpApiEvent(input: HttpEventInput): HttpEvent {
  const [method] = input.routeKey.split(" ");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(input.rawQueryString ?? "")) {
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  }
  const body =
    typeof input.body === "string" ? Buffer.from(input.body, "utf8") : (input.body ?? Buffer.alloc(0));
  const text = body.toString("utf8");
  const isText = Buffer.from(text, "utf8").equals(body);
  const now = new Date();
  const pathParameters = input.pathParameters ?? {};
  return {
    version: "2.0",
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString ?? "",
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    ...(body.byteLength > 0 ? { body: isText ? text : body.toString("base64") } : {}),
    isBase64Encoded: body.byteLength > 0 && !isText,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: "127.0.0.1",
      domainPrefix: "local",
      http: {
        method: method ?? "GET",
        path: input.rawPath,
        protocol: "HTTP/1.1",
        sourceIp: input.sourceIp ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: input.routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims: input.claims ?? {}, scopes: [] }, principalId: "", integrationLatency: 0 },
    },
  } as HttpEvent;
}
