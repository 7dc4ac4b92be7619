import * as z from "zod/mini";
import { createBookingSchema, listBookingsQuerySchema } from "../schemas/booking.schema.js";
import { pageQuerySchema } from "../schemas/common.schema.js";
import {
  balanceQuerySchema,
  changeQuotaSchema,
  createContractSchema,
  topUpSchema,
} from "../schemas/contract.schema.js";
import { createCustomerSchema } from "../schemas/customer.schema.js";
import { monthCloseSchema } from "../schemas/month-close.schema.js";
import {
  listAlertsQuerySchema,
  listTicketsQuerySchema,
  openTicketSchema,
  slaReportQuerySchema,
  ticketEventSchema,
  ticketQueueQuerySchema,
} from "../schemas/ticket.schema.js";
import { STATUS_OF_CODE } from "../shared/http-errors.js";
import { ROUTES, type RouteKey, type RouteSpec } from "./routes.js";

/** The validation schema of each route's body and query: the same objects the handlers parse with. */
const REQUEST_SCHEMAS: Partial<Record<RouteKey, { body?: z.ZodMiniType; query?: z.ZodMiniObject }>> = {
  "POST /customers": { body: createCustomerSchema },
  "GET /customers": { query: pageQuerySchema },
  "POST /contracts": { body: createContractSchema },
  "PUT /contracts/{contractId}/quota": { body: changeQuotaSchema },
  "POST /contracts/{contractId}/topups": { body: topUpSchema },
  "GET /contracts/{contractId}/balance": { query: balanceQuerySchema },
  "POST /contracts/{contractId}/bookings": { body: createBookingSchema },
  "GET /contracts/{contractId}/bookings": { query: listBookingsQuerySchema },
  "POST /tickets": { body: openTicketSchema },
  "GET /contracts/{contractId}/tickets": { query: listTicketsQuerySchema },
  "GET /tickets": { query: ticketQueueQuerySchema },
  "POST /tickets/{ticketId}/events": { body: ticketEventSchema },
  "GET /alerts": { query: listAlertsQuerySchema },
  "GET /customers/{customerId}/sla-report": { query: slaReportQuerySchema },
  "POST /admin/month-close": { body: monthCloseSchema },
};

const jsonSchema = (schema: z.ZodMiniType) =>
  z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as Record<string, unknown>;

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(STATUS_OF_CODE) },
        message: { type: "string" },
        details: { type: "object" },
      },
    },
  },
};

/** The OpenAPI 3.1 document of the API, generated from the route table and the zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [routeKey, spec] of Object.entries(ROUTES)) {
    const [method, path] = routeKey.split(" ") as [string, string];
    const schemas = REQUEST_SCHEMAS[routeKey as RouteKey];
    const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    if (schemas?.query) {
      const query = jsonSchema(schemas.query) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
      }
    }
    if (spec.auth === "token" && (method === "POST" || method === "PUT")) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        schema: { type: "string", maxLength: 255 },
      });
    }
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      tags: [spec.group],
      parameters,
      responses: {
        [String((spec as RouteSpec).successStatus ?? (method === "POST" ? 201 : 200))]: {
          description: "Success",
          content: { "application/json": {} },
        },
        default: { description: "Error", content: { "application/json": { schema: errorSchema } } },
      },
      ...(spec.auth === "token" ? { security: [{ bearer: [] }] } : { security: [] }),
    };
    if (schemas?.body) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: jsonSchema(schemas.body) } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "KoAd API",
      version: "1.0.0",
      description: "Cooperative administration: quotas, pools, bookings, SLAs.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    paths,
  };
}
