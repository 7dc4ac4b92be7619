import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertJava } from "../../infra/local/dynamodb-local.js";
import { repoRoot } from "../../infra/local/paths.js";
import { until } from "../support/wait.js";

/** `npm start` as a user runs it: the process, its output, its data folder, and Ctrl-C. */
function start(dataDir: string, args: string[] = []) {
  const child = spawn(process.execPath, ["--import", "tsx", "infra/local/main.ts", "--port", "0", ...args], {
    cwd: repoRoot,
    env: { ...process.env, KOAD_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: "SILENT" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const ready = new Promise<{ url: string; dynamo: string }>((resolve, reject) => {
    const timer = setInterval(() => {
      const running = /KoAd is running at (\S+) \(DynamoDB Local at (\S+)\)/.exec(output);
      if (running && output.includes("Ctrl-C stops everything")) {
        clearInterval(timer);
        resolve({ url: running[1] ?? "", dynamo: running[2] ?? "" });
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start exited early:\n${output}`));
      }
    }, 100);
  });
  return { child, ready, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: "POST" });
    return true;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  it("serves the API, keeps its data between runs, seeds only an empty store, and stops everything on Ctrl-C", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "koad-start-"));
    const first = start(dataDir);
    const { url, dynamo } = await first.ready;
    expect(first.output()).toMatch(/Seeded demo customer (cus_\w+)/);
    const seededCustomer = /Seeded demo customer (cus_\w+)/.exec(first.output())?.[1];
    expect((await fetch(`${url}/health`)).status).toBe(200);
    // A sign-in link for each role, whose token the API accepts as that role.
    for (const role of ["admin", "technician", "customer"]) {
      const link = new RegExp(`as ${role}:\\s+(\\S+)#token=(\\S+)`).exec(first.output());
      expect(link?.[1], role).toBe(`${url}/`);
      const me = await fetch(`${url}/customers/${seededCustomer}`, {
        headers: { authorization: `Bearer ${link?.[2]}` },
      });
      expect(me.status, role).toBe(200);
    }
    first.child.kill("SIGINT");
    expect(await exited(first.child)).toBe(0);
    expect(await answers(dynamo)).toBe(false);
    expect(await answers(`${url}/health`)).toBe(false);

    const second = start(dataDir);
    const again = await second.ready;
    expect(second.output()).not.toContain("Seeded demo customer");
    const admin = /admin:\s+(\S+)/.exec(second.output())?.[1];
    const customers = await fetch(`${again.url}/customers`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const body = (await customers.json()) as { items: { id: string }[] };
    expect(body.items.map((c) => c.id)).toContain(seededCustomer);
    second.child.kill("SIGINT");
    expect(await exited(second.child)).toBe(0);
  }, 120_000);

  it("never leaves DynamoDB Local running when the process that started it crashes", async () => {
    const script =
      'import { startDynamoDbLocal } from "./infra/local/dynamodb-local.ts";' +
      'const db = await startDynamoDbLocal(); console.log("ENDPOINT " + db.endpoint); throw new Error("crash");';
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    expect(await exited(child)).not.toBe(0);
    const endpoint = /ENDPOINT (\S+)/.exec(output)?.[1];
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The engine goes down with the failed start; wait for it rather than for a fixed time.
    await until(
      "DynamoDB Local to stop",
      async () => ((await answers(endpoint ?? "")) ? null : true),
      15_000,
    );
    expect(await answers(endpoint ?? "")).toBe(false);
  }, 60_000);

  it("says clearly that Java is needed when it is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(assertJava()).rejects.toThrow(/needs Java 17/);
    } finally {
      process.env.PATH = path;
    }
  });
});
