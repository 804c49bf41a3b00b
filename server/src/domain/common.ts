/** Helpers every resource uses: the caller's tenant, validation, pages, ETags, the audit log. */
import { validate, type Actor, type Validator } from "@callplane/sdk";
import { createHash } from "node:crypto";
import type { TenantPrincipal } from "../auth/principal.js";
import { newId, withoutSecrets } from "../auth/secrets.js";
import type { PageRequest, PageResult } from "../db/store.js";
import type { RequestContext, Services } from "../http/context.js";
import { problems } from "../http/problem.js";

export function tenantOf(ctx: RequestContext): TenantPrincipal {
  const principal = ctx.principal;
  if (principal?.kind !== "tenant") throw problems.forbidden("This route needs a tenant credential (tenant API key or API token), not a platform token.");
  return principal;
}

/** Refuses writes to read-only tenants. */
export function writableTenant(ctx: RequestContext, services: Services): TenantPrincipal {
  const principal = tenantOf(ctx);
  if (services.store.getTenant(principal.tenantId)?.value.readOnly) throw problems.readOnlyTenant();
  return principal;
}

export function parseBody<T>(schema: Validator<T>, body: unknown): T {
  if (body === undefined) throw problems.validation([{ path: "", message: "a JSON body is required" }]);
  const result = validate(schema, body);
  if (!result.ok) throw problems.validation(result.fieldErrors);
  return result.value;
}

export const etagOf = (version: number) => `"v${version}"`;

/** A content-derived ETag, for computed objects such as the concurrency split. */
export function etagOfContent(value: unknown): string {
  return `"${createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 22)}"`;
}

/** Refuses the write when `If-Match` was sent and names another version. */
export function checkIfMatch(ctx: RequestContext, currentEtag: string, what: string): void {
  if (ctx.ifMatch === undefined || ctx.ifMatch === "*") return;
  const candidates = ctx.ifMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (!candidates.includes(currentEtag)) throw problems.preconditionFailed(what);
}

// Cursors are opaque to clients: base64url of the last row's position.
export function encodeCursor(position: number): string {
  return Buffer.from(JSON.stringify({ p: position })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")).p;
    if (Number.isSafeInteger(position) && position >= 0) return position;
  } catch {
    // fall through to the error below
  }
  throw problems.malformed("The cursor is not one this server handed out.", [{ path: "cursor", message: "is not a valid cursor" }]);
}

export function pageRequest(ctx: RequestContext): PageRequest {
  const rawLimit = ctx.query.get("limit");
  let limit = 20;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > 100) {
      throw problems.malformed("limit must be a whole number from 1 to 100.", [{ path: "limit", message: "must be a whole number from 1 to 100" }]);
    }
  }
  const cursor = ctx.query.get("cursor");
  return { limit, after: cursor ? decodeCursor(cursor) : undefined };
}

export function pageBody<T>(result: PageResult<T>) {
  return { data: result.items, nextCursor: result.next === undefined ? null : encodeCursor(result.next) };
}

/** Reads an optional enum query parameter, refusing values outside it. */
export function enumQuery<T extends string>(ctx: RequestContext, name: string, allowed: readonly T[]): T | undefined {
  const value = ctx.query.get(name);
  if (value === null) return undefined;
  if (!allowed.includes(value as T)) {
    throw problems.malformed(`${name} must be one of ${allowed.join(", ")}.`, [{ path: name, message: `must be one of ${allowed.join(", ")}` }]);
  }
  return value as T;
}

export function booleanQuery(ctx: RequestContext, name: string): boolean {
  const value = ctx.query.get(name);
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw problems.malformed(`${name} must be true or false.`, [{ path: name, message: "must be true or false" }]);
}

export interface AuditRecord {
  action: string;
  resourceType: "tenant" | "environment" | "concurrency" | "user" | "invitation" | "apiToken" | "session";
  resourceId: string | null;
  before: object | null;
  after: object | null;
}

/** Records a change in the audit log, in the caller's transaction. Secrets never reach it. */
export function audit(ctx: RequestContext, services: Services, tenantId: string, record: AuditRecord, actor?: Actor): void {
  services.store.insertAuditEvent({
    id: newId("evt"),
    tenantId,
    occurredAt: ctx.now.toISOString(),
    actor: actor ?? ctx.principal?.actor ?? { type: "system", id: null, name: "System" },
    source: ctx.source,
    requestId: ctx.requestId,
    ...record,
    before: record.before && withoutSecrets(record.before),
    after: record.after && withoutSecrets(record.after),
  });
}


/** Only the fields that differ, for a readable audit trail. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === "modifiedAt") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
