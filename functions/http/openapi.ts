/**
 * The OpenAPI 3.1 document, built from the route table (routes.ts) alone:
 * - each route's entry declares its request schemas (`body`, `query`), its success `responses`
 *   (status → the zod/mini response schema its view is typed by, or media type → schema) and the
 *   business refusals its use case throws (`errors`, by code);
 * - the edge's own refusals follow from the spec (`edgeErrors`): 401/403 for token routes, 404 for
 *   path ids, 409 `idempotency_conflict` for routes that honour `Idempotency-Key`, and on every route
 *   400/413/415 (a body that is not JSON, too large, or of another type), 405 and 500;
 * - every status's error body names exactly the codes that status can carry there.
 * A new route adds `body`/`query`, `responses` and `errors` beside its spec; the test
 * test/functions/openapi.test.ts names any route that lacks them, and the e2e clients
 * (test/support/openapi-check.ts) fail every test that receives an answer the document does not declare.
 */
import * as z from "zod/mini";
import { errorResponseSchema } from "../schemas/common.schema.js";
import { STATUS_OF_CODE } from "../shared/http-errors.js";
import { ROUTE_DOCS, type RouteDoc } from "./route-docs.js";
import { ROUTES, type RouteKey, type RouteSpec } from "./routes.js";

/** A route of the table with what it takes and answers (route-docs.ts). */
type DocumentedRoute = RouteSpec & RouteDoc;

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { unrepresentable: "any", io }) as JsonSchema;
  return rest;
}

function isSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === "object" && value !== null && "_zod" in value;
}

/** The path parameters of a route path (`{contractId}` …). */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/** The refusals the HTTP edge itself can give on a route, by code; its use case's come on top. */
export function edgeErrors(method: string, path: string, spec: RouteSpec): string[] {
  const codes = ["validation_failed", "payload_too_large", "unsupported_media_type", "method_not_allowed"];
  if (spec.auth === "token") codes.push("unauthorized", "forbidden");
  if (pathParameters(path).length > 0) codes.push("not_found");
  if (spec.idempotency && (method === "POST" || method === "PUT")) codes.push("idempotency_conflict");
  codes.push("internal");
  return codes;
}

/** Every code a route can answer with, the edge's and its use case's. */
export function errorCodesOf(routeKey: string, spec: DocumentedRoute): string[] {
  const [method, path] = routeKey.split(" ") as [string, string];
  return [...new Set([...edgeErrors(method, path, spec), ...(spec.errors ?? [])])];
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  400: "The request is not valid (`details` names each field)",
  401: "No valid bearer token",
  403: "The caller's role may not do this",
  404: "Not found (also another customer's resource)",
  405: "The path does not take this method",
  409: "Refused by a business rule or an idempotency conflict",
  413: "The body is larger than 64 KiB",
  415: "The body is not application/json",
  500: "Internal error",
  503: "Too much contention; retry",
};

function operationId(method: string, path: string): string {
  return `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`;
}

function successResponses(spec: DocumentedRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(spec.responses ?? {})) {
    const media: Record<string, z.ZodMiniType> = isSchema(body) ? { "application/json": body } : { ...body };
    responses[status] = {
      description: STATUS_TEXT[Number(status)] ?? "Success",
      content: Object.fromEntries(
        Object.entries(media).map(([type, schema]) => [type, { schema: jsonSchema(schema, "output") }]),
      ),
    };
  }
  return responses;
}

function errorResponses(codes: string[]): Record<string, unknown> {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = STATUS_OF_CODE[code];
    if (status === undefined) throw new Error(`Error code ${code} has no status in http-errors.ts`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? "Error",
      content: {
        "application/json": {
          schema: jsonSchema(errorResponseSchema(list as [string, ...string[]]), "output"),
        },
      },
    };
  }
  return responses;
}

/** The OpenAPI 3.1 document of the API, generated from the route table and the zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [routeKey, route] of Object.entries(ROUTES)) {
    const spec: DocumentedRoute = { ...(route as RouteSpec), ...ROUTE_DOCS[routeKey as RouteKey] };
    const [method, path] = routeKey.split(" ") as [string, string];
    const parameters: unknown[] = pathParameters(path).map((name) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    if (spec.query) {
      const query = jsonSchema(spec.query, "input") as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
      }
    }
    if (spec.idempotency && (method === "POST" || method === "PUT")) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "Makes a retry safe: the same key and body answer the first answer again",
        schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
      });
    }
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      operationId: operationId(method, path),
      tags: [spec.group],
      ...(parameters.length > 0 ? { parameters } : {}),
      responses: { ...successResponses(spec), ...errorResponses(errorCodesOf(routeKey, spec)) },
      security: spec.auth === "token" ? [{ bearer: [] }] : [],
    };
    if (spec.body) {
      operation.requestBody = {
        required: !spec.bodyOptional,
        content: { "application/json": { schema: jsonSchema(spec.body, "input") } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method.toLowerCase()] = operation;
  }
  const groups = [...new Set(Object.values(ROUTES).map((spec) => spec.group))];
  return {
    openapi: "3.1.0",
    info: {
      title: "KoAd API",
      version: "1.0.0",
      description: "Cooperative administration: quotas, pools, bookings, SLAs.",
      license: { name: "Proprietary", identifier: "LicenseRef-KoAd-Proprietary" },
    },
    servers: [{ url: "http://127.0.0.1:3000", description: "The local system (npm start)" }],
    tags: groups.map((name) => ({ name, description: `Routes served by the ${name} function` })),
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    paths,
  };
}
