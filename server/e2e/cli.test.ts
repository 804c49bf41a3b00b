/**
 * The `callplane-server` CLI as users run it: a child process on a temp-dir database, driven
 * through its flags, environment variables and signals. Runs the built `dist/` (not the sources).
 */
import { createCallplaneClient, RateLimitError, type CallplaneClient } from "@callplane/sdk";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cleanEnv, SERVER_BIN } from "./built-cli.js";


const TOKEN = "cpt_cli_test_token_0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "callplane-cli-"));
let dbCount = 0;
const freshDb = () => join(dir, `db-${++dbCount}`, "callplane.db");

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Cli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles once the process has exited and its output is drained. */
  closed: Promise<Exit>;
}

interface RunningCli extends Cli {
  url: string;
  /** Sends `signal` and waits for the exit, failing after `withinMs`. */
  stop(signal?: NodeJS.Signals, withinMs?: number): Promise<Exit>;
}

const children = new Set<Cli>();

afterEach(async () => {
  // A failed test must not leave a server behind.
  for (const cli of children) cli.child.kill("SIGKILL");
  await Promise.all([...children].map((cli) => cli.closed));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


function spawnCli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [SERVER_BIN, ...args], { cwd: dir, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const cli: Cli = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    closed: new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal }))),
  };
  children.add(cli);
  void cli.closed.then(() => children.delete(cli));
  return cli;
}

async function startCli(args: string[], env: Record<string, string> = {}): Promise<RunningCli> {
  const cli = spawnCli(args, env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 10 s; stderr: ${cli.stderr()}`)), 10_000);
    const check = () => {
      const newline = cli.stdout().indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      cli.child.stdout!.off("data", check);
      resolve(cli.stdout().slice(0, newline));
    };
    cli.child.stdout!.on("data", check);
    void cli.closed.then((exit) => reject(new Error(`exited (${exit.code ?? exit.signal}) before printing a URL; stderr: ${cli.stderr()}`)));
  });
  const stop = async (signal: NodeJS.Signals = "SIGTERM", withinMs = 3000): Promise<Exit> => {
    cli.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still running ${withinMs} ms after ${signal}`)), withinMs)));
    try {
      return await Promise.race([cli.closed, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return { ...cli, url, stop };
}

function client(url: string, token: string | undefined): CallplaneClient {
  return createCallplaneClient({ endpoint: url, token, maxRetries: 0, timeoutMs: 5000, validateResponses: true });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; fails naming `what` after `withinMs`. */
async function until(condition: () => Promise<boolean>, what: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${withinMs} ms for ${what}`);
    await sleep(50);
  }
}

describe("callplane-server: start-up and bootstrap", () => {
  it("prints the URL as the first stdout line, and answers there", async () => {
    const cli = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const envs = await client(cli.url, TOKEN).environments.list().toArray();
    expect(envs.map((e) => e.name)).toEqual(["default"]);
    expect((await cli.stop()).code).toBe(0);
  });

  it("uses --bootstrap-token as the admin token without printing it", async () => {
    const cli = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]);
    expect((await client(cli.url, TOKEN).tenant.get()).planLimit).toBe(40);
    await cli.stop();
    expect(cli.stdout()).toContain("Created tenant");
    expect(cli.stdout()).not.toContain(TOKEN);
    expect(cli.stderr()).not.toContain(TOKEN);
  });

  it("prints a generated token once on first start, and nothing on the next start of the same database", async () => {
    const db = freshDb();
    const first = await startCli(["--db", db, "--port", "0"]);
    await first.stop();
    const printed = [...first.stdout().matchAll(/Admin API token, shown once: (\S+)/g)].map((m) => m[1]!);
    expect(printed).toHaveLength(1);
    const token = printed[0]!;
    expect(first.stdout().split(token)).toHaveLength(2); // the token appears exactly once
    expect(first.stderr()).not.toContain(token);

    const second = await startCli(["--db", db, "--port", "0"]);
    // The first start's token still works: the same tenant, not a new bootstrap.
    expect((await client(second.url, token).users.list().toArray()).map((u) => u.email)).toEqual(["admin@callplane.local"]);
    await second.stop();
    expect(second.stdout()).toBe(`${second.url}\n`);
  });

  it("picks a different free port for each --port 0", async () => {
    const [a, b] = await Promise.all([
      startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]),
      startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]),
    ]);
    const port = (url: string) => Number(new URL(url).port);
    expect(port(a.url)).toBeGreaterThan(0);
    expect(port(a.url)).not.toBe(port(b.url));
    await expect(client(a.url, TOKEN).concurrency.get()).resolves.toMatchObject({ planLimit: 40 });
    await expect(client(b.url, TOKEN).concurrency.get()).resolves.toMatchObject({ planLimit: 40 });
    await Promise.all([a.stop(), b.stop()]);
  });

  it("reads CALLPLANE_PORT, CALLPLANE_DB and CALLPLANE_BOOTSTRAP_TOKEN", async () => {
    const port = await freePort();
    const db = freshDb();
    const cli = await startCli([], { CALLPLANE_PORT: String(port), CALLPLANE_DB: db, CALLPLANE_BOOTSTRAP_TOKEN: TOKEN });
    expect(cli.url).toBe(`http://127.0.0.1:${port}`);
    await expect(client(cli.url, TOKEN).tenant.get()).resolves.toMatchObject({ planLimit: 40 });
    expect(existsSync(db)).toBe(true);
    await cli.stop();
    expect(cli.stdout()).not.toContain(TOKEN);
  });

  it("lets a flag win over its environment variable", async () => {
    const fromEnv = freshDb();
    const fromFlag = freshDb();
    // A bad CALLPLANE_INVITE_TTL is not even read when --invite-ttl is given.
    const cli = await startCli(["--db", fromFlag, "--port", "0", "--bootstrap-token", TOKEN, "--invite-ttl", "7d"], { CALLPLANE_DB: fromEnv, CALLPLANE_INVITE_TTL: "soon" });
    await cli.stop();
    expect(existsSync(fromFlag)).toBe(true);
    expect(existsSync(fromEnv)).toBe(false);
  });
});

