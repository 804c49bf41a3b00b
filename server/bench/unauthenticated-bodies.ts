/**
 * `pnpm --filter @callplane/server run bench:bodies`: what 100 unauthenticated 1 MB request
 * bodies cost the server. Runs the built CLI, reads its resident memory (VmRSS, Linux) before
 * and after, and prints the answers and the growth. The server should answer each 401 without
 * reading the body, so the growth stays near zero. Prints figures; asserts nothing.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../bin/callplane-server.js", import.meta.url));
const BODIES = 100;
const BODY = Buffer.alloc(1024 * 1024, "x");

const server = spawn(process.execPath, [CLI, "--db", ":memory:", "--port", "0", "--no-console", "--bootstrap-token", "cpt_bench_bodies_0123456789abcdef"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise<string>((resolve) => server.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n")[0]!)));
const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;

function post(): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const req = request({ hostname, port, path: "/v1/environments", method: "POST", headers: { "Content-Type": "application/json", "Content-Length": BODY.length } }, (res) => {
      res.resume();
      res.on("end", () => resolve(String(res.statusCode)));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.end(BODY);
  });
}

await new Promise((resolve) => setTimeout(resolve, 500));
const before = rssMb();
const outcomes = new Map<string, number>();
for (let sent = 0; sent < BODIES; sent += 10) {
  for (const outcome of await Promise.all(Array.from({ length: 10 }, post))) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}
await new Promise((resolve) => setTimeout(resolve, 500));
const after = rssMb();
console.log(`${BODIES} unauthenticated POSTs with 1 MiB bodies: ${[...outcomes].map(([k, v]) => `${v}× ${k}`).join(", ")}`);
console.log(`server resident memory: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after (${(after - before >= 0 ? "+" : "") + (after - before).toFixed(1)} MB)`);
server.kill("SIGTERM");
