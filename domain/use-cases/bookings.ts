import { type Actor, assertAllowed } from "../access.js";
import type { Alert } from "../alert.js";
import { type Booking, bookingIdPrefix } from "../booking.js";
import { type IsoDate, isoInstant, type Month, monthOf } from "../calendar.js";
import type { Category } from "../contract.js";
import {
  AlreadyReversedError,
  ContentionError,
  DomainError,
  IdempotencyConflictError,
  NotFoundError,
  ValidationError,
} from "../errors.js";
import {
  type Balance,
  type BookingContext,
  emptyPeriod,
  monthBalance,
  type PeriodUsage,
  type PoolUsage,
  planBooking,
  planReversal,
  poolBalance,
  type ThresholdCrossing,
} from "../ledger.js";
import type { IdempotentResponse, Page, PageRequest } from "../repositories.js";
import { findContract, today } from "./contracts.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "./deps.js";

/** What booking reads and writes: the ledger, the contracts, and the replay of a retried booking. */
export type BookingStore = StoreOf<"ledger" | "idempotency"> & ContractLookups;

export interface BookHoursInput {
  date: IsoDate;
  minutes: number;
  category: Category;
  description: string;
  ticketId?: string | undefined;
  technician?: string | undefined;
}

export interface BookingResult {
  booking: Booking;
  balance: Balance;
}

/** How to answer a retried request: the handler renders the result it would send. */
export interface IdempotencyRequest {
  key: string;
  fingerprint: string;
  render(result: BookingResult): IdempotentResponse;
}

export type BookHoursOutcome =
  | { outcome: "booked"; result: BookingResult; response: IdempotentResponse | null }
  | { outcome: "replayed"; response: IdempotentResponse };

/** How often a booking re-plans after losing a race to a concurrent writer. */
const MAX_ATTEMPTS = 60;

/** Full-jitter backoff, capped, so that concurrent bookings on one contract spread out. */
async function backoff(attempt: number): Promise<void> {
  const cap = Math.min(100, 2 ** Math.min(attempt, 7));
  await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
}

function balanceAfter(
  context: BookingContext,
  change: { period: PeriodUsage | null; pool: PoolUsage | null },
  day: IsoDate,
  month: Month,
): Balance {
  const { contract } = context;
  if (contract.kind === "monthly") {
    return monthBalance(contract, change.period ?? context.period ?? emptyPeriod(contract.id, month), day);
  }
  const pool = change.pool ?? context.pool?.usage;
  if (!pool) throw new Error(`Pool of contract ${contract.id} is missing`);
  return poolBalance(contract, pool, day);
}

function thresholdAlert(
  deps: UseCaseDeps<unknown>,
  context: BookingContext,
  crossing: ThresholdCrossing,
  at: string,
): Alert {
  return {
    id: deps.ids.newId("alr"),
    type: "quota.threshold",
    customerId: context.contract.customerId,
    contractId: crossing.contractId,
    ...(crossing.month ? { month: crossing.month } : {}),
    at,
    details: {
      percent: crossing.percent,
      usedMinutes: crossing.usedMinutes,
      limitMinutes: crossing.limitMinutes,
    },
  };
}

/**
 * Books hours against a contract. The booking, the balance change, any threshold alerts and the
 * idempotency guard commit in one transaction (one DynamoDB round trip when the context is cached);
 * a lost race re-plans on fresh state, so a quota is never overdrawn.
 */
