import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../functions/http/openapi.js";
import { ROUTE_DOCS, type RouteDoc } from "../../functions/http/route-docs.js";
import { ROUTES, type RouteKey } from "../../functions/http/routes.js";
import { STATUS_OF_CODE } from "../../functions/shared/http-errors.js";
import { API_TYPES_PATH, generateApiTypes } from "../../scripts/generate-api-types.js";
import { lintOpenApi } from "../../scripts/lint-openapi.js";
import { checkHttpResponse, checkRouteResponse } from "../support/openapi-check.js";

type Operation = {
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

const document = openApiDocument() as { paths: Record<string, Record<string, Operation>> };

function operation(routeKey: string): Operation {
  const [method, path] = routeKey.split(" ") as [string, string];
  const found = document.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`${routeKey} is not in the document`);
  return found;
}

function codesOf(op: Operation, status: string): string[] {
  const schema = op.responses[status]?.content?.["application/json"]?.schema as {
    properties: { error: { properties: { code: { enum: string[] } } } };
  };
  return schema.properties.error.properties.code.enum;
}

describe("openapi document", () => {
  it("has every route of ROUTES declare its success response schemas and its errors", () => {
    // Prepare
    const routes = Object.keys(ROUTES).map((key) => [key, ROUTE_DOCS[key as RouteKey] as RouteDoc] as const);

    // Act
    const lacking = routes
      .filter(([, spec]) => Object.keys(spec.responses ?? {}).length === 0 || spec.errors === undefined)
      .map(([routeKey]) => routeKey);

    // Assess
    expect(lacking, "routes without `responses` and `errors` in functions/http/routes.ts").toEqual([]);
  });

  it("declares a schema for every success and error response of every operation", () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const media = Object.values(response.content ?? {});
          expect(media.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const { schema } of media) expect(schema, `${method} ${path} ${status}`).not.toEqual({});
        }
        expect(op.responses.default, `${method} ${path}`).toBeUndefined();
      }
    }
  });

  it("derives the edge's refusals from each route's spec", () => {
    // Prepare
    const booking = operation("POST /contracts/{contractId}/bookings");
    const health = operation("GET /health");

    // Assess
    expect(Object.keys(booking.responses).sort()).toEqual(
      ["201", "400", "401", "403", "404", "405", "409", "413", "415", "500", "503"].sort(),
    );
    expect(codesOf(booking, "409").sort()).toEqual(
      [
        "quota_exceeded",
        "period_closed",
        "category_not_covered",
        "contract_inactive",
        "idempotency_conflict",
      ].sort(),
    );
    expect(codesOf(booking, "503")).toEqual(["too_much_contention"]);
    expect(health.responses["401"]).toBeUndefined();
    expect(health.responses["404"]).toBeUndefined();
    expect(codesOf(operation("POST /admin/month-close"), "409").sort()).toEqual(
      ["idempotency_conflict", "month_not_ended"].sort(),
    );
  });

  it("names only error codes that have a status and are in the README's error vocabulary", () => {
    // Prepare
    const readme = readFileSync("README.md", "utf8");
    const codes = new Set<string>();
    for (const methods of Object.values(document.paths))
      for (const op of Object.values(methods))
        for (const status of Object.keys(op.responses))
          if (Number(status) >= 400) for (const code of codesOf(op, status)) codes.add(code);

    // Assess
    for (const code of codes) {
      expect(STATUS_OF_CODE[code], code).toBeDefined();
      expect(readme, code).toContain(`\`${code}\``);
    }
    expect(codes).toContain("too_much_contention");
  });

  it("declares the statement's CSV, every request body and limit as an integer from 1 to 200", () => {
    // Prepare
    const statement = operation("GET /customers/{customerId}/statements/{month}");
    const limit = operation("GET /customers").parameters?.find((p) => p.name === "limit");

    // Assess
    expect(Object.keys(statement.responses["200"]?.content ?? {}).sort()).toEqual([
      "application/json",
      "text/csv",
    ]);
    expect(limit?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200 });
    for (const routeKey of [
      "POST /customers",
      "POST /contracts",
      "PUT /contracts/{contractId}/quota",
      "POST /contracts/{contractId}/topups",
      "POST /contracts/{contractId}/bookings",
      "POST /tickets",
      "POST /admin/month-close",
    ])
      expect(operation(routeKey).requestBody?.required, routeKey).toBe(true);
    expect(
      operation("POST /contracts/{contractId}/bookings/{bookingId}/reversal").requestBody?.required,
    ).toBe(false);
  });

  it("passes Redocly's recommended rules with no error and no warning", () => {
    // Act
    const { ok, output } = lintOpenApi();

    // Assess
    expect(ok, output).toBe(true);
  }, 60_000);

  it("has checked-in client types equal to a fresh generation (npm run openapi:types)", async () => {
    // Act
    const fresh = await generateApiTypes();

    // Assess
    expect(readFileSync(API_TYPES_PATH, "utf8")).toBe(fresh);
  }, 60_000);
});

describe("openapi response check", () => {
  const health = {
    status: 200,
    contentType: "application/json",
    text: '{"status":"ok"}',
    body: { status: "ok" },
  };

  it("accepts an answer the document declares", () => {
    expect(() => checkRouteResponse("GET /health", health)).not.toThrow();
    expect(() => checkHttpResponse("GET", "/health", health)).not.toThrow();
  });

  it("refuses a body that does not match its schema", () => {
    const drifted = { ...health, body: { status: "ok", uptime: 3 } };
    expect(() => checkRouteResponse("GET /health", drifted)).toThrow(/does not declare/);
  });

  it("refuses an undeclared status and an undeclared media type", () => {
    expect(() => checkRouteResponse("GET /health", { ...health, status: 204 })).toThrow(/status 204/);
    expect(() => checkRouteResponse("GET /health", { ...health, contentType: "text/plain" })).toThrow(
      /media type/,
    );
  });

  it("refuses an error code its status does not carry on that route", () => {
    const refusal = {
      status: 409,
      contentType: "application/json",
      text: "",
      body: { error: { code: "month_not_ended", message: "no" } },
    };
    expect(() => checkRouteResponse("POST /contracts/{contractId}/bookings", refusal)).toThrow(
      /does not declare/,
    );
  });

  it("lets a documented path asked with another method answer only 404 or 405", () => {
    const notFound = {
      status: 404,
      contentType: "application/json",
      text: "",
      body: { error: { code: "not_found", message: "Not found" } },
    };
    expect(() => checkHttpResponse("DELETE", "/customers/cus_1", notFound)).not.toThrow();
    expect(() => checkHttpResponse("DELETE", "/customers/cus_1", { ...notFound, status: 200 })).toThrow();
  });
});
