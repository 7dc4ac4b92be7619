/** A part's public members (a class's private ones would make an intersection of stores `never`). */
type Public<T> = { [K in keyof T]: T[K] };

type Combined<P extends object[]> = P extends [infer Head, ...infer Tail extends object[]]
  ? Public<Head> & Combined<Tail>
  : unknown;

/**
 * One store object from the repository stores a function uses: the methods of each store (bound to
 * it), and the members of plain objects such as `{ idempotency }`. A function that builds only the
 * stores it uses carries only those in its bundle.
 */
export function storeOf<P extends object[]>(...parts: P): Combined<P> {
  const store: Record<string, unknown> = {};
  for (const part of parts) {
    const prototype: unknown = Object.getPrototypeOf(part);
    if (prototype === Object.prototype) {
      Object.assign(store, part);
      continue;
    }
    // Up the class chain: a store may extend another (the ledger extends the usage reads).
    for (let level = prototype; level && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
      for (const name of Object.getOwnPropertyNames(level)) {
        // The property lookup finds the nearest class's method, as a call on the store would.
        const member = (part as Record<string, unknown>)[name];
        if (name !== "constructor" && typeof member === "function") store[name] = member.bind(part);
      }
    }
  }
  return store as Combined<P>;
}
