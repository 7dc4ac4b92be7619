import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { ValidationError } from "../../domain/errors.js";
import { createBookingSchema } from "../../functions/schemas/booking.schema.js";
import {
  changeQuotaSchema,
  createContractSchema,
  topUpSchema,
} from "../../functions/schemas/contract.schema.js";
import { listAlertsQuerySchema, openTicketSchema } from "../../functions/schemas/ticket.schema.js";
import { parseWith } from "../../functions/shared/validation.js";

function detailsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.details as Record<string, string>;
    throw error;
  }
  throw new Error("expected a validation error");
}

/** The table of schemas below mixes their types; each is only parsed. */
const parseAny = (schema: unknown, input: unknown) => parseWith(schema as z.ZodMiniType<unknown>, input);

const booking = { date: "2026-11-02", minutes: 30, category: "service", description: "Patch day" };
const monthly = { customerId: "c1", kind: "monthly", monthlyQuotaMinutes: 600, startMonth: "2026-11" };
const prepaid = {
  customerId: "c1",
  kind: "prepaid",
  monthlyBasisMinutes: 600,
  termYears: 1,
  startDate: "2026-11-01",
};

describe("request validation messages", () => {
  it('calls "50" where an integer is needed "must be an integer", not missing', () => {
    // Act
    const details = detailsOf(() => parseWith(createBookingSchema, { ...booking, minutes: "50" }));
    // Assess
    expect(details).toEqual({ "body.minutes": "must be an integer" });
  });

  it("calls a missing integer required", () => {
    const { minutes: _, ...withoutMinutes } = booking;
    expect(detailsOf(() => parseWith(createBookingSchema, withoutMinutes))).toEqual({
      "body.minutes": "is required",
    });
  });

  it("names the field's own bound for 1e308 and -1e308", () => {
    expect(detailsOf(() => parseWith(createBookingSchema, { ...booking, minutes: 1e308 }))).toEqual({
      "body.minutes": "must be at most 1440",
    });
    expect(detailsOf(() => parseWith(createBookingSchema, { ...booking, minutes: -1e308 }))).toEqual({
      "body.minutes": "must be at least 1",
    });
  });

  it("calls a float where an integer is needed not an integer", () => {
    expect(detailsOf(() => parseWith(createBookingSchema, { ...booking, minutes: 1.5 }))).toEqual({
      "body.minutes": "must be an integer",
    });
  });

  it("refuses a field the route does not take", () => {
    expect(detailsOf(() => parseWith(topUpSchema, { minutes: 60, extra: true }))).toEqual({
      body: "unknown field: extra",
    });
  });
});

describe("request ranges", () => {
  it("takes quotas, bases and top-ups up to 1,000,000 minutes and refuses more", () => {
    // Act
    const taken = [
      parseWith(createContractSchema, { ...monthly, monthlyQuotaMinutes: 1_000_000 }),
      parseWith(createContractSchema, { ...prepaid, monthlyBasisMinutes: 1_000_000 }),
      parseWith(changeQuotaSchema, { monthlyQuotaMinutes: 1_000_000, effectiveMonth: "2026-12" }),
      parseWith(topUpSchema, { minutes: 1_000_000 }),
    ];
    // Assess
    expect(taken).toHaveLength(4);
    expect(detailsOf(() => parseWith(topUpSchema, { minutes: 1_000_001 }))).toEqual({
      "body.minutes": "must be at most 1000000",
    });
    expect(
      detailsOf(() => parseWith(createContractSchema, { ...monthly, monthlyQuotaMinutes: 1_000_001 })),
    ).toHaveProperty(["body.monthlyQuotaMinutes"]);
  });

  it("keeps a single booking within a day", () => {
    expect(detailsOf(() => parseWith(createBookingSchema, { ...booking, minutes: 1441 }))).toEqual({
      "body.minutes": "must be at most 1440",
    });
  });

  it.each([
    ["a date", createBookingSchema, (day: string) => ({ ...booking, date: day }), "body.date"],
    [
      "a start date",
      createContractSchema,
      (day: string) => ({ ...prepaid, startDate: day }),
      "body.startDate",
    ],
    [
      "a start month",
      createContractSchema,
      (day: string) => ({ ...monthly, startMonth: day.slice(0, 7) }),
      "body.startMonth",
    ],
    [
      "an instant",
      openTicketSchema,
      (day: string) => ({ contractId: "c1", priority: "P3", subject: "x", receivedAt: `${day}T12:00:00Z` }),
      "body.receivedAt",
    ],
  ] as const)(
    "takes %s from 2000-01-01 to 2099-12-31 and refuses the days around",
    (_, schema, body, field) => {
      // Act + Assess
      expect(() => parseAny(schema, body("2000-01-01"))).not.toThrow();
      expect(() => parseAny(schema, body("2099-12-31"))).not.toThrow();
      expect(detailsOf(() => parseAny(schema, body("1999-12-31")))).toHaveProperty([field]);
      expect(detailsOf(() => parseAny(schema, body("2100-01-01")))).toHaveProperty([field]);
    },
  );

  it("refuses an alerts query since an instant out of range", () => {
    expect(
      detailsOf(() => parseWith(listAlertsQuerySchema, { since: "1999-06-01T00:00:00Z" }, "query")),
    ).toHaveProperty(["query.since"]);
  });
});
