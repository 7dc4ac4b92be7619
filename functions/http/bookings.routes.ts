import {
  type BookingResult,
  type BookingStore,
  bookHours,
  listBookings,
  reverseBooking,
} from "../../domain/use-cases/bookings.js";
import type { UseCaseDeps } from "../../domain/use-cases/deps.js";
import { createBookingSchema, listBookingsQuerySchema, reversalSchema } from "../schemas/booking.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { bookingView, bookingWithBalanceView, pageView } from "./views.js";

/** The bookings function's ports: the ledger with its contracts, and the records of retried bookings. */
export type BookingsPorts = UseCaseDeps<BookingStore>;

function bookingResponse(result: BookingResult) {
  return { statusCode: 201, body: bookingWithBalanceView(result.booking, result.balance) };
}

export const bookingRoutes: GroupRoutes<"bookings", BookingsPorts> = {
  "POST /contracts/{contractId}/bookings": async (request, ports) => {
    const input = parseWith(createBookingSchema, request.body);
    const idempotency = request.idempotency ? { ...request.idempotency, render: bookingResponse } : null;
    const booked = await bookHours(
      ports,
      actorOf(request),
      pathId(request, "contractId"),
      { ...input, ticketId: input.ticketId ?? undefined },
      idempotency,
    );
    if (booked.outcome === "replayed") return booked.response;
    // With an Idempotency-Key the response was rendered once already, for the guard item.
    return booked.response ?? bookingResponse(booked.result);
  },
  "GET /contracts/{contractId}/bookings": async (request, ports) => {
    const query = parseWith(listBookingsQuerySchema, request.query, "query");
    const page = await listBookings(
      ports,
      actorOf(request),
      pathId(request, "contractId"),
      query.month,
      pageOf(query),
    );
    return { statusCode: 200, body: pageView(page, bookingView) };
  },
  "POST /contracts/{contractId}/bookings/{bookingId}/reversal": async (request, ports) => {
    const input = parseWith(reversalSchema, request.body ?? {});
    const result = await reverseBooking(
      ports,
      actorOf(request),
      pathId(request, "contractId"),
      pathId(request, "bookingId"),
      input,
    );
    return bookingResponse(result);
  },
};
