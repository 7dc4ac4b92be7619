import { ValidationError } from "../../domain/errors.js";

/** Page cursors are the last evaluated key, base64url JSON. Opaque to clients, checked on the way back. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastKey) return undefined;
  return Buffer.from(JSON.stringify(lastKey)).toString("base64url");
}

/**
 * What a list's last evaluated key looks like, attribute by attribute: a string is the exact value
 * (the query's partition), `{ prefix }` a non-empty value that starts with it (a sort key, or the
 * base key of an item the index holds). The key has exactly these attributes, no more.
 */
export type CursorShape = Record<string, string | { prefix: string }>;

const MAX_VALUE_LENGTH = 512;

/**
 * Decodes a cursor and checks it is a key the very query it is passed to could have returned: every
 * attribute of the table's and the index's key, each the list's partition or of the list's prefix.
 * So a forged, edited or foreign cursor (another list, another customer) is a 400 naming `cursor`,
 * never a DynamoDB error (a 5xx) and never a page of another partition.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: CursorShape,
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
  const wanted = Object.keys(shape);
  if (entries.length !== wanted.length) throw invalid();
  for (const [name, attribute] of entries) {
    const expected = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (expected === undefined || typeof attribute !== "string" || attribute.length > MAX_VALUE_LENGTH) {
      throw invalid();
    }
    if (typeof expected === "string") {
      if (attribute !== expected) throw invalid();
    } else if (!attribute.startsWith(expected.prefix) || attribute.length === expected.prefix.length) {
      throw invalid();
    }
  }
  return value as Record<string, string>;
}