describe("callplane-server: bad arguments", () => {
  it.each([
    [["--invite-ttl", "soon"], "--invite-ttl"],
    [["--rate-limit", "0"], "--rate-limit"],
    [["--rate-limit", "fast"], "--rate-limit"],
    [["--session-ttl", "forever"], "--session-ttl"],
    [["--headers-timeout", "forever"], "--headers-timeout"],
    [["--request-timeout", "0s"], "--request-timeout"],
    [["--port", "http"], "--port"],
    [["--frobnicate"], "--frobnicate"],
  ])("%j exits with code 2 naming %s, and starts nothing", async (args, flag) => {
    const db = freshDb();
    const cli = spawnCli(["--db", db, "--port", "0", ...args]);
    const exit = await cli.closed;
    expect(exit.code).toBe(2);
    expect(cli.stderr()).toContain(flag);
    expect(cli.stdout()).toBe("");
    expect(existsSync(db)).toBe(false);
  });

  it("--port 70000 exits with code 2 naming --port", async () => {
    const db = freshDb();
    const cli = spawnCli(["--db", db, "--port", "70000"]);
    expect((await cli.closed).code).toBe(2);
    expect(cli.stderr()).toContain("--port");
    expect(existsSync(db)).toBe(false);
  });

  it("names the flag when its environment variable is bad", async () => {
    const cli = spawnCli(["--db", freshDb(), "--port", "0"], { CALLPLANE_RATE_LIMIT: "0" });
    expect((await cli.closed).code).toBe(2);
    expect(cli.stderr()).toContain("--rate-limit");
  });
});

