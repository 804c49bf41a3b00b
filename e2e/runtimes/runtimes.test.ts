/**
 * The SDK on every runtime the brief promises: its unit tests on Node 24 (the suite runs on
 * Node 20 in `npm test` already), and its contract against the local server — pagination,
 * idempotency, typed errors, retries (sdk/e2e/contract.mjs) — on Node 20, Node 24, Bun and Deno.
 *
 * Bun and Deno come from their npm packages (devDependencies here). Node 24 comes from the npm
 * package `node-<platform>-<arch>@24`, installed on first use into node_modules/.cache (it is
 * not a dependency: its `node` binary would shadow the Node running the workspace).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(root, "e2e/node_modules/.bin", name);
const contract = join(root, "sdk/e2e/contract.mjs");
const TOKEN = "cpt_runtimes_test_token_123456";

let api: { url: string; close: () => Promise<void> };
let flaky: Server;
let flakyUrl: string;
let dir: string;

/** Answers every first attempt with 503 (forwarding a POST first, as if its answer were lost). */
function startFlakyProxy(target: URL): Promise<Server> {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const key = `${req.method} ${req.url} ${req.headers["idempotency-key"] ?? ""}`;
    const first = !seen.has(key);
    seen.add(key);
    const forward = (done: (answer: IncomingMessage, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const out = httpRequest(new URL(req.url!, target), { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
          const body: Buffer[] = [];
          answer.on("data", (c: Buffer) => body.push(c));
          answer.on("end", () => done(answer, Buffer.concat(body)));
        });
        out.end(Buffer.concat(chunks));
      });
    };
    const unavailable = () => res.writeHead(503, { "Retry-After": "0", "Content-Type": "application/problem+json" }).end('{"title":"Unavailable"}');
    if (first && req.method === "GET") return unavailable();
    forward((answer, body) => {
      if (first) return unavailable();
      res.writeHead(answer.statusCode!, { ...answer.headers, "X-Attempt": "2" }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function node24(): string {
  const cache = join(root, "node_modules/.cache/callplane-node24");
  const found = join(cache, "node_modules/.bin/node");
  if (!existsSync(found)) {
    mkdirSync(cache, { recursive: true });
    const result = spawnSync("npm", ["install", "--prefix", cache, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", `node-${process.platform}-${process.arch}@24`], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`installing Node 24 failed: ${result.stderr}`);
  }
  return found;
}

/** Runs the contract in a child process, asynchronously: the server lives in this process. */
async function runContract(runtime: string, command: string, args: string[]) {
  const child = spawn(command, [...args, contract], {
    env: { ...process.env, RUNTIME: runtime, CALLPLANE_ENDPOINT: api.url, CALLPLANE_FLAKY_ENDPOINT: flakyUrl, CALLPLANE_TOKEN: TOKEN, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(code, `${runtime}: ${stderr}`).toBe(0);
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!);
}

function expectContract(result: any) {
  expect(result.pagination).toEqual({ firstPage: 2, hasNextPage: true, mine: 5 });
  expect(result.idempotency).toEqual({ sameUser: true, replayed: "true" });
  expect(result.errors.notFound).toEqual({ typed: true, status: 404 });
  expect(result.errors.conflict).toEqual({ typed: true, status: 409, fieldErrors: [{ path: "name", message: "is already taken" }] });
  expect(result.errors.local.typed).toBe(true);
  expect(result.errors.local.status).toBeUndefined();
  expect(result.errors.local.fieldErrors).toEqual(expect.arrayContaining([{ path: "name", message: "must not be empty" }, expect.objectContaining({ path: "maxConcurrentCalls" })]));
  expect(result.errors.server).toEqual({ typed: true, status: 422, paths: expect.arrayContaining(["name"]) });
  expect(result.retries.get).toEqual({ name: "string", attempt: "2" });
  // The first attempt created the user; the retry carried the same key and was replayed.
  expect(result.retries.post).toEqual({ attempt: "2", replayed: "true", created: 1 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "callplane-runtimes-"));
  const { startServer } = await import(join(root, "server/dist/index.js"));
  const running = await startServer({ port: 0, db: join(dir, "callplane.db"), bootstrapToken: TOKEN, console: false });
  api = { url: running.url, close: () => running.close() };
  flaky = await startFlakyProxy(new URL(api.url));
  flakyUrl = `http://127.0.0.1:${(flaky.address() as { port: number }).port}`;
});

afterAll(async () => {
  flaky?.close();
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the SDK's contract against the local server", () => {
  it("holds on Node 20", async () => {
    expect(process.versions.node.split(".")[0]).toBe("20");
    expectContract(await runContract("node20", process.execPath, []));
  });

  it("holds on Node 24", async () => {
    const node = node24();
    expect(spawnSync(node, ["--version"], { encoding: "utf8" }).stdout).toMatch(/^v24\./);
    expectContract(await runContract("node24", node, []));
  });

  it("holds on Bun", async () => {
    expectContract(await runContract("bun", bin("bun"), []));
  });

  it("holds on Deno", async () => {
    expectContract(await runContract("deno", bin("deno"), ["run", "--allow-net", "--allow-env", "--allow-read"]));
  });
});

describe("the SDK's unit tests", () => {
  it("pass on Node 24", () => {
    const result = spawnSync(node24(), [join(root, "sdk/node_modules/vitest/vitest.mjs"), "run", "--reporter=dot"], { cwd: join(root, "sdk"), encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/Tests\s+\d+ passed/);
  });
});
