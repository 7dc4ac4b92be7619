import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../dashboard/api.js";
import { inTerm, termMonths } from "../../dashboard/format.js";
import { createStore, failed, initialState, isBusy, LOADING, loaded } from "../../dashboard/store.js";

describe("store", () => {
  it("merges a patch or a function's result into a new state object, and tells every listener", () => {
    // Prepare
    const store = createStore({ count: 0, name: "a" });
    const first = store.getState();
    const seen: number[] = [];
    store.subscribe((state) => seen.push(state.count));
    // Act
    store.update({ count: 1 });
    store.update((state) => ({ count: state.count + 1 }));
    // Assess
    expect(store.getState()).toEqual({ count: 2, name: "a" });
    expect(store.getState()).not.toBe(first);
    expect(first).toEqual({ count: 0, name: "a" });
    expect(seen).toEqual([1, 2]);
  });

  it("stops telling a listener once it unsubscribed, even from inside another listener", () => {
    const store = createStore({ count: 0 });
    const late = vi.fn();
    let stopLate = () => {};
    store.subscribe(() => stopLate());
    stopLate = store.subscribe(late);
    store.update({ count: 1 });
    store.update({ count: 2 });
    // The first change reached it (the listeners were copied before), the second did not.
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe("remote state", () => {
  it("keeps an API failure's status and code, a 404 as unavailable", () => {
    expect(failed(new ApiError(404, "not_found", "Not found"))).toEqual({
      status: "unavailable",
      failure: { status: 404, code: "not_found" },
    });
    expect(failed(new ApiError(500, "internal", "Boom"))).toEqual({
      status: "error",
      failure: { status: 500, code: "internal" },
    });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(failed(new TypeError("x is undefined"))).toEqual({
      status: "error",
      failure: { status: 0, code: "error" },
    });
    expect(consoleError).toHaveBeenCalledOnce();
    consoleError.mockRestore();
  });

  it("is busy while starting and while anything shown is loading, never on the sign-in", () => {
    const start = initialState();
    expect(isBusy(start)).toBe(true);
    expect(isBusy({ ...start, view: "signin" })).toBe(false);
    const shown = { ...start, view: "customer" as const, contracts: loaded([]) };
    expect(isBusy(shown)).toBe(false);
    expect(isBusy({ ...shown, panels: { alerts: LOADING } })).toBe(true);
    expect(
      isBusy({
        ...shown,
        bookings: { c1: { month: "2026-01", list: LOADING, loadingMore: false, moreFailure: null } },
      }),
    ).toBe(true);
    expect(isBusy({ ...shown, customers: LOADING })).toBe(true);
  });
});

describe("termMonths", () => {
  it("spans a monthly quota from its first month, open-ended, and a pool over its dates", () => {
    const monthly = termMonths({ kind: "monthly", startMonth: "2026-03" });
    expect(monthly).toEqual({ first: "2026-03", last: null });
    expect(inTerm(monthly, "2026-02")).toBe(false);
    expect(inTerm(monthly, "2030-01")).toBe(true);
    const pool = termMonths({ kind: "prepaid", startDate: "2026-09-01", endDate: "2027-08-31" });
    expect(pool).toEqual({ first: "2026-09", last: "2027-08" });
    expect(inTerm(pool, "2027-08")).toBe(true);
    expect(inTerm(pool, "2027-09")).toBe(false);
  });
});
