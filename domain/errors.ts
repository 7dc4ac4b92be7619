/**
 * Every business refusal is a `DomainError` with a stable `code`. The HTTP layer alone maps codes to
 * statuses (functions/shared/http-errors.ts); nothing here knows about HTTP.
 */
export type ErrorDetails = Record<string, unknown>;

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details: ErrorDetails | undefined;

  constructor(message: string, details?: ErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  readonly code = "validation_failed";
}

export class NotFoundError extends DomainError {
  readonly code = "not_found";
}

export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
}

export class UnauthorizedError extends DomainError {
  readonly code = "unauthorized";
}

export class QuotaExceededError extends DomainError {
  readonly code = "quota_exceeded";
}

export class PeriodClosedError extends DomainError {
  readonly code = "period_closed";
}

export class CategoryNotCoveredError extends DomainError {
  readonly code = "category_not_covered";
}

export class ContractInactiveError extends DomainError {
  readonly code = "contract_inactive";
}

export class QuotaBelowUsageError extends DomainError {
  readonly code = "quota_below_usage";
}

export class MonthNotEndedError extends DomainError {
  readonly code = "month_not_ended";
}

export class IdempotencyConflictError extends DomainError {
  readonly code = "idempotency_conflict";
}

export class AlreadyReversedError extends DomainError {
  readonly code = "already_reversed";
}

/** A booking that lost every optimistic retry against concurrent writers. Rare; the client may retry. */
export class ContentionError extends DomainError {
  readonly code = "too_much_contention";
}
