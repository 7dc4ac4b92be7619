import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/**
 * DynamoDB Local, AWS's own engine, from the jar inside the npm tarball `amplify-dynamodb-simulator`
 * (folder package/emulator). Fetched with `npm pack` into a git-ignored cache, checked against a
 * pinned sha256, run with the machine's Java.
 */
export const DYNAMODB_LOCAL_PACKAGE = "amplify-dynamodb-simulator@2.9.30";
export const DYNAMODB_LOCAL_TARBALL_SHA256 =
  "3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9";

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function cacheDir(): string {
  return process.env.KOAD_CACHE_DIR ?? join(repoRoot, ".cache");
}

function emulatorDir(): string {
  return join(cacheDir(), "dynamodb-local", DYNAMODB_LOCAL_PACKAGE.replace(/[@/]/g, "_"), "emulator");
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Makes sure the jar is in the cache (about 56 MB, fetched once) and returns its folder. */
export async function ensureDynamoDbLocal(): Promise<string> {
  const target = emulatorDir();
  if (existsSync(join(target, "DynamoDBLocal.jar"))) return target;
  await mkdir(dirname(target), { recursive: true });
  const work = await mkdtemp(join(dirname(target), "fetch-"));
  try {
    const { stdout } = await run(
      "npm",
      ["pack", DYNAMODB_LOCAL_PACKAGE, "--silent", "--pack-destination", work],
      {
        maxBuffer: 1024 * 1024,
      },
    );
    const tarball = join(work, stdout.trim().split("\n").pop() ?? "");
    const digest = await sha256Of(tarball);
    if (digest !== DYNAMODB_LOCAL_TARBALL_SHA256) {
      throw new Error(
        `${DYNAMODB_LOCAL_PACKAGE} has sha256 ${digest}, expected ${DYNAMODB_LOCAL_TARBALL_SHA256}`,
      );
    }
    await run("tar", ["xzf", tarball, "-C", work, "package/emulator"]);
    // Another process may have finished first; either copy is the same verified content.
    if (!existsSync(join(target, "DynamoDBLocal.jar")))
      await rename(join(work, "package", "emulator"), target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return target;
}

export async function assertJava(): Promise<void> {
  try {
    await run("java", ["-version"]);
  } catch {
    throw new Error(
      "DynamoDB Local needs Java 17 or later on the PATH (`java -version` failed). On Debian: apt-get install -y openjdk-17-jre-headless",
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** In memory (tests) or persisted under this folder (`npm start`). */
  dataDir?: string | undefined;
  port?: number | undefined;
}

/** Starts DynamoDB Local on a free port and waits until it answers. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<RunningDynamoDb> {
  await assertJava();
  const dir = await ensureDynamoDbLocal();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ["-dbPath", options.dataDir] : ["-inMemory"];
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const child = spawn(
    "java",
    [
      "-Xmx1g",
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-jar",
      join(dir, "DynamoDBLocal.jar"),
      ...storage,
      "-sharedDb",
      "-disableTelemetry",
      "-port",
      String(port),
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  // However this process ends (a crash included), the engine must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(endpoint, child, () => output);
  return {
    endpoint,
    port,
    stop: () => stopProcess(child),
  };
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(endpoint, { method: "POST" });
      if (response.status > 0) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`DynamoDB Local did not answer within 60 s:\n${output()}`);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}
