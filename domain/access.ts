import { ForbiddenError, NotFoundError } from "./errors.js";

/** Who is asking, from the verified token. */
export interface Actor {
  role: "admin" | "technician" | "customer";
  /** Set for customers only: the one customer they may see. */
  customerId: string | null;
  /** The token's subject, recorded on what the actor writes. */
  subject: string;
}

/**
 * What each role may do (SPEC §2 Auth). Customers additionally see only their own customer's data:
 * `assertSees` turns anything else into "not found", so another tenant's data is never revealed.
 */
export const PERMISSIONS = {
  "customers.create": ["admin"],
  "customers.list": ["admin", "technician"],
  "customers.read": ["admin", "technician", "customer"],
  "contracts.create": ["admin"],
  "contracts.read": ["admin", "technician", "customer"],
  "contracts.changeQuota": ["admin"],
  "contracts.topUp": ["admin"],
  "bookings.create": ["admin", "technician"],
  "bookings.read": ["admin", "technician", "customer"],
  "bookings.reverse": ["admin", "technician"],
  "tickets.open": ["admin", "technician", "customer"],
  "tickets.read": ["admin", "technician", "customer"],
  "tickets.respond": ["admin", "technician"],
  "alerts.read": ["admin", "technician", "customer"],
  "statements.read": ["admin", "technician", "customer"],
  "admin.run": ["admin"],
  "settings.manage": ["admin"],
  "invoices.read": ["admin", "technician", "customer"],
  "invoices.credit": ["admin"],
} as const satisfies Record<string, readonly Actor["role"][]>;

export type Permission = keyof typeof PERMISSIONS;

export function assertAllowed(actor: Actor, permission: Permission): void {
  if (!(PERMISSIONS[permission] as readonly string[]).includes(actor.role)) {
    throw new ForbiddenError(`Role ${actor.role} may not ${permission}`);
  }
}

/** Customers see only their own customer; for them, anything else does not exist. */
export function assertSees(actor: Actor, customerId: string, what: string): void {
  if (actor.role === "customer" && actor.customerId !== customerId) {
    throw new NotFoundError(`${what} not found`);
  }
}

export function isStaff(actor: Actor): boolean {
  return actor.role !== "customer";
}
