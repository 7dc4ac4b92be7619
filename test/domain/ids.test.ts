import { describe, expect, it } from "vitest";
import { seededIds } from "../../domain/ids.js";

/** FNV-1a, 64 bits, straight from its definition (BigInt), in base 36. */
function referenceFnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36).padStart(13, "0");
}

describe("seededIds", () => {
  it("derives each id from the seed, the prefix and the count by FNV-1a 64", () => {
    const seeds = ["tech-1:9f1c2e7a", "admin:ÄÖÜ✓ key", "", "x".repeat(300)];
    for (const seed of seeds) {
      const ids = seededIds(seed);
      for (const prefix of ["bk-2026-11", "cus", "alr"]) {
        for (let n = 0; n < 3; n++) {
          const expected = `${prefix}_${referenceFnv1a64(`${seed}\u0000${prefix}\u0000${n}`)}${referenceFnv1a64(`${n}\u0000${prefix}\u0000${seed}`)}`;
          expect(ids.newId(prefix)).toBe(expected);
        }
      }
    }
  });

  it("makes the same ids again for the same seed, and other ids for another seed", () => {
    const first = seededIds("retry-me");
    const again = seededIds("retry-me");
    const other = seededIds("retry-me2");
    const a = [first.newId("bk"), first.newId("bk"), first.newId("alr")];
    expect([again.newId("bk"), again.newId("bk"), again.newId("alr")]).toEqual(a);
    expect(new Set(a).size).toBe(3);
    expect(other.newId("bk")).not.toBe(a[0]);
  });
});
