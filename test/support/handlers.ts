import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { HANDLER_GROUPS, type HandlerGroup, routeSpec } from "../../functions/http/routes.js";
import { setUseCaseDeps } from "../../functions/shared/deps.js";
import type { HttpEvent, HttpResult } from "../../functions/shared/http.js";
import { httpApiEvent } from "../../infra/local/http-event.js";
import { lambdaContext } from "../../infra/local/lambda-context.js";
import { repoRoot } from "../../infra/local/paths.js";
import { ensureQueue, localSqsClient, startSqsLocal } from "../../infra/local/sqs-local.js";
import { QUEUES } from "../../infra/resources.js";
import type { StoreDeps } from "./dynamo.js";

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
 * table, a fixed clock): faster than HTTP, and the store's client can be watched or faulted.
 */
export async function inProcessApi(deps: StoreDeps) {
  process.env.TABLE_NAME = deps.tableName;
  process.env.DYNAMODB_ENDPOINT = deps.endpoint;
  // The queues the handlers send to, on a real local SQS server (each test file its own).
  const sqsServer = await startSqsLocal();
  const sqs = localSqsClient(sqsServer.endpoint);
  process.env.SQS_ENDPOINT = sqsServer.endpoint;
  for (const definition of Object.values(QUEUES)) {
    process.env[definition.urlEnvironmentVariable] = (await ensureQueue(sqs, definition)).url;
  }
  setUseCaseDeps(deps);
  const handlers = new Map<HandlerGroup, Handler>();
  for (const [group, { entry }] of Object.entries(HANDLER_GROUPS) as [HandlerGroup, { entry: string }][]) {
    const module = (await import(pathToFileURL(join(repoRoot, entry)).href)) as { handler: Handler };
    handlers.set(group, module.handler);
  }
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
      return { status: result.statusCode ?? 200, headers, text, body };
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
