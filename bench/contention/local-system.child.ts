/**
 * The local system (`npm start`'s runtime: DynamoDB Local, local SQS, the HTTP API on the real
 * handlers) in a process of its own, so the bench can load it over HTTP and read its memory. The
 * store's document client is metered; the parent asks for the figures over the IPC channel.
 */
import { createDocumentClient } from "../../adapters/dynamodb/client.js";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local.js";
import { startLocalSystem } from "../../infra/local/local-system.js";
import { meterDynamo } from "../lib/dynamo-meter.js";
import { childPids, residentKb } from "../lib/memory.js";

export type ChildRequest = { type: "stats" } | { type: "reset" } | { type: "stop" };
export type ChildMessage =
  | { type: "ready"; url: string; javaPid: number | null }
  | {
      type: "stats";
      commands: Record<string, number>;
      attempts: number;
      node: { rssKb: number; hwmKb: number } | null;
      java: { rssKb: number; hwmKb: number } | null;
    };

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir || !process.send) throw new Error("Start this file from bench/sections/contention.ts");
const send = (message: ChildMessage) => process.send?.(message);

// DynamoDB Local first, so that the functions can be given one metered document client on it.
const dynamo = await startDynamoDbLocal({});
const doc = createDocumentClient({ tableName: "koad-bench", endpoint: dynamo.endpoint });
const meter = meterDynamo(doc);
const system = await startLocalSystem({
  port: 0,
  inMemory: true,
  dataDir,
  tableName: "koad-bench",
  dynamoEndpoint: dynamo.endpoint,
  given: { dynamo: doc },
});
const javaPid = childPids(process.pid).find((child) => child.command === "java")?.pid ?? null;

let stopping: Promise<void> | undefined;
/** Stops DynamoDB Local and the rest before exiting: a bare exit would leave the Java process behind. */
function shutDown(): Promise<void> {
  stopping ??= system
    .stop()
    .then(() => dynamo.stop())
    .finally(() => process.exit(0));
  return stopping;
}
process.on("disconnect", () => void shutDown()); // the bench itself went away
process.on("SIGTERM", () => void shutDown());

process.on("message", async (request: ChildRequest) => {
  if (request.type === "reset") meter.reset();
  if (request.type === "stats" || request.type === "reset") {
    send({
      type: "stats",
      commands: Object.fromEntries(meter.commands),
      attempts: meter.attempts(),
      node: residentKb(process.pid),
      java: javaPid ? residentKb(javaPid) : null,
    });
  }
  if (request.type === "stop") await shutDown();
});
send({ type: "ready", url: system.url, javaPid });
