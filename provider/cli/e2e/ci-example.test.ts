/**
 * The GitHub Actions example, run here: each job's `run:` steps in bash as Actions runs them
 * (`bash -eo pipefail`), with `callplane` on PATH as the setup action puts it, against the real
 * server, provider and Terraform; the comment step's script with a stand-in for GitHub's API.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TOKEN, quickstartResources, shortcuts, useTerraform } from "../../terraform/e2e/terraform.js";
import { collect, terraformEnv } from "./callplane.js";
import { sarifErrors } from "./sarif.js";

const here = dirname(fileURLToPath(import.meta.url));
const workflow = parse(readFileSync(join(here, "../../../examples/ci/.github/workflows/callplane.yml"), "utf8"));
type Step = { run?: string; uses?: string; with?: { script?: string } };
const steps = (job: string): Step[] => workflow.jobs[job].steps;

const ws = useTerraform();
const { apply } = shortcuts(ws);
let bin: string;
let stepSummary: string;

beforeAll(async () => {
  bin = join(dirname(ws.dir), "bin");
  mkdirSync(bin, { recursive: true });
  symlinkSync(join(here, "..", "bin", "callplane.js"), join(bin, "callplane"));
  stepSummary = join(dirname(ws.dir), "step-summary.md");
  // As examples/ci/README.md says: the policy file sits next to the .tf files.
  copyFileSync(join(here, "../../../examples/ci/callplane-policy.yaml"), join(ws.dir, "callplane-policy.yaml"));
  ws.config(quickstartResources());
  const applied = await apply();
  if (applied.code !== 0) throw new Error(applied.output);
}, 120_000);

/** Runs a job's shell steps in order, stopping at the first that fails, as Actions does. */
async function runJob(job: string, token: string): Promise<{ code: number; output: string }> {
  const env = { ...terraformEnv(ws, token), ...workflow.env, CALLPLANE_ENDPOINT: ws.server.url, PATH: `${bin}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: stepSummary };
  let output = "";
  for (const step of steps(job)) {
    if (!step.run) continue;
    const ran = await collect("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], { cwd: ws.dir, env });
    output += ran.stdout + ran.stderr;
    if (ran.code !== 0) return { code: ran.code, output };
  }
  return { code: 0, output };
}

/** The comment step's script, with GitHub's API replaced by a list of comments. */
async function postComment(comments: { id: number; body: string; user: { type: string } }[]) {
  const script = steps("plan").find((s) => s.uses?.startsWith("actions/github-script"))!.with!.script!;
  const calls: string[] = [];
  const github = {
    paginate: async () => comments,
    rest: {
      issues: {
        listComments: () => undefined,
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          calls.push(`update ${comment_id}`);
          comments.find((c) => c.id === comment_id)!.body = body;
        },
        createComment: async ({ body }: { body: string }) => {
          calls.push("create");
          comments.push({ id: comments.length + 1, body, user: { type: "Bot" } });
        },
      },
    },
  };
  const context = { repo: { owner: "acme", repo: "settings" }, issue: { number: 7 } };
  // The script reads callplane/summary.md relative to the checkout: run it from the workspace's parent.
  const require = createRequire(import.meta.url);
  const fs = require("node:fs");
  const scopedRequire = (name: string) => (name === "node:fs" ? { ...fs, readFileSync: (p: string, e: string) => fs.readFileSync(p.replace(/^callplane\//, `${ws.dir}/`), e) } : require(name));
  const run = new Function("require", "github", "context", `return (async () => {\n${script}\n})();`);
  await run(scopedRequire, github, context);
  return calls;
}

// The workflow's jobs in the order GitHub runs them (pull request, schedule, merge): never shuffled.
describe("examples/ci, run for real", { shuffle: false }, () => {
  it("pull request: plans with the read-only token and posts one comment, updated in place on the next push", async () => {
    const readOnly = (await ws.sdk.apiTokens.create({ name: "github-plan-and-drift", scope: "read" })).token;
    ws.config(quickstartResources().replace("max_concurrent_calls = 20", "max_concurrent_calls = 18"));
    const planned = await runJob("plan", readOnly);
    expect(planned.code, planned.output).toBe(0);
    const summary = readFileSync(join(ws.dir, "summary.md"), "utf8");
    expect(summary.startsWith("<!-- callplane-plan-summary -->\n## Callplane plan: 1 to update")).toBe(true);
    expect(summary).toMatch(/\| production \| 20 \| 18 \| −2 \|/);

    const comments = [{ id: 1, body: "LGTM", user: { type: "User" } }];
    expect(await postComment(comments)).toEqual(["create"]);
    ws.config(quickstartResources());
    expect((await runJob("plan", readOnly)).code).toBe(0);
    expect(await postComment(comments)).toEqual(["update 2"]);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toBe("<!-- callplane-plan-summary -->\nNo changes.\n\n### Callplane policy: ✅ passed\n\nChecked: `min_admins`, `max_admins`, `protected_environments`, `allowed_email_domains`, `max_environment_share`.\n");
  });

  it("pull request breaking the policy: the comment says why, the job fails with exit code 3, the SARIF points at the block", async () => {
    const readOnly = (await ws.sdk.apiTokens.create({ name: "github-plan-policy", scope: "read" })).token;
    ws.config(quickstartResources().replace(/("vic@acme.test"\s*=\s*"viewer")/, '$1\n    "pat@contractor.test" = "member"'));
    writeFileSync(stepSummary, "");
    const planned = await runJob("plan", readOnly);
    expect(planned.code, planned.output).toBe(3);
    const summary = readFileSync(join(ws.dir, "summary.md"), "utf8");
    expect(summary).toContain("### Callplane policy: ❌ 1 violation");
    expect(summary).toContain("pat@contractor.test is not in an allowed email domain");
    expect(readFileSync(stepSummary, "utf8")).toContain("## Callplane policy: ❌ 1 violation");
    const sarif = JSON.parse(readFileSync(join(ws.dir, "policy.sarif"), "utf8"));
    expect(sarifErrors(sarif)).toEqual([]);
    const line = readFileSync(join(ws.dir, "main.tf"), "utf8").split("\n").indexOf('resource "callplane_role_assignments" "team" {') + 1;
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: "main.tf" }, region: { startLine: line } });
    ws.config(quickstartResources());
  });

  it("schedule: the drift job passes while nothing drifted and fails with the report when something did", async () => {
    const readOnly = (await ws.sdk.apiTokens.create({ name: "github-drift", scope: "read" })).token;
    writeFileSync(stepSummary, "");
    expect((await runJob("drift", readOnly)).code).toBe(0);

    const staging = (await ws.sdk.environments.list()).data.find((e) => e.name === "staging")!;
    await ws.sdk.environments.update(staging.id, { maxConcurrentCalls: 6 });
    writeFileSync(stepSummary, "");
    const drifted = await runJob("drift", readOnly);
    expect(drifted.code).toBe(2);
    expect(readFileSync(stepSummary, "utf8")).toMatch(/\| allocations\["staging"\] \| `10` \| `6` \|/);
  });

  it("merge: the apply job puts the settings back with the write token, and the read-only token could not have", async () => {
    const readOnly = (await ws.sdk.apiTokens.create({ name: "github-read", scope: "read" })).token;
    const refused = await runJob("apply", readOnly);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/permission|forbidden|403/i);

    expect((await runJob("apply", TOKEN)).code).toBe(0);
    writeFileSync(stepSummary, "");
    expect((await runJob("drift", TOKEN)).code).toBe(0);
  });
});
