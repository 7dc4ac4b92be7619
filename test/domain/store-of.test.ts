import { describe, expect, it } from "vitest";
import { storeOf } from "../../domain/store/store-of.js";

class Counter {
  private count = 0;
  add(n: number): number {
    this.count += n;
    return this.count;
  }
}

class Greeter {
  constructor(private readonly name: string) {}
  greet(): string {
    return `hello ${this.name}`;
  }
}

describe("storeOf", () => {
  it("gives each store's methods, bound to their store, and the members of plain objects", () => {
    const records = { find: () => "found" };
    const store = storeOf(new Counter(), new Greeter("koad"), { idempotency: records });
    const { add } = store;
    expect(add(2)).toBe(2);
    expect(store.add(3)).toBe(5);
    expect(store.greet()).toBe("hello koad");
    expect(store.idempotency).toBe(records);
    // Only public members: a store's own state stays with it.
    expect(Object.keys(store).sort()).toEqual(["add", "greet", "idempotency"]);
  });

  it("gives the methods a store inherits too, as the store itself answers them", () => {
    class LoudGreeter extends Greeter {
      shout(): string {
        return this.greet().toUpperCase();
      }
    }
    const store = storeOf(new LoudGreeter("koad"));
    expect(store.greet()).toBe("hello koad");
    expect(store.shout()).toBe("HELLO KOAD");
  });
});
