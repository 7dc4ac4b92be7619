import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type LocalSystem, startLocalSystem } from "../../infra/local/local-system.js";
import { type Role, signLocalToken } from "../../infra/local/token.js";
import { checkHttpResponse } from "./openapi-check.js";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** The running local system (real handlers, DynamoDB Local, local SQS) and an HTTP client for it. */
export interface TestApi {
  system: LocalSystem;
  token(role: Role, customerId?: string): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

export type RequestOptions = {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

/**
 * An HTTP client for a running local system: every answer must be one the OpenAPI document declares
 * (status, media type, body), or the test that got it fails.
 */
export function httpClient(baseUrl: string) {
  return async <T = any>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
    checkHttpResponse(method, new URL(path, baseUrl).pathname, {
      status: response.status,
      contentType: response.headers.get("content-type"),
      text,
      body: parsed,
    });
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}

export async function startTestApi(options: { visibilityTimeoutSeconds?: number } = {}): Promise<TestApi> {
  const system = await startLocalSystem({
    port: 0,
    inMemory: true,
    dataDir: mkdtempSync(join(tmpdir(), "koad-test-")),
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `koad-e2e-${randomUUID()}`,
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
  });
  return {
    system,
    token: (role, customerId) => signLocalToken(system.signingKey, { role, customerId }),
    request: httpClient(system.url),
    stop: () => system.stop(),
  };
}
