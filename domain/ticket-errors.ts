import { DomainError } from "./errors.js";

/**
 * A ticket event the ticket's state does not allow (resolving a pending ticket, reopening one that is
 * not resolved, a second `opened`). A conflict with the ticket's state, not bad input: the HTTP layer
 * maps it to 409 (SPEC Part 2, error codes).
 */
export class InvalidTransitionError extends DomainError {
  readonly code = "invalid_transition";
}