export async function bookHours(
  deps: UseCaseDeps<BookingStore>,
  actor: Actor,
  contractId: string,
  input: BookHoursInput,
  idempotency: IdempotencyRequest | null = null,
): Promise<BookHoursOutcome> {
  assertAllowed(actor, "bookings.create");
  const day = today(deps);
  if (input.date > day) {
    throw new ValidationError("Work cannot be booked in advance", { date: `must not be after ${day}` });
  }
  const month = monthOf(input.date);
  let context = await deps.store.ledger.bookingContext(contractId, month);
  // Whether `context` was read from the store now (a refusal is decided only on such a context).
  let current = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!context) throw new NotFoundError("Contract not found");
    const planned: BookingContext = context;
    let change: ReturnType<typeof planBooking>;
    try {
      change = planBooking(context, input);
    } catch (error) {
      // A retried request whose first attempt filled the quota must get its first answer, not a refusal.
      if (error instanceof DomainError && idempotency) {
        const response = await storedResponse(deps, idempotency);
        if (response) return { outcome: "replayed", response };
      }
      if (!current && error instanceof DomainError) {
        context = await deps.store.ledger.currentBookingContext(contractId, month);
        current = true;
        continue;
      }
      throw error;
    }
    const now = isoInstant(deps.clock.now());
    const booking: Booking = {
      id: deps.ids.newId(bookingIdPrefix(month)),
      contractId,
      customerId: context.contract.customerId,
      date: input.date,
      month,
      minutes: input.minutes,
      ...change.split,
      poolContractId: change.split.fromPoolMinutes > 0 ? (context.pool?.contract.id ?? null) : null,
      category: input.category,
      description: input.description,
      ticketId: input.ticketId ?? null,
      technician: input.technician ?? actor.subject,
      createdAt: now,
      createdBy: actor.subject,
      status: "booked",
      reversal: null,
    };
    const result: BookingResult = { booking, balance: balanceAfter(context, change, day, month) };
    const response = idempotency ? idempotency.render(result) : null;
    const written = await deps.store.ledger.commitBooking({
      context,
      booking,
      change,
      alerts: change.thresholds.map((crossing) => thresholdAlert(deps, planned, crossing, now)),
      idempotency:
        idempotency && response
          ? { key: idempotency.key, fingerprint: idempotency.fingerprint, response }
          : null,
    });
    if (written.outcome === "written") return { outcome: "booked", result, response };
    if (written.outcome === "replayed") {
      if (!idempotency || written.fingerprint !== idempotency.fingerprint) throw idempotencyConflict();
      return { outcome: "replayed", response: written.response };
    }
    if (written.outcome === "unknown_ticket") {
      throw new ValidationError("The ticket is not a ticket of this contract", {
        ticketId: "no such ticket on this contract",
      });
    }
    // Stale: the store's next context has what changed, read with the refusal.
    if (attempt > 0) await backoff(attempt);
    context = await deps.store.ledger.bookingContext(contractId, month);
    current = true;
  }
  throw new ContentionError("Too many concurrent bookings on this contract; try again");
}

function idempotencyConflict(): IdempotencyConflictError {
  return new IdempotencyConflictError("This Idempotency-Key was used for a different request");
}

async function storedResponse(
  deps: UseCaseDeps<StoreOf<"idempotency">>,
  idempotency: IdempotencyRequest,
): Promise<IdempotentResponse | null> {
  const claimed = await deps.store.idempotency.find(idempotency.key);
  if (!claimed) return null;
  if (claimed.fingerprint !== idempotency.fingerprint || !claimed.response) throw idempotencyConflict();
  return claimed.response;
}

/** Reverses a booking while its month is open: the minutes go back where they came from. */
export async function reverseBooking(
  deps: UseCaseDeps<StoreOf<"ledger"> & ContractLookups>,
  actor: Actor,
  contractId: string,
  bookingId: string,
  input: { reason?: string | undefined } = {},
): Promise<BookingResult> {
  assertAllowed(actor, "bookings.reverse");
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const booking = await deps.store.ledger.getBooking(contractId, bookingId);
    if (!booking) throw new NotFoundError("Booking not found");
    if (booking.status === "reversed") {
      throw new AlreadyReversedError("The booking is already reversed", {
        bookingId,
        reversedAt: booking.reversal?.at ?? null,
      });
    }
    const context = await deps.store.ledger.currentBookingContext(contractId, booking.month);
    if (!context) throw new NotFoundError("Contract not found");
    const change = planReversal(context, booking);
    const reversal = {
      id: deps.ids.newId("rev"),
      at: isoInstant(deps.clock.now()),
      by: actor.subject,
      reason: input.reason ?? null,
    };
    const reversed: Booking = { ...booking, status: "reversed", reversal };
    const written = await deps.store.ledger.commitReversal({ context, booking: reversed, reversal, change });
    if (written.outcome === "written") {
      return { booking: reversed, balance: balanceAfter(context, change, today(deps), booking.month) };
    }
    await backoff(attempt);
  }
  throw new ContentionError("Too many concurrent changes on this contract; try again");
}

export async function listBookings(
  deps: UseCaseDeps<StoreOf<"ledger"> & ContractLookups>,
  actor: Actor,
  contractId: string,
  month: Month | undefined,
  page: PageRequest,
): Promise<Page<Booking>> {
  assertAllowed(actor, "bookings.read");
  await findContract(deps, actor, contractId);
  return deps.store.ledger.listBookings(contractId, month ?? monthOf(today(deps)), page);
}
