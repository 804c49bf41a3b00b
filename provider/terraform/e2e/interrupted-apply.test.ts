/**
 * Terraform killed (SIGKILL) in the middle of an apply or a destroy: the next run converges to
 * the configuration, with no duplicates, no orphans and no hand work.
 */
import { existsSync, readFileSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shortcuts, useTerraform, type Workspace } from "./terraform.js";

const ws = useTerraform();
const { apply, plan } = shortcuts(ws);
const ENVIRONMENTS = 12;
const USERS = 12;

function configuration(round: number): string {
  let hcl = "";
  for (let i = 0; i < ENVIRONMENTS; i++) {
    hcl += `resource "callplane_environment" "e${i}" {\n  name = "r${round}-env-${i}"\n  max_concurrent_calls = 1\n  deletion_protection = false\n}\n`;
  }
  for (let i = 0; i < USERS; i++) {
    hcl += `resource "callplane_user" "u${i}" {\n  name = "Round ${round} User ${i}"\n  email = "r${round}-user-${i}@acme.test"\n  role = "${i % 2 ? "member" : "viewer"}"\n}\n`;
  }
  return hcl;
}

/** The round's objects on the server, by name or email. */
async function live(round: number): Promise<{ environments: string[]; users: string[] }> {
  const environments = (await ws.sdk.environments.list({ includeHidden: true, limit: 100 }).toArray()).map((e) => e.name).filter((n) => n.startsWith(`r${round}-`));
  const users = (await ws.sdk.users.list({ limit: 100 }).toArray()).map((u) => u.email).filter((e) => e.startsWith(`r${round}-`));
  return { environments: environments.sort(), users: users.sort() };
}

const count = async (round: number) => {
  const { environments, users } = await live(round);
  return environments.length + users.length;
};

/** Runs terraform and SIGKILLs it once `until` says so (or it ends by itself). */
async function killWhen(workspace: Workspace, args: string[], until: () => Promise<boolean>): Promise<"killed" | "finished"> {
  const child = workspace.spawnTerraform(args);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished) {
    if (await until()) {
      child.kill("SIGKILL");
      await exited;
      return "killed";
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return "finished";
}

async function stateIds(): Promise<Map<string, string>> {
  const shown = await ws.terraform(["show", "-json"]);
  const resources: { address: string; values: { id: string } }[] = JSON.parse(shown.stdout).values?.root_module?.resources ?? [];
  return new Map(resources.map((r) => [r.address, r.values.id]));
}

const expected = (round: number) => ({
  environments: Array.from({ length: ENVIRONMENTS }, (_, i) => `r${round}-env-${i}`).sort(),
  users: Array.from({ length: USERS }, (_, i) => `r${round}-user-${i}@acme.test`).sort(),
});

/**
 * Where each round kills Terraform: a count of objects on the server, drawn from a seeded
 * generator. `npm test` runs 3 rounds with a fixed seed; `pnpm faults` runs many with a random
 * one (CALLPLANE_FAULT_ROUNDS, CALLPLANE_FAULT_SEED), and a failure names its seed.
 */
const ROUNDS = Number(process.env.CALLPLANE_FAULT_ROUNDS ?? 3);
const SEED = Number(process.env.CALLPLANE_FAULT_SEED ?? 20261127);
function killPoints(): number[] {
  let state = SEED >>> 0;
  const next = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  return Array.from({ length: ROUNDS }, () => Math.floor(next() * (ENVIRONMENTS + USERS)));
}

/**
 * A SIGKILL that lands while the local backend rewrites terraform.tfstate can also leave it cut
 * short (seen: cut at byte 16,384), and Terraform then refuses to run. A user moves such a file
 * aside (docs/guides/interrupted-applies.md); the next apply adopts the objects again. True when
 * the state was cut short and set aside.
 */
function setAsideCutState(): boolean {
  const state = join(ws.dir, "terraform.tfstate");
  if (!existsSync(state) || statSync(state).size === 0) return false;
  try {
    JSON.parse(readFileSync(state, "utf8"));
    return false;
  } catch {
    renameSync(state, `${state}.cut`);
    return true;
  }
}

// Rounds share one workspace and run one after another; each kills at another point.
describe(`an interrupted apply or destroy (seed ${SEED})`, { shuffle: false }, () => {
  it.each(killPoints().map((point, round) => [round, point]))("converges on the next run (round %i: killed once %i objects exist)", async (round, point) => {
    ws.config(configuration(round));
    await killWhen(ws, ["apply", "-auto-approve", "-input=false", "-parallelism=4"], async () => (await count(round)) >= point);
    setAsideCutState();

    const rerun = await apply();
    expect(rerun.output).not.toMatch(/already taken|already in use|already belongs/);
    expect(rerun.code, rerun.output).toBe(0);
    expect((await plan()).code).toBe(0);
    // Exactly the configured objects: none twice, none left over, each the one in the state.
    expect(await live(round)).toEqual(expected(round));
    const ids = await stateIds();
    expect(ids.size).toBe(ENVIRONMENTS + USERS);
    const liveIds = new Set([
      ...(await ws.sdk.environments.list({ includeHidden: true, limit: 100 }).toArray()).map((e) => e.id),
      ...(await ws.sdk.users.list({ limit: 100 }).toArray()).map((u) => u.id),
    ]);
    for (const [address, id] of ids) expect(liveIds.has(id), address).toBe(true);

    // Then a destroy, killed halfway, finished by the next destroy.
    await killWhen(ws, ["destroy", "-auto-approve", "-input=false", "-parallelism=4"], async () => (await count(round)) <= point);
    if (setAsideCutState() || statSync(join(ws.dir, "terraform.tfstate")).size === 0) {
      // Terraform's local backend rewrites terraform.tfstate in place after each change, so a
      // SIGKILL mid-write can leave it empty: the destroy then has nothing to destroy. An apply
      // adopts every object the configuration names again (the create keys), so the destroy
      // after it finishes the job.
      const readopted = await apply();
      expect(readopted.code, readopted.output).toBe(0);
    }
    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(await live(round)).toEqual({ environments: [], users: [] });
  }, 300_000);

  it("re-creates an object destroyed earlier from the same configuration (a new key, not the old answer)", async () => {
    ws.config(configuration(1000).split("resource \"callplane_user\"")[0]!);
    expect((await apply()).code).toBe(0);
    expect((await ws.terraform(["destroy", "-auto-approve", "-input=false"])).code).toBe(0);
    expect((await live(1000)).environments).toEqual([]);
    const again = await apply();
    expect(again.code, again.output).toBe(0);
    expect((await live(1000)).environments).toEqual(expected(1000).environments);
    expect((await plan()).code).toBe(0);
  }, 300_000);

  it("does not adopt an object another configuration made: the error says how to import it", async () => {
    const other = await ws.sdk.environments.create({ name: "made-elsewhere", maxConcurrentCalls: 0 });
    ws.config(`resource "callplane_environment" "elsewhere" {\n  name = "made-elsewhere"\n  max_concurrent_calls = 0\n}\n`);
    const result = await apply();
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Environment "made-elsewhere" already exists (${other.id})`);
    expect(result.output).toContain(`id = "${other.id}"`);
    expect(result.output).toMatch(/import \{\s+to = callplane_environment\./);
  }, 300_000);
});
