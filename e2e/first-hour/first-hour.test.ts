/**
 * The first hour of a new user, in a fresh copy of the repository (no node_modules, no builds):
 * `npm run demo` shows progress at least every 10 s while it installs and builds and ends with
 * what to try next; then every `sh` block of the README runs as written, in order, in one shell
 * (so a `cd` carries over), against a local server.
 *
 * Pragmatic departures, each the least a person at a terminal would do differently:
 * - `npm test` is skipped (this test is part of it) and `npm run demo` has already run;
 * - the server command, which runs until stopped, is started in the background, and the next
 *   command waits for it to answer;
 * - port 8787 is replaced by a free port, so a server someone else left running cannot interfere;
 * - `terraform apply` gets "yes" on its standard input.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let copy: string;

interface Run { code: number | null; output: string; lines: { at: number; text: string }[] }

function runTimed(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; input?: string }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, CHECKPOINT_DISABLE: "1", ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    const lines: Run["lines"] = [];
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk;
      for (const text of String(chunk).split("\n").filter((l) => l.trim())) lines.push({ at: Date.now(), text });
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.stdin.end(options.input ?? "");
    child.on("close", (code) => resolve({ code, output, lines }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The README's `sh` blocks, in order. */
/**
 * The README's `sh` blocks, in order. A block right after a `<!-- not-run: why -->` comment is
 * left out: it needs what a fresh copy cannot have (a downloaded release), and the comment names
 * the test that runs it instead.
 */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(<!-- not-run:[^\n]*-->\n)?```sh\n([\s\S]*?)^```/gm)].filter((match) => !match[1]).map((match) => match[2]!);
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "callplane-first-hour-"));
  const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" }).stdout.split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

// The demo installs and builds the copy that the README's blocks then use: never shuffled.
describe("a new user's first hour, in a fresh copy", { shuffle: false }, () => {
  it("npm run demo shows progress at least every 10 s while it installs and builds, and says what to try next", async () => {
    const demo = await runTimed("npm", ["run", "demo"], { cwd: copy });
    expect(demo.code, demo.output).toBe(0);
    const start = demo.lines.findIndex((l) => l.text.includes("Installing dependencies and building"));
    const end = demo.lines.findIndex((l) => l.text.includes("Starting the local Callplane server"));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const gaps = demo.lines.slice(start + 1, end + 1).map((line, i) => line.at - demo.lines[start + i]!.at);
    expect(Math.max(...gaps), demo.lines.slice(start, end + 1).map((l) => l.text).join("\n")).toBeLessThanOrEqual(10_000);
    expect(demo.output).toContain("✓ installing dependencies");
    expect(demo.output).not.toMatch(/Ignored build scripts/);
    expect(demo.output).toMatch(/What to try next:[\s\S]*npm run demo -- --cdktf/);
  });

  it("every sh block of the README runs as written, in order, against a local server", async () => {
    const port = String(await freePort());
    const blocks = shellBlocks(readFileSync(join(copy, "README.md"), "utf8"));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const script = ["set -euo pipefail", "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT"];
    for (const block of blocks) {
      for (const raw of block.split("\n")) {
        const line = raw.replaceAll("8787", port);
        if (!line.trim() || /^npm (test|run demo)\b/.test(line)) continue;
        if (/--filter @callplane\/server start/.test(line)) {
          // Runs until stopped: in the background, and wait until it answers.
          script.push(`CALLPLANE_PORT=${port} ${line} > server.log 2>&1 &`);
          script.push(`for i in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:${port}/ && break; sleep 1; done`);
        } else {
          script.push(`echo "+ ${line.replaceAll('"', '\\"').replaceAll("$", "\\$")}"`, line);
        }
      }
    }
    const run = await runTimed("bash", ["-c", script.join("\n")], { cwd: copy, input: "yes\n" });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/"planLimit"/); // curl /v1/concurrency
    expect(run.output).toContain("Apply complete!");
    // Install scripts are either allowed or deliberately skipped (pnpm-workspace.yaml): no warning.
    expect(run.output).toContain("pnpm install && pnpm -r run build");
    expect(run.output).not.toMatch(/Ignored build scripts/);
    // plan-summary and drift, run from examples/quickstart where the `cd` left the shell.
    expect(run.output).toMatch(/plan-summary plan\.json\n(No changes\.|## Callplane plan)/);
    expect(run.output).toMatch(/## Callplane drift/);
    expect(existsSync(join(copy, "examples/quickstart/plan.json"))).toBe(true);
    // Generated plan files are ignored.
    const ignored = spawnSync("git", ["check-ignore", "examples/quickstart/plan.out", "examples/quickstart/plan.json"], { cwd: root, encoding: "utf8" });
    expect(ignored.stdout.split("\n").filter(Boolean)).toEqual(["examples/quickstart/plan.out", "examples/quickstart/plan.json"]);
  });
});
