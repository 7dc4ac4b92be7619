import type { IdGenerator } from "./ports.js";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

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

/**
 * FNV-1a, 64 bits, in base 36 (13 characters). The 64-bit product is kept in four 16-bit limbs (h3
 * the highest): the FNV prime is 2^40 + 0x1b3, so each step is a multiplication by 0x1b3 plus the
 * hash shifted left by 40 bits, carried limb to limb; bits past 64 fall away. Plain numbers, because
 * a BigInt per step cost ~6x as much on every booking with an `Idempotency-Key`.
 */
function hash64(text: string): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + (h0 << 8);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const high = BigInt(h3 * 0x10000 + h2);
  const low = BigInt(h1 * 0x10000 + h0);
  return ((high << 32n) | low).toString(36).padStart(13, "0");
}

/**
 * Identifiers `<prefix>_<time><random>`: the time part (base 36 milliseconds, fixed width) makes them
 * sort by creation, the 10 random characters make collisions negligible.
 */
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
