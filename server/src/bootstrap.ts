/**
 * First start with an empty database: a tenant (plan limit 40) with one `default`
 * environment, an admin user and a write-scope API token for that admin, each recorded in the
 * audit log as made by the system.
 */
import type { Actor } from "@callplane/sdk";
import { hashSecret, maskSecret } from "./auth/secrets.js";
import type { Store } from "./db/store.js";
import { insertApiToken } from "./domain/api-tokens.js";
import { recordAudit, type AuditRecord } from "./domain/common.js";
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

const FIRST_START: Actor = { type: "system", id: null, name: "First start" };

/** Creates the first tenant when there is none; returns undefined when there already is one. */
export function bootstrap(store: Store, options: { token?: string | undefined; now?: Date } = {}): BootstrapResult | undefined {
  return store.transaction(() => {
    if (store.countTenants() > 0) return undefined;
    const now = (options.now ?? new Date()).toISOString();
    const { id: tenantId } = insertTenant(store, { name: "Local tenant", billingEmail: "billing@callplane.local", planLimit: DEFAULT_PLAN_LIMIT, timezone: "UTC" }, now);
    const environment = insertEnvironment(store, tenantId, { name: "default", maxConcurrentCalls: 0 }, now);
    const adminUserId = insertUser(store, tenantId, { name: "Local admin", email: BOOTSTRAP_ADMIN_EMAIL, role: "admin" }, now);
    const owner = { type: "user" as const, id: adminUserId, name: "Local admin" };
    const input = { tenantId, ownerUserId: adminUserId, owner, name: "bootstrap", scope: "write" as const, expiresAt: null };
    let result: BootstrapResult;
    let tokenId: string;
    if (options.token) {
      // A chosen token, so scripts and tests can call the server without parsing its output.
      tokenId = "tok_bootstrap";
      store.insertApiToken({ ...input, id: tokenId, tokenHash: hashSecret(options.token), tokenMasked: maskSecret(options.token), now });
      result = { tenantId, adminUserId, token: options.token };
    } else {
      const created = insertApiToken(store, input, now);
      tokenId = created.id;
      result = { tenantId, adminUserId, token: created.token };
    }
    const record = (entry: AuditRecord) => recordAudit(store, { tenantId, occurredAt: now, actor: FIRST_START, source: "api", requestId: null }, entry);
    const { apiKey: _environmentKey, ...environmentVisible } = environment;
    record({ action: "tenant.create", resourceType: "tenant", resourceId: tenantId, before: null, after: store.getTenant(tenantId)!.value });
    record({ action: "environment.create", resourceType: "environment", resourceId: environment.id, before: null, after: environmentVisible });
    record({ action: "user.create", resourceType: "user", resourceId: adminUserId, before: null, after: store.getUser(tenantId, adminUserId)!.value });
    record({ action: "apiToken.create", resourceType: "apiToken", resourceId: tokenId, before: null, after: store.getApiToken(tenantId, tokenId)! });
    return result;
  });
}
