import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/local-api.js";

/** What the local API Gateway answers before any handler: HEAD, 405 with Allow, broken paths. */
let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token("admin");
});

afterAll(async () => {
  await api?.stop();
});

/** A response's headers without the ones that name the connection or the moment. */
function headersOf(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!["date", "connection", "keep-alive"].includes(name)) kept[name] = value;
  });
  return kept;
}

describe("the local HTTP edge", () => {
  it("answers HEAD on a public GET route with its headers and no body", async () => {
    // Act
    const get = await api.request("GET", "/health");
    const head = await api.request("HEAD", "/health");
    // Assess
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(headersOf(head.headers)).toEqual(headersOf(get.headers));
  });

  it("answers HEAD on a GET route with a token as the GET would, without the body", async () => {
    // Prepare
    const customer = await api.request("POST", "/customers", { token: admin, body: { name: "Head GmbH" } });
    // Act
    const head = await api.request("HEAD", `/customers/${customer.body.id}`, { token: admin });
    const missing = await api.request("HEAD", "/customers/nobody", { token: admin });
    // Assess
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-type")).toContain("application/json");
    expect(missing.status).toBe(404);
  });

  it("answers a known path with another method 405 method_not_allowed and an Allow header", async () => {
    // Act
    const health = await api.request("DELETE", "/health");
    const contracts = await api.request("PUT", "/contracts", { token: admin, body: {} });
    // Assess
    expect(health.status).toBe(405);
    expect(health.body.error.code).toBe("method_not_allowed");
    expect(health.headers.get("allow")).toBe("GET, HEAD");
    expect(contracts.status).toBe(405);
    expect(contracts.headers.get("allow")).toContain("POST");
  });

  it("answers HEAD on a path that takes no GET 405 with Allow and no body", async () => {
    const response = await api.request("HEAD", "/contracts", { token: admin });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.text).toBe("");
  });

  it("keeps 404 for a path the API does not know", async () => {
    const response = await api.request("DELETE", "/no-such-thing", { token: admin });
    expect(response.status).toBe(404);
  });

  it.each(["%00%ff", "%zz", "%e2%82"])(
    "answers a path segment %s that is not valid percent-encoding 400",
    async (segment) => {
      // Act
      const response = await api.request("GET", `/contracts/${segment}`, { token: admin });
      // Assess
      expect(response.status, response.text).toBe(400);
      expect(response.body.error).toMatchObject({
        code: "validation_failed",
        details: { "path.contractId": expect.any(String) },
      });
    },
  );
});
