import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signPayload } from "../../../adapters/webhooks/koad-signature.js";
import {
  type ResolveHost,
  type SendWebhookOptions,
  sendWebhook,
} from "../../../adapters/webhooks/send-webhook.js";
// The receiver example of docs/webhooks.md, used as it is published.
import { verifyKoadSignature } from "../../../docs/examples/verify-koad-signature.mjs";

const secret = "whsec_test_0123456789";
const body = JSON.stringify({
  id: "al-1",
  type: "sla.breached",
  contractId: "ctr-1",
  details: { target: "response" },
});

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  signatureValid: boolean;
}

/** A real HTTP receiver on loopback: every request and every connection it sees is recorded. */
let server: Server;
let port = 0;
let received: Received[] = [];
let connections = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const header = request.headers["koad-signature"];
      received.push({
        path: request.url ?? "",
        headers: request.headers,
        body: raw,
        signatureValid: verifyKoadSignature(secret, raw, typeof header === "string" ? header : undefined),
      });
      if (request.url === "/fail") {
        response.writeHead(500).end("boom");
      } else if (request.url === "/redirect") {
        response.writeHead(302, { Location: `http://127.0.0.1:${port}/redirected` }).end();
      } else if (request.url === "/slow") {
        // Never answers: the sender's deadline must end the attempt.
      } else {
        response.writeHead(204).end();
      }
    });
  });
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  connections = 0;
});

/** Whatever the policy answers, nothing but loopback is ever dialled from a test. */
const dialled: string[] = [];
const loopbackOnly: SendWebhookOptions["beforeConnect"] = ({ address }) => {
  dialled.push(address);
  if (address !== "127.0.0.1") throw new Error(`a test must not connect to ${address}`);
};

const local: SendWebhookOptions = { allowLoopbackHttp: true, beforeConnect: loopbackOnly };

describe("sendWebhook to a local receiver", () => {
  it("POSTs the JSON body with a signature the receiver example accepts and the delivery id", async () => {
    // Prepare
    const url = `http://127.0.0.1:${port}/hooks/koad?team=7`;
    // Act
    const result = await sendWebhook({ url, body, secret, deliveryId: "wd-01JDELIVERY" }, local);
    // Assess
    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.path).toBe("/hooks/koad?team=7");
    expect(request!.body).toBe(body);
    expect(request!.signatureValid).toBe(true);
    expect(request!.headers["koad-delivery"]).toBe("wd-01JDELIVERY");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.host).toBe(`127.0.0.1:${port}`);
  });

  it("signs with the time it sends at: t is the unix second of `now`", async () => {
    const now = new Date();
    const result = await sendWebhook(
      { url: `http://127.0.0.1:${port}/ok`, body, secret, deliveryId: "wd-2" },
      { ...local, now: () => now },
    );
    expect(result.ok).toBe(true);
    const t = Math.floor(now.getTime() / 1000);
    expect(received[0]!.headers["koad-signature"]).toBe(signPayload(secret, body, t));
  });

  it("reports a 500 as a failure with its status", async () => {
    const result = await sendWebhook(
      { url: `http://127.0.0.1:${port}/fail`, body, secret, deliveryId: "wd-3" },
      local,
    );
    expect(result).toMatchObject({ ok: false, status: 500, error: "http_status" });
    expect(received).toHaveLength(1);
  });

  it("reports a receiver that does not answer in time as a timeout", async () => {
    const result = await sendWebhook(
      { url: `http://127.0.0.1:${port}/slow`, body, secret, deliveryId: "wd-4" },
      { ...local, timeoutMs: 300 },
    );
    expect(result).toMatchObject({ ok: false, error: "timeout" });
    expect(result.status).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(5000);
  });

  it("does not follow a redirect: a 302 is a failure and the target is never asked", async () => {
    const result = await sendWebhook(
      { url: `http://127.0.0.1:${port}/redirect`, body, secret, deliveryId: "wd-5" },
      local,
    );
    expect(result).toMatchObject({ ok: false, status: 302, error: "redirect_not_followed" });
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
  });

  it("reports a closed port as a network failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await sendWebhook(
      { url: `http://127.0.0.1:${closedPort}/`, body, secret, deliveryId: "wd-6" },
      local,
    );
    expect(result).toMatchObject({ ok: false, error: "network_error" });
  });
});

