import { BookingContexts } from "../../domain/store/booking-contexts.js";
import { ContractStore } from "../../domain/store/contract-store.js";
import { IdempotencyStore } from "../../domain/store/idempotency-store.js";
import { LedgerStore } from "../../domain/store/ledger-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import {
  type BookingResult,
  bookHours,
  listBookings,
  reverseBooking,
} from "../../domain/use-cases/bookings.js";
import { createBookingSchema, listBookingsQuerySchema } from "../schemas/booking.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { balanceView, bookingView, pageView } from "./views.js";

function bookingResponse(result: BookingResult) {
  return { statusCode: 201, body: { ...bookingView(result.booking), balance: balanceView(result.balance) } };
}

/** The ledger with its contracts (one booking-context cache), and the records of retried bookings. */
const deps = storeDeps((table) => {
  const contexts = new BookingContexts();
  return storeOf(new LedgerStore(table, contexts), new ContractStore(table, contexts), {
    idempotency: new IdempotencyStore(table),
  });
});

export const handler = httpHandler("bookings", deps, {
  "POST /contracts/{contractId}/bookings": async (request, deps) => {
    const input = parseWith(createBookingSchema, request.body);
    const idempotency = request.idempotency ? { ...request.idempotency, render: bookingResponse } : null;
    const booked = await bookHours(
      deps,
      actorOf(request),
      pathId(request, "contractId"),
      { ...input, ticketId: input.ticketId ?? undefined },
      idempotency,
    );
    if (booked.outcome === "replayed") return booked.response;
    // With an Idempotency-Key the response was rendered once already, for the guard item.
    return booked.response ?? bookingResponse(booked.result);
  },
  "GET /contracts/{contractId}/bookings": async (request, deps) => {
    const query = parseWith(listBookingsQuerySchema, request.query, "query");
    const page = await listBookings(
      deps,
      actorOf(request),
      pathId(request, "contractId"),
      query.month,
      pageOf(query),
    );
    return { statusCode: 200, body: pageView(page, bookingView) };
  },
  "POST /contracts/{contractId}/bookings/{bookingId}/reversal": async (request, deps) => {
    const result = await reverseBooking(
      deps,
      actorOf(request),
      pathId(request, "contractId"),
      pathId(request, "bookingId"),
    );
    return bookingResponse(result);
  },
});
