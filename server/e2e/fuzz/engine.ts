/**
 * The spec-driven fuzzer: a real server on an in-memory database, requests for every operation
 * generated from the spec, and after each answer the checks:
 * - no 5xx, and a status the operation documents;
 * - the body matches the documented schema (errors are problem+json);
 * - a request that broke a field on purpose is refused, and a 400/422 names that field;
 * - a valid request is never refused as malformed (400, 413, 415);
 * - a refused request or a read changed nothing, and no request touched another tenant.
 */
import fc from "fast-check";
import { startServer, type RunningServer } from "../../src/index.js";
import { recordExchange, violations } from "../conformance.js";
import { requestsFor, type FuzzRequest } from "./requests.js";
import type { Hints } from "./schema-arbitraries.js";
import { operations, type Operation } from "./spec-model.js";

const ADMIN_TOKEN = "cpt_fuzz_admin_token_0123456789abcdef";
const PLATFORM_TOKEN = "cpp_fuzz_platform_token_0123456789";

export interface FuzzOptions {
  seed: number;
  casesPerOperation: number;
  /** Called after each operation's cases, for progress output. */
  onOperation?: (operationId: string, cases: number) => void;
}

export interface Failure {
  operationId: string;
  problem: string;
  /** Undefined when the finding is about a whole operation's cases. */
  request: FuzzRequest | undefined;
  status: number;
  body: string;
}

export interface FuzzReport {
  cases: number;
  elapsedMs: number;
  failures: Failure[];
  /** operationId → outcome (status code) → cases. */
  coverage: Map<string, Map<number, number>>;
  operations: string[];
}

