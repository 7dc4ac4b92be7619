import type { IdGenerator } from "./ports.js";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

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
