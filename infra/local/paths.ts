import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Where `npm start` keeps its data between runs (git-ignored). */
export function defaultDataDir(): string {
  return process.env.KOAD_DATA_DIR ?? join(repoRoot, ".koad-data");
}