interface World {
  server: RunningServer;
  tenantId: string;
  bystanderId: string;
  /** Tenants only the platform operations aim at (they may change or delete them). */
  platformTargetIds: string[];
  readToken: string;
  environmentKey: string;
  tenantKey: string;
  /** Of invitations made at the start, so accepting one can succeed. */
  invitationSecrets: string[];
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const world = await createWorld();
  const report: FuzzReport = { cases: 0, elapsedMs: 0, failures: [], coverage: new Map(), operations: [] };
  try {
    for (const [index, operation] of operations().entries()) {
      const bystanderBefore = snapshot(world, world.bystanderId);
      report.operations.push(operation.id);
      const hints = hintsFor(world);
      const credentials = {
        main: ADMIN_TOKEN,
        platform: PLATFORM_TOKEN,
        others: [undefined, "", "Bearer", "Bearer cpt_unknown_0123456789abcdef", "Basic YWRtaW46YWRtaW4=", `Bearer ${world.readToken}`,
          `Bearer ${world.environmentKey}`, `Bearer ${PLATFORM_TOKEN}`, `Bearer ${world.tenantKey}`, `bearer   ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`],
      };
      let ran = 0;
      await fc.assert(
        fc.asyncProperty(requestsFor(operation, hints, credentials), async (request) => {
          ran++;
          await runCase(world, operation, request, report);
        }),
        // The server keeps state between cases, so shrinking would not replay faithfully: report the first case as it was.
        { seed: options.seed + index, numRuns: options.casesPerOperation, endOnFailure: true, verbose: 0 },
      ).catch((error: unknown) => {
        if (!report.failures.length) throw error;
      });
      report.cases += ran;
      options.onOperation?.(operation.id, ran);
      const bystanderAfter = snapshot(world, world.bystanderId);
      if (bystanderAfter !== bystanderBefore) {
        report.failures.push({ operationId: operation.id, problem: `another tenant's data changed: ${diff(bystanderBefore, bystanderAfter)}`, request: undefined, status: 0, body: "" });
      }
    }
  } finally {
    await world.server.close();
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

async function runCase(world: World, operation: Operation, request: FuzzRequest, report: FuzzReport): Promise<void> {
  const tenantBefore = snapshot(world, world.tenantId);
  const objectsBefore = objectsOf(world, world.tenantId);
  const bystanderBefore = fingerprint(world, world.bystanderId);
  const response = await fetch(world.server.url + request.target, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.clone().text();
  const status = response.status;
  const byStatus = report.coverage.get(operation.id) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  report.coverage.set(operation.id, byStatus);

  const fail = (problem: string) => {
    report.failures.push({ operationId: operation.id, problem, request, status, body: text.slice(0, 2000) });
    throw new Error(`${operation.id}: ${problem}\n${describe(request)}\n→ ${status} ${text.slice(0, 500)}`);
  };

  if (status >= 500) fail("server error");
  const before = violations.length;
  await recordExchange(operation.id, request.method, response);
  if (violations.length > before) fail(`answer breaks the spec: ${JSON.stringify(violations.splice(before))}`);

  if (request.kind === "invalid" && status < 400) fail("a request that breaks the spec was accepted");
  if (request.kind === "invalid" && (status === 400 || status === 422) && request.broken) {
    const paths = (JSON.parse(text).errors as { path: string }[]).map((e) => e.path);
    if (!names(paths, request.broken.path, request.broken.in)) fail(`the error does not name ${request.broken.in} field "${request.broken.path}" (it names ${JSON.stringify(paths)})`);
  }
  if (request.kind === "valid" && [400, 413, 415].includes(status)) fail("a valid request was refused as malformed");
  if (status >= 400 || request.method === "GET") {
    const tenantAfter = snapshot(world, world.tenantId);
    if (tenantAfter !== tenantBefore) fail(`${status >= 400 ? "a refused request" : "a read"} changed data: ${diff(tenantBefore, tenantAfter)}`);
  }
  if (status < 300 && request.method !== "GET") {
    const outside = changes(objectsBefore, objectsOf(world, world.tenantId)).filter((change) => !mayChange(operation, request, change));
    if (outside.length) fail(`a write changed data outside the request: ${outside.map((c) => `${c.key} ${c.how}`).join(", ")}`);
  }
  // Per case a quick look (every change is audited and versions the tenant); in full per operation.
  const bystanderAfter = fingerprint(world, world.bystanderId);
  if (bystanderAfter !== bystanderBefore) fail(`another tenant's data changed: ${diff(bystanderBefore, bystanderAfter)}`);
}

function fingerprint(world: World, tenantId: string): string {
  const { store } = world.server;
  return JSON.stringify([store.getTenant(tenantId)?.version, store.listAuditEvents(tenantId, {}, { limit: 1 }).items[0]?.id, store.allocatedCalls(tenantId)]);
}

/** Whether an error path names the broken field: that field, inside it, or (not the body) around it. */
function names(paths: string[], broken: string, where: "body" | "query" | "header"): boolean {
  if (where === "header" && broken === "Content-Type") return true; // 415 carries no field; 400 for it would be odd but still names the request
  if (broken === "") return paths.length > 0;
  return paths.some((path) => path === broken || path.startsWith(`${broken}.`) || path.startsWith(`${broken}[`) || (path !== "" && broken.startsWith(path)));
}

export function describe(request: FuzzRequest): string {
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${k === "Authorization" ? v.replace(/(\S{8})\S+/g, "$1…") : v}`).join("\n");
  return `${request.kind} ${request.method} ${request.target}\n${headers}\n${request.body === undefined ? "" : request.body.slice(0, 500)}`;
}

// ---------------------------------------------------------------------------------------------
// The world the fuzzer works in: its tenant with objects to aim at, and a bystander tenant

async function createWorld(): Promise<World> {
  const server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, platformToken: PLATFORM_TOKEN, console: false });
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(server.url + path, {
      method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fuzz setup: ${method} ${path} → ${response.status} ${await response.text()}`);
    return response.json() as Promise<any>;
  };
  const tenantId = server.bootstrap!.tenantId;
  for (const name of ["production", "staging", "sandbox"]) await call(ADMIN_TOKEN, "POST", "/v1/environments", { name, maxConcurrentCalls: 5 });
  for (const role of ["member", "operator", "viewer", "admin"]) await call(ADMIN_TOKEN, "POST", "/v1/users", { name: `Fuzz ${role}`, email: `${role}@fuzz.test`, role });
  const invitationSecrets: string[] = [];
  for (const email of ["a@invite.test", "b@invite.test", "c@invite.test", "d@invite.test"]) {
    invitationSecrets.push((await call(ADMIN_TOKEN, "POST", "/v1/invitations", { email, role: "viewer" })).secret);
  }
  const readToken = (await call(ADMIN_TOKEN, "POST", "/v1/api-tokens", { name: "fuzz reader", scope: "read" })).token as string;
  const environmentKey = (await call(ADMIN_TOKEN, "POST", "/v1/environments", { name: "keyed" })).apiKey as string;
  const tenantKey = (await call(ADMIN_TOKEN, "POST", "/v1/tenant/api-key/rotate")).apiKey as string;

  // Another tenant, with one of everything: nothing the fuzzer does may touch it.
  const bystander = await call(PLATFORM_TOKEN, "POST", "/v1/tenants", { name: "Bystander Ltd", billingEmail: "billing@bystander.test", planLimit: 20 });
  await call(bystander.apiKey, "POST", "/v1/environments", { name: "production", maxConcurrentCalls: 10 });
  await call(bystander.apiKey, "POST", "/v1/users", { name: "By Stander", email: "by@bystander.test", role: "admin" });
  await call(bystander.apiKey, "POST", "/v1/invitations", { email: "new@bystander.test", role: "member" });
  await call(bystander.apiKey, "POST", "/v1/api-tokens", { name: "bystander ci", scope: "write" });
  const platformTargetIds: string[] = [];
  // Enough that the deletes among the cases leave some for the operations after them.
  for (let n = 1; n <= 24; n++) {
    platformTargetIds.push((await call(PLATFORM_TOKEN, "POST", "/v1/tenants", { name: `Platform Target ${n}`, billingEmail: `billing${n}@target.test`, planLimit: 10 })).id);
  }
  return { server, tenantId, bystanderId: bystander.id, platformTargetIds, readToken, environmentKey, tenantKey, invitationSecrets };
}

/** Ids of objects that exist, so valid requests reach past 404; never the fuzzer's own admin or token. */
function hintsFor(world: World): Hints {
  const { store } = world.server;
  const all = { limit: 1000 };
  const users = store.listUsers(world.tenantId, {}, all).items.filter((u) => u.id !== world.server.bootstrap!.adminUserId);
  return {
    environmentId: store.allEnvironments(world.tenantId).map((e) => e.id),
    userId: users.map((u) => u.id),
    invitationId: store.listInvitations(world.tenantId, undefined, new Date().toISOString(), all).items.map((i) => i.id),
    tokenId: store.listApiTokens(world.tenantId, all).items.filter((t) => t.id !== "tok_bootstrap").map((t) => t.id),
    resourceId: [world.tenantId, ...users.map((u) => u.id)],
    secret: world.invitationSecrets,
    tenantId: world.platformTargetIds,
  };
}

/** Everything a tenant holds, as one string; when a token was last used is not a change. */
function snapshot(world: World, tenantId: string): string {
  const { store } = world.server;
  const all = { limit: 10_000 };
  return JSON.stringify({
    tenant: store.getTenant(tenantId),
    environments: store.allEnvironments(tenantId),
    users: store.listUsers(tenantId, {}, all).items,
    invitations: store.listInvitations(tenantId, undefined, "2000-01-01T00:00:00Z", all).items,
    tokens: store.listApiTokens(tenantId, all).items.map(({ lastUsedAt: _ignored, ...token }) => token),
    audit: store.listAuditEvents(tenantId, {}, { limit: 1 }).items.map((e) => e.id),
  });
}

interface Change {
  key: string;
  how: "added" | "removed" | "changed";
}

/** Every object of a tenant by `kind:id` (the tenant as "tenant"); tokens without when they were last used. */
function objectsOf(world: World, tenantId: string): Map<string, string> {
  const { store } = world.server;
  const all = { limit: 10_000 };
  const objects = new Map<string, string>([["tenant", JSON.stringify(store.getTenant(tenantId))]]);
  for (const e of store.allEnvironments(tenantId)) objects.set(`environment:${e.id}`, JSON.stringify(e));
  for (const u of store.listUsers(tenantId, {}, all).items) objects.set(`user:${u.id}`, JSON.stringify(u));
  for (const i of store.listInvitations(tenantId, undefined, "2000-01-01T00:00:00Z", all).items) objects.set(`invitation:${i.id}`, JSON.stringify(i));
  for (const { lastUsedAt: _ignored, ...t } of store.listApiTokens(tenantId, all).items) objects.set(`apiToken:${t.id}`, JSON.stringify(t));
  return objects;
}

function changes(before: Map<string, string>, after: Map<string, string>): Change[] {
  const found: Change[] = [];
  for (const [key, value] of after) if (!before.has(key)) found.push({ key, how: "added" });
  else if (before.get(key) !== value) found.push({ key, how: "changed" });
  for (const key of before.keys()) if (!after.has(key)) found.push({ key, how: "removed" });
  return found;
}

const KINDS: Record<string, string> = { environments: "environment", users: "user", invitations: "invitation", "api-tokens": "apiToken" };

/**
 * What a successful write may change in its tenant: the object its path names (or, for a
 * create, a new one of its kind), and what the spec says goes with it.
 */
function mayChange(operation: Operation, request: FuzzRequest, change: Change): boolean {
  const [kind, id] = change.key.split(":");
  const collection = operation.path.split("/")[2]!;
  // Said by the spec, beyond the object itself:
  if (operation.id === "setConcurrency") return kind === "environment" && change.how === "changed"; // sets every allocation
  if (operation.id === "rotateTenantApiKey") return change.key === "tenant" || (kind === "apiToken" && change.how === "removed"); // the key's tokens die with it
  if (operation.id === "deleteUser" && kind === "apiToken" && change.how === "removed") return true; // a user's tokens die with them
  if (operation.id === "acceptInvitation") return (kind === "invitation" && change.how === "changed") || (kind === "user" && change.how === "added");
  if (collection === "tenant") return change.key === "tenant";
  if (KINDS[collection] !== kind) return false;
  const target = Object.values(request.ids)[0];
  return target === undefined ? change.how === "added" : id === target;
}

function diff(before: string, after: string): string {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  return `…${before.slice(Math.max(0, at - 80), at + 120)}… became …${after.slice(Math.max(0, at - 80), at + 120)}…`;
}
