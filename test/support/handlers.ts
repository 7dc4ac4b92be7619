import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { LoggingAlertPublisher } from "../../adapters/sns/alert-publisher.js";
import { createSqsClient } from "../../adapters/sqs/client.js";
import { sqsCloseJobQueue } from "../../adapters/sqs/close-job-queue.js";
import { SqsTicketQueue } from "../../adapters/sqs/ticket-queue.js";
import type { AlertPublisher } from "../../domain/alert.js";
import type { CloseJobQueue } from "../../domain/ports.js";
import type { TicketQueue } from "../../domain/ticket.js";
import { adminRoutes } from "../../functions/http/admin.routes.js";
import { alertRoutes } from "../../functions/http/alerts.routes.js";
import { bookingRoutes } from "../../functions/http/bookings.routes.js";
import { contractRoutes } from "../../functions/http/contracts.routes.js";
import { customerRoutes } from "../../functions/http/customers.routes.js";
import { documentRoutes } from "../../functions/http/documents.routes.js";
import { healthRoutes } from "../../functions/http/health.routes.js";
import { invoiceRoutes } from "../../functions/http/invoices.routes.js";
import { reportRoutes } from "../../functions/http/reports.routes.js";
import { type HandlerGroup, routeSpec } from "../../functions/http/routes.js";
import { slaSweepRoutes } from "../../functions/http/sla-sweep.routes.js";
import { statementRoutes } from "../../functions/http/statements.routes.js";
import { ticketRoutes } from "../../functions/http/tickets.routes.js";
import { type HttpEvent, type HttpResult, httpHandler } from "../../functions/shared/http.js";
import { logger } from "../../functions/shared/logger.js";
import { httpApiEvent } from "../../infra/local/http-event.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { ensureQueue, localSqsClient, startSqsLocal } from "../../infra/local/sqs-local.js";
import { QUEUES } from "../../infra/resources.js";
import type { StoreDeps } from "./dynamo.js";
import { checkRouteResponse } from "./openapi-check.js";

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export interface Invocation {
  pathParameters?: Record<string, string>;
  rawQueryString?: string;
  headers?: Record<string, string>;
  body?: string;
  claims?: Record<string, string> | null;
}

export interface InvocationResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: any;
}

/**
 * The HTTP handlers called in this process with API Gateway events, on the given ports (a test
 * table, a fixed clock): faster than HTTP, and the store's client can be watched or faulted. Each
 * function's handler is built from its routes with these ports, as its composition root builds it
 * with the deployed ones; the queues are real (a local SQS server for this test file).
 */
export async function inProcessApi(
  deps: StoreDeps,
  adapters: Partial<{
    ticketQueue: TicketQueue;
    alertPublisher: AlertPublisher;
    closeJobs: CloseJobQueue;
  }> = {},
) {
  const sqsServer = await startSqsLocal();
  const sqs = localSqsClient(sqsServer.endpoint);
  const urls = {} as Record<keyof typeof QUEUES, string>;
  for (const [name, definition] of Object.entries(QUEUES) as [
    keyof typeof QUEUES,
    (typeof QUEUES)[keyof typeof QUEUES],
  ][]) {
    urls[name] = (await ensureQueue(sqs, definition)).url;
  }
  const client = createSqsClient({ endpoint: sqsServer.endpoint });
  const queues = {
    ticketQueue: new SqsTicketQueue(client, urls.tickets, logger),
    closeJobs: sqsCloseJobQueue(client, urls.monthClose),
    alertPublisher: new LoggingAlertPublisher(logger),
  };
  const ports = { ...deps, ...queues, ...adapters };
  const handlers = new Map<HandlerGroup, Handler>([
    ["health", httpHandler("health", healthRoutes, { ...ports, store: {} })],
    ["customers", httpHandler("customers", customerRoutes, ports)],
    ["contracts", httpHandler("contracts", contractRoutes, ports)],
    ["bookings", httpHandler("bookings", bookingRoutes, ports)],
    ["tickets", httpHandler("tickets", ticketRoutes, ports)],
    ["alerts", httpHandler("alerts", alertRoutes, ports)],
    ["reports", httpHandler("reports", reportRoutes, ports)],
    ["slaSweep", httpHandler("slaSweep", slaSweepRoutes, ports)],
    ["statements", httpHandler("statements", statementRoutes, ports)],
    ["admin", httpHandler("admin", adminRoutes, ports)],
    ["invoices", httpHandler("invoices", invoiceRoutes, ports)],
    ["documents", httpHandler("documents", documentRoutes, ports)],
  ]);
  return {
    async invoke(routeKey: string, input: Invocation = {}): Promise<InvocationResult> {
      const spec = routeSpec(routeKey);
      if (!spec) throw new Error(`Unknown route ${routeKey}`);
      const path = (routeKey.split(" ")[1] ?? "/").replace(
        /\{(\w+)\}/g,
        (_, n: string) => input.pathParameters?.[n] ?? "",
      );
      const event = httpApiEvent({
        routeKey,
        rawPath: path,
        rawQueryString: input.rawQueryString,
        headers: input.headers,
        pathParameters: input.pathParameters,
        body: input.body,
        claims: input.claims,
      });
      const result = await (handlers.get(spec.group) as Handler)(event, lambdaContext(`test-${spec.group}`));
      const text = result.body ?? "";
      const headers = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
      );
      let body: unknown = text;
      if ((headers["content-type"] ?? "").includes("json") && text) body = JSON.parse(text);
      const status = result.statusCode ?? 200;
      // Every answer must be one the OpenAPI document declares for its route (status, media type, body).
      checkRouteResponse(routeKey, { status, contentType: headers["content-type"], text, body });
      return { status, headers, text, body };
    },
  };
}

/**
 * Counts writes that changed business data (idempotency records excluded): a write counts once DynamoDB
 * accepted it, so a transaction cancelled by its conditions changed nothing and counts nothing.
 */
export function countDataWrites(doc: DynamoDBDocumentClient): { count: () => number } {
  let count = 0;
  const isData = (key: unknown) =>
    !String((key as { pk?: unknown } | undefined)?.pk ?? "").startsWith("IDEMPOTENCY#");
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, any>;
      const command = String(context.commandName ?? "");
      const result = await next(args);
      if (input.TransactItems) {
        for (const item of input.TransactItems as Record<string, any>[]) {
          const write = item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key;
          if (write && isData(write)) count++;
        }
      } else if (/^(Put|Update|Delete)/.test(command) && isData(input.Item ?? input.Key)) count++;
      else if (/^BatchWrite/.test(command)) count++;
      return result;
    },
    { step: "initialize", name: "countDataWrites" },
  );
  return { count: () => count };
}
