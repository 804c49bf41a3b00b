/**
 * Session tokens (`cps_…`, from signing in with email and password) as credentials. The role
 * is read from the user's row at every request, so deleting a user ends their sessions at once
 * and demoting one gives their sessions the new role's rights from the next call.
 */
import type { Store } from "../db/store.js";
import { problems } from "../http/problem.js";
import type { TenantPrincipal } from "./principal.js";

export const SESSION_PREFIX = "cps_";

export function sessionPrincipal(store: Store, tokenHash: string, now: Date): TenantPrincipal {
  const session = store.sessionByHash(tokenHash);
  if (!session) throw problems.unauthenticated("The session is unknown or has ended; sign in again.");
  if (Date.parse(session.expiresAt) <= now.getTime()) throw problems.unauthenticated("The session has expired; sign in again.");
  const user = store.getUser(session.tenantId, session.userId);
  if (!user) throw problems.unauthenticated("The session's user no longer exists.");
  const { id, name, role } = user.value;
  return {
    kind: "tenant",
    tenantId: session.tenantId,
    scope: `session:${session.id}`,
    actor: { type: "user", id, name },
    role,
    canWrite: role === "admin",
    userId: id,
    sessionId: session.id,
  };
}
