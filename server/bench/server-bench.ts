/**
 * `pnpm bench:server`: requests per second and p50/p99 latency of the built server for
 * `GET /v1/environments` and `PATCH /v1/environments/{id}`, each for BENCH_SECONDS (default 10)
 * with BENCH_CONNECTIONS (default 10) keep-alive connections. The server runs as the real CLI
 * on a file database in a temp dir; autocannon runs in a second process on loopback. Prints
 * figures against the targets; asserts nothing.
 */
import { createCallplaneClient } from "@callplane/sdk";
import { fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadPlan, LoadResult } from "./load.js";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = Math.min(2, SECONDS / 5);
const TOKEN = "cpt_bench_token_0123456789abcdef0123";
const TARGETS = { GET: 5000, PATCH: 1500, p99Ms: 20 };

if (!existsSync(join(SERVER_DIR, "dist", "cli.js"))) {
  console.error("server/dist/cli.js is missing: the benchmark runs the built CLI; run `pnpm run build` in server/ first.");
  process.exit(1);
}
if (!(SECONDS > 0) || !(CONNECTIONS >= 1)) {
  console.error("BENCH_SECONDS must be a positive number and BENCH_CONNECTIONS at least 1.");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "callplane-bench-"));
const db = join(dir, "bench.db");
const server = spawn(process.execPath, [join(SERVER_DIR, "bin", "callplane-server.js"), "--db", db, "--port", "0", "--host", "127.0.0.1", "--bootstrap-token", TOKEN], {
  stdio: ["ignore", "pipe", "pipe"],
  env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("CALLPLANE_"))),
});
const serverExit = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
let serverErrors = ""; // shown only when the server fails
server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (serverErrors += chunk));

try {
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
    void serverExit.then((code) => reject(new Error(`the server exited (${code}) before printing its URL:\n${serverErrors}`)));
  });

  // A realistic first page for the list (11 environments, one of them patched below).
  const api = createCallplaneClient({ endpoint: url, token: TOKEN });
  for (let i = 1; i <= 9; i++) await api.environments.create({ name: `bench-${i}`, maxConcurrentCalls: 1 });
  const target = await api.environments.create({ name: "bench-patch", maxConcurrentCalls: 0 });

  const runs: { name: string; method: LoadPlan["method"]; path: string; target: number }[] = [
    { name: "GET /v1/environments", method: "GET", path: "/v1/environments", target: TARGETS.GET },
    { name: "PATCH /v1/environments/{id}", method: "PATCH", path: `/v1/environments/${target.id}`, target: TARGETS.PATCH },
  ];
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(`Callplane server: ${SECONDS} s per endpoint (after ${WARMUP_SECONDS} s warm-up), ${CONNECTIONS} connections, autocannon in a second process on loopback`);
  console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu}), SQLite file in ${tmpdir()} (WAL, synchronous=NORMAL)`);
  console.log("");
  const ms = (value: number) => (value < 1 ? "<1" : value.toFixed(0));
  const rows = [`${"endpoint".padEnd(30)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"max ms".padStart(8)}${"2xx".padStart(9)}${"other".padStart(7)}   targets`];
  const warnings: string[] = [];
  for (const run of runs) {
    const result = await load({ url, token: TOKEN, method: run.method, path: run.path, seconds: SECONDS, connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS });
    // Successful answers over the measured time (autocannon may run a second past the asked one).
    const perSecond = result["2xx"] / result.duration;
    const verdict = (ok: boolean) => (ok ? "pass" : "miss");
    rows.push(
      `${run.name.padEnd(30)}${perSecond.toFixed(0).padStart(8)}${ms(result.latency.p50).padStart(8)}${ms(result.latency.p99).padStart(8)}${ms(result.latency.max).padStart(8)}` +
        `${String(result["2xx"]).padStart(9)}${String(result.non2xx + result.errors).padStart(7)}` +
        `   ≥ ${run.target.toLocaleString("en-US")} req/s: ${verdict(perSecond >= run.target)}, p99 < ${TARGETS.p99Ms} ms: ${verdict(result.latency.p99 < TARGETS.p99Ms)}`,
    );
    if (result.non2xx + result.errors + result.timeouts > 0) {
      warnings.push(`warning: ${run.name}: ${result.non2xx} non-2xx answers, ${result.errors} connection errors, ${result.timeouts} timeouts`);
    }
  }
  const width = Math.max(...rows.map((row) => row.length));
  console.log([rows[0], "-".repeat(width), ...rows.slice(1), ...warnings].join("\n"));
  console.log("");
  console.log(`req/s counts 2xx answers only; "other" = non-2xx answers plus connection errors.`);
  console.log("Latency is in whole milliseconds, as autocannon records it (<1 = under a millisecond).");
} finally {
  server.kill("SIGTERM");
  await serverExit;
  rmSync(dir, { recursive: true, force: true });
}

/** Runs autocannon in a forked process (with tsx, for the TypeScript) and returns its result. */
function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./load.ts", import.meta.url)), [JSON.stringify(plan)], {
      cwd: SERVER_DIR,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: LoadResult | undefined;
    child.once("message", (message) => (result = message as LoadResult));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`the load generator exited (${code}) without a result`))));
  });
}
