/**
 * What the plugin's processes load. Node's fetch classes (the bundled undici) cost each process
 * that touches them ~44 ms and ~9 MB (bench/README.md); the plugin sends its API calls through
 * the SDK's `httpClient` on node:http and must never load them during a plan.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canBuildExecutables } from "../scripts/executable-mirror.js";
import { shortcuts, useTerraform } from "./terraform.js";

const ws = useTerraform();
const { stateOf } = shortcuts(ws);

describe("the plugin's processes", { shuffle: false }, () => {
  it.runIf(canBuildExecutables())("read the API during a plan without loading Node's fetch classes", async () => {
    ws.config(`resource "callplane_environment" "probe" {
  name                 = "probe"
  max_concurrent_calls = 5
  deletion_protection  = false
}
`);
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"]);
    expect(apply.code, apply.output).toBe(0);
    // A change by hand, so the plan shows the plugin read the API.
    await ws.sdk.environments.update((await stateOf("callplane_environment.probe")).id as string, { maxConcurrentCalls: 3 });

    // A preloaded probe reports, as each plugin process exits, whether undici was loaded.
    const probe = join(ws.dir, "probe.cjs");
    const report = join(ws.dir, "probe.jsonl");
    writeFileSync(probe, `process.on("exit", () => require("node:fs").appendFileSync(${JSON.stringify(report)}, JSON.stringify({ pid: process.pid, undici: process.moduleLoadList.some((name) => name.includes("undici")) }) + "\\n"));\n`);
    const plan = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"], { NODE_OPTIONS: `--require ${probe}` });
    expect(plan.code, plan.output).toBe(2);
    expect(plan.output).toMatch(/max_concurrent_calls\s+= 3 -> 5/);

    expect(existsSync(report), "the probe never ran: NODE_OPTIONS did not reach the plugin").toBe(true);
    const processes = readFileSync(report, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { pid: number; undici: boolean });
    expect(processes.length).toBeGreaterThanOrEqual(2);
    expect(processes.filter((p) => p.undici)).toEqual([]);
  });
});
