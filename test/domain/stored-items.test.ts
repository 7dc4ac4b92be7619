import { describe, expect, it } from "vitest";
import { bookingItem } from "../../adapters/dynamodb/item-builders.js";
import {
  idempotentResponseAttribute,
  parseBooking,
  parseIdempotency,
} from "../../adapters/dynamodb/items.js";
import type { Booking } from "../../domain/booking.js";

describe("stored bookings", () => {
  const booking: Booking = {
    id: "bk-2026-11_0mwyu8ru05dvofiqlwm",
    contractId: "con_monthly",
    customerId: "cus_1",
    date: "2026-11-27",
    month: "2026-11",
    minutes: 50,
    billedMinutes: 60,
    fromQuotaMinutes: 60,
    fromPoolMinutes: 0,
    poolContractId: null,
    overageMinutes: 0,
    category: "service",
    description: "Mail server",
    ticketId: null,
    technician: "tech-1",
    createdAt: "2026-11-27T10:00:00Z",
    createdBy: "tech-1",
    status: "booked",
    reversal: null,
  };
  const drawnAndReversed: Booking = {
    ...booking,
    fromQuotaMinutes: 0,
    fromPoolMinutes: 45,
    poolContractId: "con_pool",
    overageMinutes: 15,
    ticketId: "tkt_1",
    status: "reversed",
    reversal: { id: "rev_1", at: "2026-11-27T11:00:00Z", by: "admin-1", reason: "Booked twice" },
  };

  it("leave out what the key says, empty fields and zero minutes, and read back the same booking", () => {
    const item = bookingItem(booking);
    expect(item).toMatchObject({ pk: "CONTRACT#con_monthly", sk: "BOOKING#bk-2026-11_0mwyu8ru05dvofiqlwm" });
    for (const name of [
      "id",
      "contractId",
      "month",
      "fromPoolMinutes",
      "overageMinutes",
      "ticketId",
      "reversal",
    ])
      expect(item).not.toHaveProperty(name);
    expect(parseBooking(item)).toEqual(booking);
    expect(parseBooking(bookingItem(drawnAndReversed))).toEqual(drawnAndReversed);
  });

  it("still read an item written with every field", () => {
    const written = {
      pk: "CONTRACT#con_monthly",
      sk: `BOOKING#${booking.id}`,
      entity: "booking",
      ...booking,
    };
    expect(parseBooking(written)).toEqual(booking);
  });
});

describe("stored idempotency records", () => {
  const response = { statusCode: 201, body: { id: "bk-1", balance: { remainingMinutes: 570 } } };

  it("keep the response as one JSON string and give back the same response", () => {
    const stored = idempotentResponseAttribute(response);
    expect(typeof stored).toBe("string");
    const record = parseIdempotency({
      pk: "IDEMPOTENCY#k",
      fingerprint: "f",
      expiresAt: 1,
      response: stored,
    });
    expect(record).toEqual({ fingerprint: "f", expiresAt: 1, response });
  });

  it("still read a record written before, with the response as a map", () => {
    const record = parseIdempotency({ pk: "IDEMPOTENCY#k", fingerprint: "f", expiresAt: 1, response });
    expect(record.response).toEqual(response);
  });

  it("read a claim without a response yet as no response", () => {
    expect(
      parseIdempotency({ pk: "IDEMPOTENCY#k", fingerprint: "f", expiresAt: 1, response: null }).response,
    ).toBeNull();
  });

  it("refuse a response that is not one", () => {
    expect(() =>
      parseIdempotency({ pk: "IDEMPOTENCY#k", fingerprint: "f", expiresAt: 1, response: '{"body":1}' }),
    ).toThrow(/Malformed idempotency response/);
  });
});
