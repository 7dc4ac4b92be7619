import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { openApiDocument } from "../../functions/http/openapi.js";

/**
 * Every answer an e2e test receives is checked against /openapi.json: its status must be declared for
 * its operation, its media type declared for that status, and its body valid against the declared
 * schema (ajv, JSON Schema 2020-12). A mismatch throws, so the test that got the answer fails.
 */

interface Operation {
  routeKey: string;
  responses: Map<string, Map<string, ValidateFunction>>;
}

interface Checker {
  byRouteKey: Map<string, Operation>;
  paths: { pattern: RegExp; methods: Map<string, Operation> }[];
  anyError: ValidateFunction;
}

let checker: Checker | undefined;

// ajv-formats is CommonJS: under NodeNext the plugin is the module's `default`.
const addFormats = ajvFormats.default.default;

function build(): Checker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const document = openApiDocument() as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
    >;
  };
  const byRouteKey = new Map<string, Operation>();
  const paths: Checker["paths"] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`);
    const entry = { pattern, methods: new Map<string, Operation>() };
    for (const [method, operation] of Object.entries(methods)) {
      const routeKey = `${method.toUpperCase()} ${path}`;
      const responses = new Map<string, Map<string, ValidateFunction>>();
      for (const [status, response] of Object.entries(operation.responses)) {
        const media = new Map<string, ValidateFunction>();
        for (const [type, content] of Object.entries(response.content ?? {}))
          media.set(type, ajv.compile(content.schema));
        responses.set(status, media);
      }
      const compiled = { routeKey, responses };
      byRouteKey.set(routeKey, compiled);
      entry.methods.set(method.toUpperCase(), compiled);
    }
    paths.push(entry);
  }
  const anyError = ajv.compile({
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { enum: ["not_found", "method_not_allowed"] }, message: { type: "string" } },
      },
    },
  });
  return { byRouteKey, paths, anyError };
}

export interface ReceivedResponse {
  status: number;
  contentType: string | null | undefined;
  /** The body as received (text) and, for JSON, parsed. */
  text: string;
  body: unknown;
}

function fail(where: string, response: ReceivedResponse, why: string): never {
  throw new Error(
    `${where} answered ${response.status} (${response.contentType ?? "no content type"}), which /openapi.json does not declare: ${why}\n${response.text.slice(0, 500)}`,
  );
}

function checkOperation(operation: Operation, response: ReceivedResponse): void {
  const where = operation.routeKey;
  const declared = operation.responses.get(String(response.status));
  if (!declared) fail(where, response, `status ${response.status} is not among its responses`);
  if (declared.size === 0) return;
  const mediaType = (response.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const validate = declared.get(mediaType);
  if (!validate) fail(where, response, `media type "${mediaType}" is not declared for this status`);
  const value = mediaType === "application/json" ? response.body : response.text;
  if (!validate(value)) fail(where, response, JSON.stringify(validate.errors?.slice(0, 5)));
}

/** Checks an answer to a request by its route key (the in-process handlers know it). */
export function checkRouteResponse(routeKey: string, response: ReceivedResponse): void {
  checker ??= build();
  const operation = checker.byRouteKey.get(routeKey);
  if (!operation) throw new Error(`${routeKey} is not in /openapi.json`);
  checkOperation(operation, response);
}

/**
 * Checks an answer to a request over HTTP by its method and path. Paths the document does not name
 * (the dashboard's files) are not the API's; a documented path asked with another method may only
 * answer 404 or 405 with the error body.
 */
export function checkHttpResponse(method: string, pathname: string, response: ReceivedResponse): void {
  checker ??= build();
  const entries = checker.paths.filter((p) => p.pattern.test(pathname));
  if (entries.length === 0) return;
  // HEAD answers as its GET would, without the body: the status and media type must be the GET's.
  const head = method.toUpperCase() === "HEAD";
  const asked = head ? "GET" : method.toUpperCase();
  const operation = entries.map((e) => e.methods.get(asked)).find((o) => o !== undefined);
  if (operation && head) {
    const declared = operation.responses.get(String(response.status));
    if (!declared)
      fail(`HEAD ${pathname}`, response, `status ${response.status} is not among the GET's responses`);
    if (response.text !== "") fail(`HEAD ${pathname}`, response, "a HEAD answer carries no body");
    return;
  }
  if (operation) {
    checkOperation(operation, response);
    return;
  }
  // A HEAD of a path that takes no GET is refused like any other method, without the body.
  if (head && (response.status === 404 || response.status === 405) && response.text === "") return;
  if ((response.status === 404 || response.status === 405) && checker.anyError(response.body)) return;
  fail(`${method} ${pathname}`, response, "the path does not take this method");
}
