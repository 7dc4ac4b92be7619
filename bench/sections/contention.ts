import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dateIn, monthOf } from "../../domain/calendar.js";
import { stopProcess } from "../../infra/local/dynamodb-local.js";
import { repoRoot } from "../../infra/local/paths.js";
import { localSigningKey, signLocalToken } from "../../infra/local/token.js";
import type { ChildMessage, ChildRequest } from "../contention/local-system.child.js";
import { functionEnvironment } from "../lib/env.js";
import { residentKb, startRssSampler } from "../lib/memory.js";
import { elapsedMs, median, percentile, round } from "../lib/stats.js";

const MINUTES = 15;
/** The share of the attempted minutes the quota allows: the rest must be refused, never overdrawn. */
const QUOTA_SHARE = 0.75;

export interface ContentionScenario {
  contracts: number;
  clients: number;
  requests: number;
  accepted: number;
  /** 409 quota_exceeded: the quota was full. */
  refused: number;
  /** Anything else (503 too_much_contention, 5xx): should be 0. */
  failed: number;
  /** The failures by status and error code, e.g. `{"503 too_much_contention": 3}`. */
  failures: Record<string, number>;
  seconds: number;
  bookingsPerSecond: number;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  /** Transactions that lost a race and were re-planned: TransactWriteItems sent minus bookings written. */
  retries: number;
  retriesPerBooking: number;
  /** HTTP attempts the SDK repeated (throttling, 5xx from the engine). */
  sdkRetries: number;
  dynamoRequestsPerRequest: number;
  quotaMinutes: number;
  usedMinutes: number;
  /** Minutes over the quota, summed over the contracts: must be 0. */
  overdrawnMinutes: number;
  /** Contracts whose used counter differs from the sum of their bookings: must be 0. */
  ledgerMismatches: number;
}

export interface ContentionFigures {
  clients: number;
  oneContract: ContentionScenario;
  perClientContract: ContentionScenario;
  memory: MemoryFigures;
}

export interface MemoryFigures {
  /** The peak of (Node + DynamoDB Local) resident memory, sampled every 50 ms during the contention run. */
  peakRssMb: number;
  /** Each process's own high-water mark over its life (start-up and seeding included). */
  nodePeakRssMb: number;
  dynamoDbLocalPeakRssMb: number;
}

/** The local system in a child process, and a typed line to it. */
class LocalSystemProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly javaPid: number | null,
    readonly signingKey: Uint8Array,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<LocalSystemProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), "koad-bench-"));
    const signingKey = localSigningKey(dataDir);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "bench/contention/local-system.child.ts")],
      {
        cwd: repoRoot,
        env: { ...process.env, ...functionEnvironment(), BENCH_DATA_DIR: dataDir },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    const ready = await new Promise<Extract<ChildMessage, { type: "ready" }>>((resolve, reject) => {
      child.once("exit", (code) =>
        reject(new Error(`The local system exited (${code}) before it was ready`)),
      );
      child.on("message", (message: ChildMessage) => {
        if (message.type === "ready") resolve(message);
      });
    });
    return new LocalSystemProcess(child, ready.url, ready.javaPid, signingKey, dataDir);
  }

  call(request: ChildRequest): Promise<Extract<ChildMessage, { type: "stats" }>> {
    return new Promise((resolve) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== "stats") return;
        this.child.off("message", onMessage);
        resolve(message);
      };
      this.child.on("message", onMessage);
      this.child.send(request);
    });
  }

  /** Lets the child stop its engines itself (a signal would orphan DynamoDB Local), then makes sure. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.connected) {
      const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
      this.child.send({ type: "stop" } satisfies ChildRequest);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    }
    await stopProcess(this.child);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The fields of the API's answers the bench reads. */
interface ApiBody {
  id?: string;
  usedMinutes?: number;
  items?: { billedMinutes: number; status: string }[];
  cursor?: string;
  error?: { code: string };
}

interface Answer {
  status: number;
  body: ApiBody | null;
  ms: number;
}

function client(baseUrl: string, token: string) {
  return async (method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Answer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    const start = process.hrtime.bigint();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as ApiBody) : null,
      ms: elapsedMs(start),
    };
  };
}

type Client = ReturnType<typeof client>;

