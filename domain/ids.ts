import type { IdGenerator } from "./ports.js";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Identifiers `<prefix>_<time><random>`: the time part (base 36 milliseconds, fixed width) makes them
 * sort by creation, the 10 random characters make collisions negligible.
 */
/**
 * Identifiers derived from a seed (a request's `Idempotency-Key`): a retried request makes the same
 * identifiers, so its writes find themselves already done instead of doing it twice.
 */
export function seededIds(seed: string): IdGenerator {
  const counts = new Map<string, number>();
  return {
    newId(prefix: string): string {
      const n = counts.get(prefix) ?? 0;
      counts.set(prefix, n + 1);
      return `${prefix}_${hash64(`${seed}\u0000${prefix}\u0000${n}`)}${hash64(`${n}\u0000${prefix}\u0000${seed}`)}`;
    },
  };
}

/** FNV-1a, 64 bits, in base 36 (13 characters). */
function hash64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36).padStart(13, "0");
}

export const randomIds: IdGenerator = {
  newId(prefix: string): string {
    const time = Date.now().toString(36).padStart(9, "0");
    const bytes = new Uint8Array(10);
    globalThis.crypto.getRandomValues(bytes);
    let random = "";
    for (const byte of bytes) random += ALPHABET[byte % 36];
    return `${prefix}_${time}${random}`;
  },
};
