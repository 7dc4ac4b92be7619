import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { ensureDynamoDbLocal } from "../../infra/local/dynamodb-local.js";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryMb: number;
  node: string;
  platform: string;
  dynamoDbLocal: string;
}

/** DynamoDB Local's version, from the release notes shipped next to the jar (`2024-11-06 (1.25.1)`). */
async function dynamoDbLocalVersion(): Promise<string> {
  try {
    const readme = readFileSync(join(await ensureDynamoDbLocal(), "README.txt"), "utf8");
    return /\((\d+\.\d+\.\d+)\)/.exec(readme)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

export async function describeMachine(): Promise<Machine> {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    dynamoDbLocal: await dynamoDbLocalVersion(),
  };
}