describe("sendWebhook refuses targets that are not public", () => {
  /** A DNS that answers every name with `addresses`, counting the questions. */
  function resolvingTo(...addresses: string[]): ResolveHost & { calls: string[] } {
    const calls: string[] = [];
    const lookup = async (hostname: string) => {
      calls.push(hostname);
      return addresses.map((address) => ({
        address,
        family: address.includes(":") ? (6 as const) : (4 as const),
      }));
    };
    return Object.assign(lookup, { calls });
  }

  for (const address of ["127.0.0.1", "10.0.0.5", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1"]) {
    it(`refuses a name that resolves to ${address}, before any connection`, async () => {
      // Prepare: the name points at the receiver's own port, so a connection would show there.
      dialled.length = 0;
      const lookup = resolvingTo(address);
      // Act
      const result = await sendWebhook(
        { url: `https://hooks.example.com:${port}/koad`, body, secret, deliveryId: "wd-ssrf" },
        { lookup, beforeConnect: loopbackOnly },
      );
      // Assess
      expect(result).toMatchObject({ ok: false, error: "address_not_allowed" });
      expect(lookup.calls).toEqual(["hooks.example.com"]);
      expect(dialled).toEqual([]);
      expect(connections).toBe(0);
      expect(received).toEqual([]);
    });
  }

  it("refuses a name when any one of its addresses is not public", async () => {
    dialled.length = 0;
    const result = await sendWebhook(
      { url: `https://hooks.example.com:${port}/koad`, body, secret, deliveryId: "wd-mixed" },
      { lookup: resolvingTo("8.8.8.8", "10.0.0.5"), beforeConnect: loopbackOnly },
    );
    expect(result).toMatchObject({ ok: false, error: "address_not_allowed" });
    expect(dialled).toEqual([]);
  });

  it("dials the very address it checked, asking DNS once (a rebinding answer cannot move it)", async () => {
    // Prepare: a DNS that answers a public address first and loopback after.
    dialled.length = 0;
    const answers = ["8.8.4.4", "127.0.0.1"];
    const calls: string[] = [];
    const lookup: ResolveHost = async (hostname) => {
      calls.push(hostname);
      return [{ address: answers[calls.length - 1] ?? "127.0.0.1", family: 4 }];
    };
    // Act: the guard stops the attempt at the socket, so nothing leaves the machine.
    const result = await sendWebhook(
      { url: "https://hooks.example.com/koad", body, secret, deliveryId: "wd-pin" },
      { lookup, beforeConnect: loopbackOnly },
    );
    // Assess
    expect(calls).toEqual(["hooks.example.com"]);
    expect(dialled).toEqual(["8.8.4.4"]);
    expect(result).toMatchObject({ ok: false, error: "connect_refused_by_guard" });
    expect(connections).toBe(0);
  });

  it("refuses http:// when deployed, even to the local receiver", async () => {
    const result = await sendWebhook(
      { url: `http://127.0.0.1:${port}/ok`, body, secret, deliveryId: "wd-http" },
      { beforeConnect: loopbackOnly },
    );
    expect(result).toMatchObject({ ok: false, error: "url_not_allowed" });
    expect(connections).toBe(0);
    expect(received).toEqual([]);
  });

  it("refuses a loopback name over http locally: only the literal 127.0.0.1 is allowed", async () => {
    const result = await sendWebhook(
      { url: `http://localhost:${port}/ok`, body, secret, deliveryId: "wd-name" },
      { ...local, lookup: resolvingTo("127.0.0.1") },
    );
    expect(result).toMatchObject({ ok: false, error: "url_not_allowed" });
    expect(connections).toBe(0);
  });

  it("refuses an https name locally when it resolves to loopback", async () => {
    const result = await sendWebhook(
      { url: `https://hooks.example.com:${port}/ok`, body, secret, deliveryId: "wd-local-https" },
      { ...local, lookup: resolvingTo("127.0.0.1") },
    );
    expect(result).toMatchObject({ ok: false, error: "address_not_allowed" });
    expect(connections).toBe(0);
  });

  it("reports a name that does not resolve", async () => {
    const failing: ResolveHost = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const result = await sendWebhook(
      { url: "https://nowhere.example.com/koad", body, secret, deliveryId: "wd-dns" },
      { lookup: failing, beforeConnect: loopbackOnly },
    );
    expect(result).toMatchObject({ ok: false, error: "dns_failed" });
  });
});
