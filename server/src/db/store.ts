/**
 * All SQL lives here: the rest of the server speaks the API's objects. Swapping SQLite for
 * PostgreSQL means another implementation of this module, nothing else.
 *
 * Lists page by rowid, which only grows, so a row inserted while someone pages through a list
 * never makes another row appear twice or vanish.
 */
import type { Actor, ApiToken, AuditEvent, Environment, Invitation, Role, Tenant, User } from "@callplane/sdk";
import type { Statement } from "better-sqlite3";
import type { Db } from "./database.js";

export interface Versioned<T> {
  value: T;
  version: number;
}

export interface PageRequest {
  /** The rowid of the last row of the previous page. */
  after?: number | undefined;
  limit: number;
}

export interface PageResult<T> {
  items: T[];
  /** The rowid to continue after, or undefined on the last page. */
  next: number | undefined;
}

type Row = Record<string, any>;

const bool = (v: unknown) => v === 1;
const json = <T>(v: unknown): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : null);

function tenantFrom(row: Row): Tenant {
  return {
    id: row.id, name: row.name, description: row.description, phone: row.phone, billingEmail: row.billing_email,
    country: row.country, street: row.street, zipCode: row.zip_code, website: row.website, timezone: row.timezone,
    logoUrl: row.logo_url, planLimit: row.plan_limit, readOnly: bool(row.read_only), apiKeyMasked: row.api_key_masked,
    createdAt: row.created_at, modifiedAt: row.modified_at,
  };
}

function environmentFrom(row: Row): Environment {
  return {
    id: row.id, name: row.name, maxConcurrentCalls: row.max_concurrent_calls, hidden: bool(row.hidden),
    deletionProtection: bool(row.deletion_protection), apiKeyMasked: row.api_key_masked,
    createdAt: row.created_at, modifiedAt: row.modified_at,
  };
}

function userFrom(row: Row): User {
  return {
    id: row.id, name: row.name, email: row.email, role: row.role, operatorSchedule: json(row.operator_schedule),
    createdAt: row.created_at, modifiedAt: row.modified_at,
  };
}

/** Pending invitations past their expiry read as expired; nothing has to sweep them. */
const INVITATION_STATUS = "CASE WHEN status = 'pending' AND expires_at <= @now THEN 'expired' ELSE status END";

function invitationFrom(row: Row): Invitation {
  return {
    id: row.id, email: row.email, role: row.role, status: row.current_status, invitedBy: json<Actor>(row.invited_by)!,
    expiresAt: row.expires_at, createdAt: row.created_at,
  };
}

function apiTokenFrom(row: Row): ApiToken {
  return {
    id: row.id, name: row.name, scope: row.scope, tokenMasked: row.token_masked, owner: json<Actor>(row.owner)!,
    expiresAt: row.expires_at, lastUsedAt: row.last_used_at, createdAt: row.created_at,
  };
}

function auditEventFrom(row: Row): AuditEvent {
  return {
    id: row.id, occurredAt: row.occurred_at, actor: json<Actor>(row.actor)!, source: row.source, action: row.action,
    resourceType: row.resource_type, resourceId: row.resource_id, before: json(row.before), after: json(row.after),
    requestId: row.request_id,
  };
}

/** A session as stored: who it belongs to and until when (the token itself is not kept). */
export interface SessionRecord {
  id: string;
  tenantId: string;
  userId: string;
  expiresAt: string;
  createdAt: string;
}

function sessionFrom(row: Row): SessionRecord {
  return { id: row.id, tenantId: row.tenant_id, userId: row.user_id, expiresAt: row.expires_at, createdAt: row.created_at };
}

function page<T>(rows: Row[], limit: number, map: (row: Row) => T): PageResult<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), next: more ? kept[kept.length - 1]!.rowid : undefined };
}

export interface TenantFields {
  name: string; description: string | null; phone: string | null; billingEmail: string; country: string | null;
  street: string | null; zipCode: string | null; website: string | null; timezone: string | null; logoUrl: string | null;
}

const TENANT_COLUMNS: Record<keyof TenantFields, string> = {
  name: "name", description: "description", phone: "phone", billingEmail: "billing_email", country: "country",
  street: "street", zipCode: "zip_code", website: "website", timezone: "timezone", logoUrl: "logo_url",
};

