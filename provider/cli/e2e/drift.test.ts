/** `callplane drift` against a real workspace: real Terraform, provider, server and audit log. */
import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { quickstartResources, shortcuts, useTerraform } from "../../terraform/e2e/terraform.js";
import { callplane } from "./callplane.js";

const ws = useTerraform();
const { apply } = shortcuts(ws);

beforeAll(async () => {
  ws.config(quickstartResources());
  const applied = await apply();
  if (applied.code !== 0) throw new Error(applied.output);
}, 120_000);

// The tests are the steps of one story on one applied workspace (no drift, hand edits, unmanaged
// objects, apply puts it right): their order is part of what they check, so it is never shuffled.
describe("callplane drift", { shuffle: false }, () => {
  it("exits 0 and says so when nothing drifted", async () => {
    const result = await callplane(ws, ["drift", ws.dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## Callplane drift: none");
    // The server's bootstrap environment is in the tenant but not in the configuration.
    expect(result.stdout).toMatch(/\| environment \| default \| `env_[0-9a-f]+` \|/);
  });

  it("reports each drifted attribute with who changed it, when and through what, and exits 2", async () => {
    const staging = (await ws.sdk.environments.list()).data.find((e) => e.name === "staging")!;
    await ws.sdk.environments.update(staging.id, { maxConcurrentCalls: 5 });
    await ws.sdk.tenant.update({ website: "https://acme.example" });

    const result = await callplane(ws, ["drift", ws.dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("## Callplane drift: 2 resources changed outside Terraform");
    expect(result.stdout).toMatch(/\| allocations\["staging"\] \| `10` \| `5` \| .+ via \*\*console\*\*, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/);
    expect(result.stdout).toMatch(/\| website \| `https:\/\/acme.test` \| `https:\/\/acme.example` \| .+ via \*\*console\*\*/);

    const json = JSON.parse((await callplane(ws, ["drift", "--format", "json", ws.dir])).stdout);
    const split = json.drifted.find((r: { type: string }) => r.type === "callplane_concurrency_split");
    const me = await ws.sdk.users.list().then((p) => p.data.find((u) => u.email === "admin@callplane.local")!);
    expect(split.attributes[0]).toMatchObject({ path: 'allocations["staging"]', before: { value: 10 }, after: { value: 5 }, changedBy: { actor: me.name, source: "console", action: "environment.update" } });
  });

  it("lists users, invitations and environments no resource manages", async () => {
    await ws.sdk.users.create({ name: "Rogue Admin", email: "rogue@acme.test", role: "admin", password: "correct-horse-battery" });
    const result = await callplane(ws, ["drift", ws.dir]);
    expect(result.stdout).toContain("### Not managed by Terraform");
    expect(result.stdout).toMatch(/\| user \| rogue@acme.test \| `usr_[0-9a-f]+` \| Rogue Admin, admin \|/);
    // The authoritative team resource sees the same person as drift, attributed to whoever added them.
    expect(result.stdout).toMatch(/\| assignments\["rogue@acme.test"\] \| — \| `admin` \| .+ via \*\*console\*\*/);
    expect(result.stdout).not.toContain("correct-horse-battery");
  });

  it("puts drift right with terraform apply, then exits 0; --fail-on-unmanaged still counts the default environment", async () => {
    expect((await apply()).code).toBe(0);
    const clean = await callplane(ws, ["drift", ws.dir]);
    expect(clean.code).toBe(0);
    const strict = await callplane(ws, ["drift", "--fail-on-unmanaged", ws.dir]);
    expect(strict.code).toBe(2);
  });

  it("reads a saved -json log, and works without a token (no attribution, said so)", async () => {
    const staging = (await ws.sdk.environments.list()).data.find((e) => e.name === "staging")!;
    await ws.sdk.environments.update(staging.id, { maxConcurrentCalls: 7 });
    const log = await ws.terraform(["plan", "-refresh-only", "-json", "-input=false"]);
    writeFileSync(`${ws.dir}/refresh.jsonl`, log.stdout);
    const result = await callplane(ws, ["drift", "--plan-json", `${ws.dir}/refresh.jsonl`], { withToken: false });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("**`callplane_concurrency_split.this`** — changed");
    expect(result.stdout).toContain("no API token");
    await ws.sdk.environments.update(staging.id, { maxConcurrentCalls: 10 });
  });

  it("exits 1 with Terraform's error when the directory is not a Terraform workspace", async () => {
    const result = await callplane(ws, ["drift", "/nonexistent-callplane-dir"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^callplane: /);
    expect(result.stdout).toBe("");
  });
});
