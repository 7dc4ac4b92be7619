import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { create } from "xmlbuilder2";

/** The repository root (test/support/../..). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The offline e-invoice validator beside the repository (CI runs in a clone with shared/ beside it). */
export const validateCiiPath = join(repoRoot, "..", "shared", "einvoice", "validate-cii");

export interface CiiFinding {
  rules: string;
  flag: string;
  id: string;
  text: string;
}

export interface CiiVerdict {
  file: string;
  errors: CiiFinding[];
  warnings: CiiFinding[];
}

/** Runs validate-cii once on all the files (one JVM per rule set) and answers per file. */
export function validateCii(files: string[]): Map<string, CiiVerdict> {
  // Run through node, so the script needs no exec bit (CI's copy of shared/ is read-only).
  const run = spawnSync(process.execPath, [validateCiiPath, "--json", ...files], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`validate-cii failed (${run.status}): ${run.stderr}`);
  }
  const report = JSON.parse(run.stdout) as unknown;
  const entries = Array.isArray(report) ? report : ((report as { files?: unknown[] }).files ?? []);
  const verdicts = new Map<string, CiiVerdict>();
  for (const entry of entries as Array<Record<string, unknown>>) {
    const file = String(entry.file);
    const findings = (entry.findings ?? []) as CiiFinding[];
    verdicts.set(file, {
      file,
      errors: findings.filter((f) => f.flag !== "warning" && f.flag !== "information"),
      warnings: findings.filter((f) => f.flag === "warning"),
    });
  }
  return verdicts;
}

const RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

/** The text of every `ram:` element of that local name, in document order. */
export function ramTexts(xml: string, localName: string): string[] {
  const doc = create(xml).node as unknown as Document;
  const found = doc.getElementsByTagNameNS(RAM, localName);
  const texts: string[] = [];
  for (let i = 0; i < found.length; i++) texts.push(found.item(i)?.textContent?.trim() ?? "");
  return texts;
}

/** The text of the only (or first) `ram:` element of that local name inside `parentLocalName`. */
export function ramText(xml: string, parentLocalName: string, localName: string): string | undefined {
  const doc = create(xml).node as unknown as Document;
  const parent = doc.getElementsByTagNameNS(RAM, parentLocalName).item(0);
  return parent?.getElementsByTagNameNS(RAM, localName).item(0)?.textContent?.trim();
}

const RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

/** BT-1, the invoice number: the ram:ID of rsm:ExchangedDocument. */
export function documentNumber(xml: string): string | undefined {
  const doc = create(xml).node as unknown as Document;
  const header = doc.getElementsByTagNameNS(RSM, "ExchangedDocument").item(0);
  return header?.getElementsByTagNameNS(RAM, "ID").item(0)?.textContent?.trim();
}
