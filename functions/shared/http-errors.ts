import { DomainError, type ErrorDetails } from "../../domain/errors.js";

/** The HTTP status of every error code; the only place codes meet statuses. */
export const STATUS_OF_CODE: Record<string, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  quota_exceeded: 409,
  period_closed: 409,
  category_not_covered: 409,
  contract_inactive: 409,
  quota_below_usage: 409,
  month_not_ended: 409,
  idempotency_conflict: 409,
  already_reversed: 409,
  invalid_transition: 409,
  credit_exceeds_invoice: 409,
  backlog_item_not_approved: 409,
  approval_required: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_much_contention: 503,
  internal: 500,
};

/** An error of the HTTP edge itself (body too large, wrong content type). */
export class HttpError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    details?: ErrorDetails,
  ) {
    super(message, details);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetails };
}

/** The error body and status for anything thrown; unknown errors become a bare 500. */
export function errorResponse(error: unknown): { statusCode: number; body: ErrorBody; known: boolean } {
  if (error instanceof DomainError) {
    const statusCode = STATUS_OF_CODE[error.code] ?? 500;
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details && Object.keys(error.details).length > 0) body.error.details = error.details;
    return { statusCode, body, known: true };
  }
  return { statusCode: 500, body: { error: { code: "internal", message: "Internal error" } }, known: false };
}