async function sumOfBookings(admin: Client, contractId: string, month: string): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const query = `month=${month}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = await admin("GET", `/contracts/${contractId}/bookings?${query}`);
    if (page.status !== 200) throw new Error(`Listing bookings answered ${page.status}`);
    for (const booking of page.body?.items ?? [])
      if (booking.status === "booked") total += booking.billedMinutes;
    cursor = page.body?.cursor;
  } while (cursor);
  return total;
}

async function scenario(
  system: LocalSystemProcess,
  admin: Client,
  technician: Client,
  options: { clients: number; contracts: number; perClient: number },
): Promise<ContentionScenario> {
  const today = dateIn("Europe/Berlin", new Date());
  const month = monthOf(today);
  const attemptsPerContract = (options.clients * options.perClient) / options.contracts;
  const quotaMinutes = Math.floor(attemptsPerContract * QUOTA_SHARE) * MINUTES;
  const customer = await admin("POST", "/customers", { name: `Contention ${randomUUID()}` });
  const contractIds: string[] = [];
  for (let c = 0; c < options.contracts; c++) {
    const created = await admin("POST", "/contracts", {
      customerId: customer.body?.id,
      kind: "monthly",
      monthlyQuotaMinutes: quotaMinutes,
      startMonth: month,
    });
    if (created.status !== 201) throw new Error(`Creating a contract answered ${created.status}`);
    contractIds.push(created.body?.id ?? "");
  }

  await system.call({ type: "reset" });
  const answers: Answer[] = [];
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: options.clients }, async (_, c) => {
      const contractId = contractIds[c % options.contracts] as string;
      for (let i = 0; i < options.perClient; i++) {
        const body = { date: today, minutes: MINUTES, category: "service", description: `Client ${c} #${i}` };
        answers.push(await technician("POST", `/contracts/${contractId}/bookings`, body, randomUUID()));
      }
    }),
  );
  const seconds = elapsedMs(start) / 1000;
  const stats = await system.call({ type: "stats" });

  const accepted = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 409 && a.body?.error?.code === "quota_exceeded").length;
  let usedMinutes = 0;
  let overdrawnMinutes = 0;
  let ledgerMismatches = 0;
  for (const contractId of contractIds) {
    const balance = await admin("GET", `/contracts/${contractId}/balance?month=${month}`);
    const used = balance.body?.usedMinutes ?? Number.NaN;
    usedMinutes += used;
    overdrawnMinutes += Math.max(0, used - quotaMinutes);
    if ((await sumOfBookings(admin, contractId, month)) !== used) ledgerMismatches++;
  }
  if (usedMinutes !== accepted * MINUTES) ledgerMismatches++;
  const failures: Record<string, number> = {};
  for (const a of answers) {
    if (a.status === 201 || (a.status === 409 && a.body?.error?.code === "quota_exceeded")) continue;
    const kind = `${a.status} ${a.body?.error?.code ?? ""}`.trim();
    failures[kind] = (failures[kind] ?? 0) + 1;
  }
  const transactWrites = stats.commands.TransactWriteItemsCommand ?? 0;
  const commands = Object.values(stats.commands).reduce((a, b) => a + b, 0);
  const latencies = answers.map((a) => a.ms);
  return {
    contracts: options.contracts,
    clients: options.clients,
    requests: answers.length,
    accepted,
    refused,
    failed: answers.length - accepted - refused,
    failures,
    seconds: round(seconds),
    bookingsPerSecond: round(accepted / seconds, 0),
    requestsPerSecond: round(answers.length / seconds, 0),
    medianMs: round(median(latencies)),
    p99Ms: round(percentile(latencies, 99)),
    retries: transactWrites - accepted,
    retriesPerBooking: round((transactWrites - accepted) / Math.max(1, accepted)),
    sdkRetries: stats.attempts - commands,
    dynamoRequestsPerRequest: round(commands / answers.length),
    quotaMinutes: quotaMinutes * options.contracts,
    usedMinutes,
    overdrawnMinutes,
    ledgerMismatches,
  };
}

/**
 * Items 4 and 7: `clients` concurrent technicians booking over HTTP against the local system (in a
 * child process), all on one contract, then each on its own contract. Quotas admit 75 % of the
 * attempted minutes, so the race at the limit is part of the run. Memory is sampled meanwhile.
 */
export async function measureContention(clients: number, perClient: number): Promise<ContentionFigures> {
  const system = await LocalSystemProcess.start();
  try {
    const pids = [system.child.pid, system.javaPid].filter((pid): pid is number => typeof pid === "number");
    const admin = client(system.url, await signLocalToken(system.signingKey, { role: "admin" }));
    const technician = client(system.url, await signLocalToken(system.signingKey, { role: "technician" }));
    // Warm the handlers and the engine so the first scenario does not pay for the JIT alone.
    await scenario(system, admin, technician, { clients, contracts: clients, perClient: 2 });

    const sampler = startRssSampler(pids);
    const oneContract = await scenario(system, admin, technician, { clients, contracts: 1, perClient });
    const perClientContract = await scenario(system, admin, technician, {
      clients,
      contracts: clients,
      perClient,
    });
    const peakKb = sampler.stop();
    const node = system.child.pid ? residentKb(system.child.pid) : null;
    const java = system.javaPid ? residentKb(system.javaPid) : null;
    return {
      clients,
      oneContract,
      perClientContract,
      memory: {
        peakRssMb: round(peakKb / 1024, 0),
        nodePeakRssMb: round((node?.hwmKb ?? 0) / 1024, 0),
        dynamoDbLocalPeakRssMb: round((java?.hwmKb ?? 0) / 1024, 0),
      },
    };
  } finally {
    await system.stop();
  }
}