export interface IdempotentResponse {
  requestHash: string;
  status: number;
  headers: Record<string, string>;
  body: string | null;
  /** The answer held a secret, which is not stored: `body` is without it. */
  secretWithheld: boolean;
}

export class Store {
  readonly #db: Db;
  readonly #statements = new Map<string, Statement<any[], any>>();

  constructor(db: Db) {
    this.#db = db;
  }

  /** Runs `work` in one transaction (IMMEDIATE: it takes the write lock at once). */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  close(): void {
    this.#db.close();
  }

  /** A prepared statement, prepared once per process. */
  #sql(sql: string): Statement<any[], any> {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }

  // Tenants

  countTenants(): number {
    return this.#sql("SELECT COUNT(*) AS n FROM tenants").get()!.n as number;
  }

  insertTenant(t: TenantFields & { id: string; planLimit: number; readOnly: boolean; apiKeyHash: string; apiKeyMasked: string; now: string }): void {
    this.#sql(`INSERT INTO tenants (id, name, description, phone, billing_email, country, street, zip_code, website, timezone, logo_url,
      plan_limit, read_only, api_key_hash, api_key_masked, created_at, modified_at)
      VALUES (@id, @name, @description, @phone, @billingEmail, @country, @street, @zipCode, @website, @timezone, @logoUrl,
      @planLimit, @readOnly, @apiKeyHash, @apiKeyMasked, @now, @now)`).run({ ...t, readOnly: t.readOnly ? 1 : 0 });
  }

  getTenant(id: string): Versioned<Tenant> | undefined {
    const row = this.#sql("SELECT * FROM tenants WHERE id = ?").get(id) as Row | undefined;
    return row && { value: tenantFrom(row), version: row.version };
  }

  tenantIdByApiKeyHash(hash: string): string | undefined {
    return (this.#sql("SELECT id FROM tenants WHERE api_key_hash = ?").get(hash) as Row | undefined)?.id;
  }

  listTenants(request: PageRequest): PageResult<Tenant> {
    const rows = this.#sql("SELECT rowid, * FROM tenants WHERE rowid > ? ORDER BY rowid LIMIT ?").all(request.after ?? 0, request.limit + 1) as Row[];
    return page(rows, request.limit, tenantFrom);
  }

  updateTenant(id: string, fields: Partial<TenantFields>, now: string): void {
    const sets = Object.keys(fields).map((key) => `${TENANT_COLUMNS[key as keyof TenantFields]} = @${key}`);
    this.#db.prepare(`UPDATE tenants SET ${[...sets, "version = version + 1", "modified_at = @now"].join(", ")} WHERE id = @id`).run({ ...fields, id, now });
  }

  /** A platform administrator's change: any field, the plan limit and the read-only flag included. */
  updateTenantAsPlatform(id: string, fields: Partial<TenantFields & { planLimit: number; readOnly: boolean }>, now: string): void {
    const { planLimit, readOnly, ...rest } = fields;
    this.transaction(() => {
      if (Object.keys(rest).length > 0) this.updateTenant(id, rest, now);
      if (planLimit !== undefined) this.#sql("UPDATE tenants SET plan_limit = ?, version = version + 1, modified_at = ? WHERE id = ?").run(planLimit, now, id);
      if (readOnly !== undefined) this.#sql("UPDATE tenants SET read_only = ?, version = version + 1, modified_at = ? WHERE id = ?").run(readOnly ? 1 : 0, now, id);
    });
  }

  /** Deletes a tenant and everything in it (tokens first: they point at users). Audit events stay. */
  deleteTenant(id: string): void {
    this.transaction(() => {
      for (const table of ["api_tokens", "invitations", "users", "environments"]) this.#db.prepare(`DELETE FROM ${table} WHERE tenant_id = ?`).run(id);
      this.#sql("DELETE FROM tenants WHERE id = ?").run(id);
    });
  }

  setTenantApiKey(id: string, hash: string, masked: string, now: string): void {
    this.#sql("UPDATE tenants SET api_key_hash = ?, api_key_masked = ?, version = version + 1, modified_at = ? WHERE id = ?").run(hash, masked, now, id);
  }

  // Environments

  listEnvironments(tenantId: string, includeHidden: boolean, request: PageRequest): PageResult<Environment> {
    const rows = this.#sql(`SELECT rowid, * FROM environments WHERE tenant_id = ? AND (? OR hidden = 0) AND rowid > ? ORDER BY rowid LIMIT ?`)
      .all(tenantId, includeHidden ? 1 : 0, request.after ?? 0, request.limit + 1) as Row[];
    return page(rows, request.limit, environmentFrom);
  }

  /** Every environment, hidden ones included, oldest first. */
  allEnvironments(tenantId: string): Environment[] {
    return (this.#sql("SELECT * FROM environments WHERE tenant_id = ? ORDER BY rowid").all(tenantId) as Row[]).map(environmentFrom);
  }

  getEnvironment(tenantId: string, id: string): Versioned<Environment> | undefined {
    const row = this.#sql("SELECT * FROM environments WHERE tenant_id = ? AND id = ?").get(tenantId, id) as Row | undefined;
    return row && { value: environmentFrom(row), version: row.version };
  }

  environmentByName(tenantId: string, name: string): Environment | undefined {
    const row = this.#sql("SELECT * FROM environments WHERE tenant_id = ? AND name = ?").get(tenantId, name) as Row | undefined;
    return row && environmentFrom(row);
  }

  isEnvironmentApiKey(hash: string): boolean {
    return this.#sql("SELECT 1 FROM environments WHERE api_key_hash = ?").get(hash) !== undefined;
  }

  allocatedCalls(tenantId: string): number {
    return this.#sql("SELECT COALESCE(SUM(max_concurrent_calls), 0) AS n FROM environments WHERE tenant_id = ?").get(tenantId)!.n as number;
  }

  insertEnvironment(e: { id: string; tenantId: string; name: string; maxConcurrentCalls: number; hidden: boolean; deletionProtection: boolean; apiKeyHash: string; apiKeyMasked: string; now: string }): void {
    this.#sql(`INSERT INTO environments (id, tenant_id, name, max_concurrent_calls, hidden, deletion_protection, api_key_hash, api_key_masked, created_at, modified_at)
      VALUES (@id, @tenantId, @name, @maxConcurrentCalls, @hidden, @deletionProtection, @apiKeyHash, @apiKeyMasked, @now, @now)`)
      .run({ ...e, hidden: e.hidden ? 1 : 0, deletionProtection: e.deletionProtection ? 1 : 0 });
  }

  updateEnvironment(tenantId: string, id: string, fields: { name?: string; maxConcurrentCalls?: number; hidden?: boolean; deletionProtection?: boolean; apiKeyHash?: string; apiKeyMasked?: string }, now: string): void {
    const columns: Record<string, string> = {
      name: "name", maxConcurrentCalls: "max_concurrent_calls", hidden: "hidden", deletionProtection: "deletion_protection",
      apiKeyHash: "api_key_hash", apiKeyMasked: "api_key_masked",
    };
    const values: Row = { tenantId, id, now };
    const sets = ["version = version + 1", "modified_at = @now"];
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      sets.push(`${columns[key]} = @${key}`);
      values[key] = typeof value === "boolean" ? (value ? 1 : 0) : value;
    }
    this.#db.prepare(`UPDATE environments SET ${sets.join(", ")} WHERE tenant_id = @tenantId AND id = @id`).run(values);
  }

  deleteEnvironment(tenantId: string, id: string): void {
    this.#sql("DELETE FROM environments WHERE tenant_id = ? AND id = ?").run(tenantId, id);
  }

  // Users

  listUsers(tenantId: string, filter: { q?: string | undefined; role?: Role | undefined }, request: PageRequest): PageResult<User> {
    const like = filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = this.#sql(`SELECT rowid, * FROM users WHERE tenant_id = @tenantId
        AND (@like IS NULL OR lower(name) LIKE @like ESCAPE '\\' OR email_lower LIKE @like ESCAPE '\\')
        AND (@role IS NULL OR role = @role) AND rowid > @after ORDER BY rowid LIMIT @limit`)
      .all({ tenantId, like, role: filter.role ?? null, after: request.after ?? 0, limit: request.limit + 1 }) as Row[];
    return page(rows, request.limit, userFrom);
  }

  getUser(tenantId: string, id: string): Versioned<User> | undefined {
    const row = this.#sql("SELECT * FROM users WHERE tenant_id = ? AND id = ?").get(tenantId, id) as Row | undefined;
    return row && { value: userFrom(row), version: row.version };
  }

  /** The stored password hash (scrypt), or null when the user has no password. */
  userPasswordHash(tenantId: string, id: string): string | null | undefined {
    const row = this.#sql("SELECT password_hash FROM users WHERE tenant_id = ? AND id = ?").get(tenantId, id) as Row | undefined;
    return row ? ((row.password_hash as string | null) ?? null) : undefined;
  }

  userIdByEmail(tenantId: string, email: string): string | undefined {
    return (this.#sql("SELECT id FROM users WHERE tenant_id = ? AND email_lower = ?").get(tenantId, email.toLowerCase()) as Row | undefined)?.id;
  }

  countAdmins(tenantId: string): number {
    return this.#sql("SELECT COUNT(*) AS n FROM users WHERE tenant_id = ? AND role = 'admin'").get(tenantId)!.n as number;
  }

  insertUser(u: { id: string; tenantId: string; name: string; email: string; role: Role; operatorSchedule: unknown; passwordHash: string | null; now: string }): void {
    this.#sql(`INSERT INTO users (id, tenant_id, name, email, email_lower, role, operator_schedule, password_hash, created_at, modified_at)
      VALUES (@id, @tenantId, @name, @email, @emailLower, @role, @operatorSchedule, @passwordHash, @now, @now)`)
      .run({ ...u, emailLower: u.email.toLowerCase(), operatorSchedule: u.operatorSchedule ? JSON.stringify(u.operatorSchedule) : null });
  }

  updateUser(tenantId: string, id: string, fields: { name?: string; role?: Role; operatorSchedule?: unknown }, now: string): void {
    const sets = ["version = version + 1", "modified_at = @now"];
    const values: Row = { tenantId, id, now };
    if (fields.name !== undefined) { sets.push("name = @name"); values.name = fields.name; }
    if (fields.role !== undefined) { sets.push("role = @role"); values.role = fields.role; }
    if (fields.operatorSchedule !== undefined) {
      sets.push("operator_schedule = @schedule");
      values.schedule = fields.operatorSchedule === null ? null : JSON.stringify(fields.operatorSchedule);
    }
    this.#db.prepare(`UPDATE users SET ${sets.join(", ")} WHERE tenant_id = @tenantId AND id = @id`).run(values);
  }

  deleteUser(tenantId: string, id: string, now: string): void {
    this.#sql("DELETE FROM sessions WHERE user_id = ?").run(id);
    this.#sql("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE owner_user_id = ?").run(now, id);
    this.#sql("UPDATE api_tokens SET owner_user_id = NULL WHERE owner_user_id = ?").run(id);
    this.#sql("DELETE FROM users WHERE tenant_id = ? AND id = ?").run(tenantId, id);
  }

  /** Every user with this email, in any tenant, with their password hash (null: none set). */
  passwordsByEmail(email: string): { tenantId: string; userId: string; passwordHash: string | null }[] {
    return (this.#sql("SELECT tenant_id, id, password_hash FROM users WHERE email_lower = ? ORDER BY rowid").all(email.toLowerCase()) as Row[])
      .map((row) => ({ tenantId: row.tenant_id, userId: row.id, passwordHash: row.password_hash }));
  }

  // Sessions

  insertSession(s: { id: string; tenantId: string; userId: string; tokenHash: string; expiresAt: string; now: string }): void {
    // Expired sessions are of no use to anyone: clear them out as new ones arrive.
    this.#sql("DELETE FROM sessions WHERE expires_at <= ?").run(s.now);
    this.#sql("INSERT INTO sessions (id, tenant_id, user_id, token_hash, expires_at, created_at) VALUES (@id, @tenantId, @userId, @tokenHash, @expiresAt, @now)").run(s);
  }

  sessionByHash(hash: string): SessionRecord | undefined {
    const row = this.#sql("SELECT * FROM sessions WHERE token_hash = ?").get(hash) as Row | undefined;
    return row && sessionFrom(row);
  }

  getSession(id: string): SessionRecord | undefined {
    const row = this.#sql("SELECT * FROM sessions WHERE id = ?").get(id) as Row | undefined;
    return row && sessionFrom(row);
  }

  deleteSession(id: string): void {
    this.#sql("DELETE FROM sessions WHERE id = ?").run(id);
  }

  // Invitations

  listInvitations(tenantId: string, status: string | undefined, now: string, request: PageRequest): PageResult<Invitation> {
    const rows = this.#sql(`SELECT rowid, *, ${INVITATION_STATUS} AS current_status FROM invitations
        WHERE tenant_id = @tenantId AND (@status IS NULL OR ${INVITATION_STATUS} = @status) AND rowid < @before
        ORDER BY rowid DESC LIMIT @limit`)
      .all({ tenantId, status: status ?? null, now, before: request.after ?? Number.MAX_SAFE_INTEGER, limit: request.limit + 1 }) as Row[];
    return page(rows, request.limit, invitationFrom);
  }

  getInvitation(tenantId: string, id: string, now: string): Versioned<Invitation> | undefined {
    const row = this.#sql(`SELECT *, ${INVITATION_STATUS} AS current_status FROM invitations WHERE tenant_id = @tenantId AND id = @id`).get({ tenantId, id, now }) as Row | undefined;
    return row && { value: invitationFrom(row), version: row.version };
  }

  invitationBySecretHash(hash: string, now: string): { tenantId: string; invitation: Invitation } | undefined {
    const row = this.#sql(`SELECT *, ${INVITATION_STATUS} AS current_status FROM invitations WHERE secret_hash = @hash`).get({ hash, now }) as Row | undefined;
    return row && { tenantId: row.tenant_id, invitation: invitationFrom(row) };
  }

  pendingInvitationFor(tenantId: string, email: string, now: string): Invitation | undefined {
    const row = this.#sql(`SELECT *, ${INVITATION_STATUS} AS current_status FROM invitations
        WHERE tenant_id = @tenantId AND email_lower = @email AND ${INVITATION_STATUS} = 'pending'`)
      .get({ tenantId, email: email.toLowerCase(), now }) as Row | undefined;
    return row && invitationFrom(row);
  }

  insertInvitation(i: { id: string; tenantId: string; email: string; role: Role; secretHash: string; invitedBy: Actor; expiresAt: string; now: string }): void {
    this.#sql(`INSERT INTO invitations (id, tenant_id, email, email_lower, role, status, secret_hash, invited_by, expires_at, created_at)
      VALUES (@id, @tenantId, @email, @emailLower, @role, 'pending', @secretHash, @invitedBy, @expiresAt, @now)`)
      .run({ ...i, emailLower: i.email.toLowerCase(), invitedBy: JSON.stringify(i.invitedBy) });
  }

  updateInvitation(tenantId: string, id: string, fields: { status?: "pending" | "accepted" | "revoked"; secretHash?: string; expiresAt?: string }): void {
    this.#sql(`UPDATE invitations SET status = COALESCE(@status, status), secret_hash = COALESCE(@secretHash, secret_hash),
        expires_at = COALESCE(@expiresAt, expires_at), version = version + 1 WHERE tenant_id = @tenantId AND id = @id`)
      .run({ tenantId, id, status: fields.status ?? null, secretHash: fields.secretHash ?? null, expiresAt: fields.expiresAt ?? null });
  }

  // API tokens

  listApiTokens(tenantId: string, request: PageRequest): PageResult<ApiToken> {
    const rows = this.#sql(`SELECT rowid, * FROM api_tokens WHERE tenant_id = ? AND revoked_at IS NULL AND rowid < ? ORDER BY rowid DESC LIMIT ?`)
      .all(tenantId, request.after ?? Number.MAX_SAFE_INTEGER, request.limit + 1) as Row[];
    return page(rows, request.limit, apiTokenFrom);
  }

  apiTokenByHash(hash: string): { id: string; tenantId: string; ownerUserId: string | null; scope: "read" | "write"; expiresAt: string | null; lastUsedAt: string | null; revoked: boolean; owner: Actor } | undefined {
    const row = this.#sql("SELECT * FROM api_tokens WHERE token_hash = ?").get(hash) as Row | undefined;
    return row && {
      id: row.id, tenantId: row.tenant_id, ownerUserId: row.owner_user_id, scope: row.scope, expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at, revoked: row.revoked_at !== null, owner: json<Actor>(row.owner)!,
    };
  }

  getApiToken(tenantId: string, id: string): ApiToken | undefined {
    const row = this.#sql("SELECT * FROM api_tokens WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL").get(tenantId, id) as Row | undefined;
    return row && apiTokenFrom(row);
  }

  insertApiToken(t: { id: string; tenantId: string; ownerUserId: string | null; owner: Actor; name: string; scope: "read" | "write"; tokenHash: string; tokenMasked: string; expiresAt: string | null; now: string }): void {
    this.#sql(`INSERT INTO api_tokens (id, tenant_id, owner_user_id, owner, name, scope, token_hash, token_masked, expires_at, created_at)
      VALUES (@id, @tenantId, @ownerUserId, @owner, @name, @scope, @tokenHash, @tokenMasked, @expiresAt, @now)`)
      .run({ ...t, owner: JSON.stringify(t.owner) });
  }

  /** Active tokens minted with the tenant API key (or with a token it minted): no user owns them. */
  apiTokensOwnedByTenantKey(tenantId: string): ApiToken[] {
    return (this.#sql(`SELECT * FROM api_tokens WHERE tenant_id = ? AND owner_user_id IS NULL AND json_extract(owner, '$.type') = 'tenantApiKey'
        AND revoked_at IS NULL ORDER BY rowid`).all(tenantId) as Row[]).map(apiTokenFrom);
  }

  revokeApiToken(tenantId: string, id: string, now: string): void {
    this.#sql("UPDATE api_tokens SET revoked_at = ? WHERE tenant_id = ? AND id = ?").run(now, tenantId, id);
  }

  touchApiToken(id: string, now: string): void {
    this.#sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(now, id);
  }

  // Audit events

  insertAuditEvent(e: AuditEvent & { tenantId: string }): void {
    this.#sql(`INSERT INTO audit_events (id, tenant_id, occurred_at, actor, source, action, resource_type, resource_id, before, after, request_id)
      VALUES (@id, @tenantId, @occurredAt, @actor, @source, @action, @resourceType, @resourceId, @before, @after, @requestId)`)
      .run({ ...e, actor: JSON.stringify(e.actor), before: e.before ? JSON.stringify(e.before) : null, after: e.after ? JSON.stringify(e.after) : null });
  }

  listAuditEvents(tenantId: string, filter: { resourceType?: string | undefined; resourceId?: string | undefined; since?: string | undefined }, request: PageRequest): PageResult<AuditEvent> {
    const rows = this.#sql(`SELECT rowid, * FROM audit_events WHERE tenant_id = @tenantId
        AND (@resourceType IS NULL OR resource_type = @resourceType) AND (@resourceId IS NULL OR resource_id = @resourceId)
        AND (@since IS NULL OR occurred_at >= @since) AND rowid < @before ORDER BY rowid DESC LIMIT @limit`)
      .all({
        tenantId, resourceType: filter.resourceType ?? null, resourceId: filter.resourceId ?? null, since: filter.since ?? null,
        before: request.after ?? Number.MAX_SAFE_INTEGER, limit: request.limit + 1,
      }) as Row[];
    return page(rows, request.limit, auditEventFrom);
  }

  // Idempotency keys

  getIdempotentResponse(scope: string, key: string): IdempotentResponse | undefined {
    const row = this.#sql("SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?").get(scope, key) as Row | undefined;
    return row && { requestHash: row.request_hash, status: row.status, headers: JSON.parse(row.headers), body: row.body, secretWithheld: bool(row.secret_withheld) };
  }

  putIdempotentResponse(scope: string, key: string, response: IdempotentResponse, now: string): void {
    this.#sql("INSERT OR REPLACE INTO idempotency_keys (scope, key, request_hash, status, headers, body, secret_withheld, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(scope, key, response.requestHash, response.status, JSON.stringify(response.headers), response.body, response.secretWithheld ? 1 : 0, now);
  }
}
