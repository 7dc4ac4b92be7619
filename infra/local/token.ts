import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jwtVerify, SignJWT } from "jose";

/**
 * Local tokens: HS256 JWTs signed with a key kept in the data folder, carrying the same claims the
 * Cognito user pool puts in its tokens (`custom:role`, `custom:customerId`). Deployed, API Gateway's
 * Cognito JWT authorizer does what `verifyLocalToken` does here.
 */
export const LOCAL_ISSUER = "koad-local";
export const LOCAL_AUDIENCE = "koad";

export type Role = "admin" | "technician" | "customer";

export function localSigningKey(dataDir: string): Uint8Array {
  const file = join(dataDir, "local-signing-key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return new TextEncoder().encode(readFileSync(file, "utf8").trim());
}

export async function signLocalToken(
  key: Uint8Array,
  claims: {
    role: Role;
    customerId?: string | undefined;
    subject?: string | undefined;
    expiresIn?: string | undefined;
  },
): Promise<string> {
  const subject =
    claims.subject ?? (claims.role === "customer" ? `customer-${claims.customerId}` : `local-${claims.role}`);
  return new SignJWT({
    "custom:role": claims.role,
    ...(claims.customerId ? { "custom:customerId": claims.customerId } : {}),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "12h")
    .sign(key);
}

/** The token's claims as API Gateway passes them on: every value a string. Null when invalid. */
export async function verifyLocalToken(
  key: Uint8Array,
  token: string,
): Promise<Record<string, string> | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
    });
    return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, String(value)]));
  } catch {
    return null;
  }
}
