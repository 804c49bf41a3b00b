/**
 * First start with an empty database: a tenant (plan limit 40) with one `default`
 * environment, an admin user and a write-scope API token for that admin.
 */
import { hashSecret, maskSecret } from "./auth/secrets.js";
import type { Store } from "./db/store.js";
import { insertApiToken } from "./domain/api-tokens.js";
import { insertEnvironment } from "./domain/environments.js";
import { DEFAULT_PLAN_LIMIT, insertTenant } from "./domain/tenants.js";
import { insertUser } from "./domain/users.js";

export interface BootstrapResult {
  tenantId: string;
  adminUserId: string;
  /** The admin's API token: shown once. */
  token: string;
}

export const BOOTSTRAP_ADMIN_EMAIL = "admin@callplane.local";

/** Creates the first tenant when there is none; returns undefined when there already is one. */
export function bootstrap(store: Store, options: { token?: string | undefined; now?: Date } = {}): BootstrapResult | undefined {
  return store.transaction(() => {
    if (store.countTenants() > 0) return undefined;
    const now = (options.now ?? new Date()).toISOString();
    const { id: tenantId } = insertTenant(store, { name: "Local tenant", billingEmail: "billing@callplane.local", planLimit: DEFAULT_PLAN_LIMIT, timezone: "UTC" }, now);
    insertEnvironment(store, tenantId, { name: "default", maxConcurrentCalls: 0 }, now);
    const adminUserId = insertUser(store, tenantId, { name: "Local admin", email: BOOTSTRAP_ADMIN_EMAIL, role: "admin" }, now);
    const owner = { type: "user" as const, id: adminUserId, name: "Local admin" };
    const input = { tenantId, ownerUserId: adminUserId, owner, name: "bootstrap", scope: "write" as const, expiresAt: null };
    if (options.token) {
      // A chosen token, so scripts and tests can call the server without parsing its output.
      store.insertApiToken({ ...input, id: "tok_bootstrap", tokenHash: hashSecret(options.token), tokenMasked: maskSecret(options.token), now });
      return { tenantId, adminUserId, token: options.token };
    }
    const { token } = insertApiToken(store, input, now);
    return { tenantId, adminUserId, token };
  });
}
