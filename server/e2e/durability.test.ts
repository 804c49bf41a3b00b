/**
 * What survives the server process: a clean restart keeps everything, and a `kill -9` in the
 * middle of a stream of writes keeps every acknowledged write and no half of any. Runs the built
 * CLI (`dist/`) as a child process on a file database in a temp dir.
 */
import { CallplaneError, createCallplaneClient, toOperatorSchedule, type CallplaneClient } from "@callplane/sdk";
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cleanEnv, SERVER_BIN } from "./built-cli.js";


const TOKEN = "cpt_durability_token_0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "callplane-durability-"));

interface Server {
  child: ChildProcess;
  url: string;
  stdout(): string;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<Server>();

afterEach(async () => {
  for (const server of running) server.child.kill("SIGKILL");
  await Promise.all([...running].map((server) => server.closed));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(db: string): Promise<Server> {
  const env = cleanEnv();
  const child = spawn(process.execPath, [SERVER_BIN, "--db", db, "--port", "0", "--host", "127.0.0.1", "--bootstrap-token", TOKEN], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  const server: Server = { child, url: "", stdout: () => stdout, closed };
  running.add(server);
  void closed.then(() => running.delete(server));
  server.url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 10 s; stderr: ${stderr}`)), 10_000);
    child.stdout!.on("data", () => {
      if (!stdout.includes("\n")) return;
      clearTimeout(timer);
      resolve(stdout.slice(0, stdout.indexOf("\n")));
    });
    void closed.then((exit) => reject(new Error(`exited (${exit.code ?? exit.signal}) before printing a URL; stderr: ${stderr}`)));
  });
  return server;
}

async function stop(server: Server, signal: NodeJS.Signals = "SIGTERM") {
  server.child.kill(signal);
  return server.closed;
}

function client(url: string): CallplaneClient {
  // No retries: an answer the client saw is exactly one request the server acknowledged.
  return createCallplaneClient({ endpoint: url, token: TOKEN, maxRetries: 0, timeoutMs: 10_000 });
}

/** Everything a user can read back, with the ETags that say which version it is. */
async function snapshot(api: CallplaneClient) {
  const withEtags = async <T extends { id: string }>(items: T[], get: (id: string) => Promise<{ etag: string | undefined }>) =>
    Promise.all(items.map(async (item) => ({ ...item, etag: (await get(item.id)).etag })));
  return {
    tenant: { ...(await api.tenant.get()) },
    environments: await withEtags(await api.environments.list({ includeHidden: true }).toArray(), (id) => api.environments.get(id)),
    users: await withEtags(await api.users.list().toArray(), (id) => api.users.get(id)),
    invitations: await withEtags(await api.invitations.list().toArray(), (id) => api.invitations.get(id)),
    concurrency: { ...(await api.concurrency.get()) },
    // lastUsedAt moves with every call the snapshot itself makes.
    apiTokens: (await api.apiTokens.list().toArray()).map(({ lastUsedAt: _used, ...token }) => token),
    auditEvents: await api.auditEvents.list().toArray(),
  };
}

describe("durability", () => {
  it("keeps every setting across a SIGTERM and a restart on the same file", async () => {
    const db = join(dir, "restart", "callplane.db");
    const first = await start(db);
    const api = client(first.url);
    const staging = await api.environments.create({ name: "staging", maxConcurrentCalls: 10, deletionProtection: true });
    await api.environments.create({ name: "sandbox", maxConcurrentCalls: 5, hidden: true });
    await api.environments.update(staging.id, { name: "staging-eu" });
    const [defaultEnv] = await api.environments.list().toArray();
    await api.concurrency.set({ allocations: [{ environmentId: defaultEnv!.id, maxConcurrentCalls: 20 }, { environmentId: staging.id, maxConcurrentCalls: 15 }] });
    await api.users.create({ name: "Lee Park", email: "lee@acme.test", role: "member", password: "correct-horse-battery" });
    await api.users.create({ name: "Ola Operator", email: "ola@acme.test", role: "operator", operatorSchedule: toOperatorSchedule([{ day: "monday", startHour: 9, endHour: 17 }], "Europe/Berlin") });
    const pending = await api.invitations.create({ email: "vic@acme.test", role: "viewer" });
    const revoked = await api.invitations.create({ email: "rex@acme.test", role: "member" });
    await api.invitations.revoke(revoked.id);
    await api.apiTokens.create({ name: "ci", scope: "read" });
    const before = await snapshot(api);
    expect(await stop(first)).toEqual({ code: 0, signal: null });

    const second = await start(db);
    expect(second.stdout()).not.toContain("Created tenant"); // not bootstrapped again
    const again = client(second.url);
    expect(await snapshot(again)).toEqual(before);
    // The invitation's secret still works after the restart.
    const vic = await again.invitations.accept({ secret: pending.secret, name: "Vic Viewer" });
    expect(vic).toMatchObject({ email: "vic@acme.test", role: "viewer" });
    expect(await stop(second)).toEqual({ code: 0, signal: null });
  });

  it("keeps every acknowledged write, and no half of any, when killed with SIGKILL mid-stream", async () => {
    const db = join(dir, "kill", "callplane.db");
    // The split moves capacity between two environments, always totalling TOTAL.
    const TOTAL = 30;
    const ROUNDS = 5;
    const WORKERS = 8;
    let server = await start(db);
    let api = client(server.url);
    const a = await api.environments.create({ name: "blue", maxConcurrentCalls: TOTAL });
    const b = await api.environments.create({ name: "green", maxConcurrentCalls: 0 });
    const ackedUsers = new Set<string>();
    const ackedRequests = new Set<string>();
    let inFlightAtKill = 0;
    const failures: unknown[] = [];
    // Creates cut off by the kill: the SDK would retry them with the same Idempotency-Key.
    let cutOff: { body: { name: string; email: string; role: "viewer" }; idempotencyKey: string }[] = [];
    let seq = 0;

    for (let round = 0; round < ROUNDS; round++) {
      let inFlight = 0;
      let killed = false;
      const worker = async (w: number) => {
        // Bounded: stops at the first failed request (the kill), or after 2,000 requests.
        for (let i = 0; i < 2000; i++) {
          const n = ++seq;
          const body = { name: `Load ${n}`, email: `load-${n}@acme.test`, role: "viewer" as const };
          const idempotencyKey = `load-${n}`;
          inFlight++;
          try {
            if (n % 3 === 0) {
              const user = await api.users.create(body, { idempotencyKey });
              ackedUsers.add(user.id);
              ackedRequests.add(user.lastResponse.requestId!);
            } else {
              const blue = (n * 7 + w) % (TOTAL + 1);
              const split = await api.concurrency.set({ allocations: [{ environmentId: a.id, maxConcurrentCalls: blue }, { environmentId: b.id, maxConcurrentCalls: TOTAL - blue }] });
              ackedRequests.add(split.lastResponse.requestId!);
            }
          } catch (error) {
            // Only the kill may make a request fail; anything else is a real failure.
            if (!killed || !(error instanceof CallplaneError) || error.status !== undefined) failures.push(error);
            else if (n % 3 === 0) cutOff.push({ body, idempotencyKey });
            return;
          } finally {
            inFlight--;
          }
        }
      };
      const acksBefore = ackedRequests.size;
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      // Kill once the stream is well under way: 300 acknowledged writes (typically within ~1 s;
      // the deadline only stops a hung stream from hanging the test).
      const deadline = performance.now() + 60_000;
      while (ackedRequests.size - acksBefore < 300 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      inFlightAtKill += inFlight;
      server.child.kill("SIGKILL");
      expect(await server.closed).toEqual({ code: null, signal: "SIGKILL" });
      await Promise.all(workers);
      expect(failures).toEqual([]);
      expect(ackedRequests.size - acksBefore).toBeGreaterThanOrEqual(300);

      server = await start(db);
      api = client(server.url);
      const split = await api.concurrency.get();
      const blue = split.allocations.find((x) => x.environmentId === a.id)!.maxConcurrentCalls;
      const green = split.allocations.find((x) => x.environmentId === b.id)!.maxConcurrentCalls;
      expect(split.allocated).toBeLessThanOrEqual(split.planLimit);
      expect(blue + green).toBe(TOTAL); // no concurrency.set applied to one environment only

      // Retrying a cut-off create acts once: it replays if the first attempt committed
      // (user and idempotency key together), else it creates; never a duplicate-email 409.
      for (const { body, idempotencyKey } of cutOff) {
        const user = await api.users.create(body, { idempotencyKey });
        ackedUsers.add(user.id);
        // A replay is not a new change, so only a fresh create is in the audit log.
        if (user.lastResponse.headers.get("idempotent-replayed") !== "true") ackedRequests.add(user.lastResponse.requestId!);
      }
      cutOff = [];
      const listed = await api.users.list({ limit: 100 }).toArray();
      const users = new Set(listed.map((u) => u.id));
      expect([...ackedUsers].filter((id) => !users.has(id))).toEqual([]);
      expect(new Set(listed.map((u) => u.email)).size).toBe(listed.length);

      // The audit log is written in the same transaction: it holds every acknowledged request,
      // each split in it kept the total, and its latest split is the one in force.
      const events = await api.auditEvents.list({ limit: 100 }).toArray();
      const logged = new Set(events.map((e) => e.requestId));
      expect([...ackedRequests].filter((id) => !logged.has(id))).toEqual([]);
      const splits = events.filter((e) => e.action === "concurrency.set");
      for (const event of splits) {
        const allocations = (event.after as { allocations: { environmentId: string; maxConcurrentCalls: number }[] }).allocations;
        const moved = allocations.filter((x) => x.environmentId === a.id || x.environmentId === b.id);
        expect(moved.reduce((sum, x) => sum + x.maxConcurrentCalls, 0)).toBe(TOTAL);
      }
      expect((splits[0]!.after as { allocations: unknown }).allocations).toEqual(split.allocations);
    }
    // Requests were outstanding at each kill, so some writes really were cut off mid-way.
    expect(inFlightAtKill).toBeGreaterThan(0);

    // A clean shutdown, then SQLite's own check of the file.
    expect(await stop(server)).toEqual({ code: 0, signal: null });
    const file = new Database(db, { readonly: true, fileMustExist: true });
    try {
      expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(file.pragma("foreign_key_check")).toEqual([]);
      const total = file.prepare("SELECT SUM(max_concurrent_calls) AS allocated, (SELECT plan_limit FROM tenants) AS planLimit FROM environments").get() as { allocated: number; planLimit: number };
      expect(total.allocated).toBeLessThanOrEqual(total.planLimit);
    } finally {
      file.close();
    }
  }, 60_000);
});
