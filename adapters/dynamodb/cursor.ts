import { ValidationError } from "../../domain/errors.js";

/** Page cursors are the last evaluated key, base64url JSON. Opaque to clients, checked on the way back. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastKey) return undefined;
  return Buffer.from(JSON.stringify(lastKey)).toString("base64url");
}

/**
 * Decodes a cursor and checks it belongs to the query it is passed to (the same partition), so a
 * forged cursor is a 400, never a DynamoDB error or a peek into another partition.
 */
export function decodeCursor(
  cursor: string | undefined,
  expected: Record<string, string>,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () => new ValidationError("Invalid cursor", { cursor: "not a cursor this list returned" });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid();
  const entries = Object.entries(value);
  if (entries.length > 6 || entries.some(([, v]) => typeof v !== "string" || v.length > 512)) throw invalid();
  const key = value as Record<string, string>;
  for (const [name, expectedValue] of Object.entries(expected)) {
    if (key[name] !== expectedValue) throw invalid();
  }
  return key;
}