describe("callplane-server: a port already in use", () => {
  // A start that cannot listen must not create the admin's token: nobody would ever see it.
  it("does not lose the generated admin token", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = String((busy.address() as { port: number }).port);
    const db = freshDb();
    try {
      const failed = spawnCli(["--db", db, "--port", port]);
      expect((await failed.closed).code).not.toBe(0);
      const next = await startCli(["--db", db, "--port", "0"]);
      await next.stop();
      expect(failed.stdout() + next.stdout()).toMatch(/Admin API token, shown once: cpt_/);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

// Shutdown takes ~0.1 s, or the 1 s grace period when a connection is silent; without the grace
// period a silent connection would hold the server for Node's 60 s. 5 s tells the two apart.
const SHUTDOWN_BOUND_MS = 5000;

describe("callplane-server: shutdown", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("exits with code 0 promptly after %s, with a client's keep-alive connection open", async (signal) => {
    const cli = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]);
    // Leaves an idle keep-alive connection from this process's fetch pool.
    await client(cli.url, TOKEN).environments.list().toArray();
    expect(await cli.stop(signal, SHUTDOWN_BOUND_MS)).toEqual({ code: 0, signal: null });
    expect(cli.stderr()).toContain(`${signal}, shutting down`);
    await expect(fetch(`${cli.url}/v1/environments`)).rejects.toThrow();
  });

  // A connection that never sends a request (a browser's preconnect) must not keep the server up.
  it("exits promptly after SIGTERM while a client holds a silent connection", async () => {
    const cli = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]);
    const socket = connect(Number(new URL(cli.url).port), "127.0.0.1");
    socket.on("error", () => {});
    await new Promise((resolve) => socket.once("connect", resolve));
    try {
      expect(await cli.stop("SIGTERM", SHUTDOWN_BOUND_MS)).toEqual({ code: 0, signal: null });
    } finally {
      socket.destroy();
    }
  });
});

describe("callplane-server: --invite-ttl", () => {
  it("sets how long a new invitation lasts: 1s reads as expired once that second has passed", async () => {
    const cli = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN, "--invite-ttl", "1s"]);
    const admin = client(cli.url, TOKEN);
    const short = await admin.invitations.create({ email: "short@acme.test", role: "viewer" });
    // An explicit lifetime still wins over the server's default.
    const long = await admin.invitations.create({ email: "long@acme.test", role: "viewer", expiresInDays: 1 });
    expect(short.status).toBe("pending");
    expect(Date.parse(short.expiresAt) - Date.parse(short.createdAt)).toBe(1000);
    // A child process keeps the real clock: wait for the expiry (a second) rather than for a fixed time.
    await until(async () => (await admin.invitations.get(short.id)).status === "expired", "the 1 s invitation to read as expired", 10_000);
    expect((await admin.invitations.get(long.id)).status).toBe("pending");
    expect((await admin.invitations.list({ status: "expired" }).toArray()).map((i) => i.id)).toEqual([short.id]);
    await cli.stop();
  });
});

describe("callplane-server: --session-ttl and --allow-signup", () => {
  it("sign-up is off by default; --allow-signup turns it on, and sessions last --session-ttl", async () => {
    const body = { tenantName: "Acme Voice", name: "Olivia Stone", email: "ops@acme.test", password: "a-long-passphrase" };
    const off = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN]);
    await expect(client(off.url, undefined).sessions.signUp(body)).rejects.toMatchObject({ status: 403 });
    await off.stop();

    const on = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN, "--allow-signup", "--session-ttl", "90m"]);
    const { session } = await client(on.url, undefined).sessions.signUp(body);
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(90 * 60 * 1000);
    expect((await client(on.url, session.token).sessions.current()).user.role).toBe("admin");
    await on.stop();
  });
});

describe("callplane-server: --rate-limit", () => {
  it("answers 429 with Retry-After once a credential exceeds 5 requests per second, and only that credential", async () => {
    const cli = await startCli(["--db", freshDb(), "--port", "0", "--bootstrap-token", TOKEN, "--rate-limit", "5"]);
    const admin = client(cli.url, TOKEN);
    const other = (await admin.apiTokens.create({ name: "other", scope: "read" })).token;

    // Thirty at once: the bucket holds 5 (one already spent above) and refills 5 per second, so
    // on any machine that answers them within a few seconds, some are refused. The exact counts
    // are tested on a clock the test moves (e2e/clock.test.ts); this checks the flag's wiring.
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => admin.environments.list().toArray()));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    }

    const raw = await Promise.all(Array.from({ length: 30 }, () => fetch(`${cli.url}/v1/environments`, { headers: { Authorization: `Bearer ${TOKEN}` } })));
    const limited = raw.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    const retryAfter = limited[0]!.headers.get("retry-after");
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    await Promise.all(raw.map((r) => r.arrayBuffer()));
    // Another credential has its own allowance.
    await expect(client(cli.url, other).environments.list().toArray()).resolves.toHaveLength(1);

    // After the wait the server asked for, the admin is let in again.
    await sleep(Number(retryAfter) * 1000);
    await expect(admin.environments.list().toArray()).resolves.toHaveLength(1);
    await cli.stop();
  });
});
