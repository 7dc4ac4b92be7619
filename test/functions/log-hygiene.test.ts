import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { storeDeps } from "../support/dynamo.js";
import type { inProcessApi } from "../support/handlers.js";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJlLXNlY3JldA";
const PERSON = "Erika Mustermann";

let api: Awaited<ReturnType<typeof inProcessApi>>;
let deps: Awaited<ReturnType<typeof storeDeps>>;

beforeAll(async () => {
  // Log everything in this file (the suite's default is silent); the logger reads this when it loads.
  // The handlers (and so the logger) are loaded after it is set.
  process.env.POWERTOOLS_LOG_LEVEL = "DEBUG";
  deps = await storeDeps(new Date().toISOString());
  const handlers = await import("../support/handlers.js");
  api = await handlers.inProcessApi(deps);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function captureLogs(): string[] {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
  return lines;
}

describe("logs", () => {
  it("carry no tokens, request bodies or personal data, even when a request fails inside", async () => {
    const lines = captureLogs();
    const claims = { sub: "hygiene-admin", "custom:role": "admin" };
    const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
    await api.invoke("POST /customers", { headers, claims, body: JSON.stringify({ name: PERSON }) });
    await api.invoke("POST /customers", { headers, claims, body: `{"name": "${PERSON}"` });
    // A failure inside the store: the handler must log it, and still not log the request.
    vi.spyOn(deps.store.customers, "putCustomer").mockRejectedValueOnce(new Error("storage exploded"));
    const failed = await api.invoke("POST /customers", {
      headers,
      claims,
      body: JSON.stringify({ name: PERSON }),
    });
    vi.mocked(process.stdout.write).mockRestore();
    vi.mocked(process.stderr.write).mockRestore();

    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: { code: "internal", message: "Internal error" } });
    const output = lines.join("");
    const unhandled = lines.find((line) => line.includes("Unhandled error")) ?? "";
    // Enough to follow the failure: the request's id (Lambda context), its route and the caller's role.
    expect(JSON.parse(unhandled)).toMatchObject({
      level: "ERROR",
      routeKey: "POST /customers",
      role: "admin",
      function_request_id: expect.any(String),
    });
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("c2VjcmV0LXBheWxvYWQ");
    expect(output).not.toContain(PERSON);
  });
});
