/**
 * Records what real Terraform prints for a drift check, for the unit tests of `src/drift/` that
 * read it instead of running Terraform against a provider and a server per mutant:
 *
 *   pnpm --filter @callplane/cli exec tsx scripts/record-fixtures.ts
 *
 * It applies the quick start with the real provider (from a filesystem mirror) against a real
 * server, edits the tenant by hand, then saves Terraform's output into `src/drift/fixtures/`:
 * a refresh-only plan (`terraform show -json`), the same as a `-json` log, the `-json` log and the
 * exit code and output of a plan the API refuses, a normal plan's `-json` log (drift and a planned
 * change), and the exit code and output of `terraform show` on a missing file.
 * Run it again when the provider's schema or Terraform's JSON changes; ids and times differ each
 * time. Environment API keys are the one thing changed: each is replaced by a marker.
 */
import { createCallplaneClient } from "@callplane/sdk";
import { startServer } from "@callplane/server";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installMirror } from "../../terraform/scripts/install-mirror.js";
import { refreshOnlyArgs, showJsonArgs } from "../src/drift/terraform.js";

const TOKEN = "cpt_record_fixtures_token_0123456789abcdef";
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "drift", "fixtures");
const quickstart = readFileSync(join(here, "..", "..", "..", "examples", "quickstart", "main.tf"), "utf8");

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const root = mkdtempSync(join(tmpdir(), "callplane-record-"));
const server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN });
try {
  const installed = await installMirror(join(root, "provider"));
  const dir = join(root, "work");
  mkdirSync(dir, { recursive: true });
  // The quick start, and one more environment for the hand edits to delete.
  writeFileSync(join(dir, "main.tf"), `${quickstart}\nresource "callplane_environment" "scratch" {\n  name                = "scratch"\n  deletion_protection = false\n}\n`);
  const { NODE_PATH: _nodePath, ...inherited } = process.env;
  const env = { ...inherited, TF_CLI_CONFIG_FILE: installed.cliConfigFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", CALLPLANE_ENDPOINT: server.url, CALLPLANE_TOKEN: TOKEN };
  const terraform = async (args: string[], extra: NodeJS.ProcessEnv = {}, expected = 0) => {
    const result = await run(args, dir, { ...env, ...extra });
    if (result.code !== expected) throw new Error(`terraform ${args.join(" ")} exited ${result.code}:\n${result.stderr || result.stdout}`);
    return result;
  };
  await terraform(["init", "-input=false", "-no-color"]);
  await terraform(["apply", "-auto-approve", "-input=false", "-no-color"]);

  // Hand edits: capacity moved in the console, the website changed, an admin added by hand.
  const sdk = createCallplaneClient({ endpoint: server.url, token: TOKEN, source: "console" });
  const staging = (await sdk.environments.list()).data.find((e) => e.name === "staging")!;
  await sdk.environments.update(staging.id, { maxConcurrentCalls: 5 });
  await sdk.tenant.update({ website: "https://acme.example" });
  await sdk.users.create({ name: "Rogue Admin", email: "rogue@acme.test", role: "admin", password: "correct-horse-battery" });
  const scratch = (await sdk.environments.list()).data.find((e) => e.name === "scratch")!;
  await sdk.environments.delete(scratch.id);

  mkdirSync(out, { recursive: true });
  const save = (name: string, recorded: string) => {
    // Environment API keys are live keys of this throwaway server; a key in git sets off secret
    // scanners all the same, so each becomes a marker of the same form (what Terraform marks
    // sensitive is unchanged).
    const text = recorded.replace(/cpk_[0-9a-f]{40}/g, (key) => `cpk_recorded_${key.slice(-4)}`);
    if (text.includes(TOKEN) || text.includes("correct-horse-battery")) throw new Error(`${name} holds a secret`);
    writeFileSync(join(out, name), text);
    console.log(`wrote ${join("src/drift/fixtures", name)} (${text.length} characters)`);
  };
  // What `callplane drift` runs, and the `-json` log a CI job may save instead.
  const logArgs = ["plan", "-refresh-only", "-input=false", "-lock=false", "-json"];
  await terraform(refreshOnlyArgs("drift.tfplan"));
  save("refresh-only-plan.json", (await terraform(showJsonArgs("drift.tfplan"))).stdout);
  save("refresh-only.jsonl", (await terraform(logArgs)).stdout);

  // The API refuses the token: the `-json` log ends in an error diagnostic, a plain plan exits 1.
  const refused = { CALLPLANE_TOKEN: "cpt_refused_by_the_server_000000000000" };
  const refusedLog = await terraform(logArgs, refused, 1);
  // With -json, Terraform writes its errors to standard output too: the log is all there is.
  if (refusedLog.stderr !== "") throw new Error(`terraform plan -json wrote to standard error:\n${refusedLog.stderr}`);
  save("refused.jsonl", refusedLog.stdout);
  save("refused-plan.json", `${JSON.stringify(await terraform(refreshOnlyArgs("refused.tfplan"), refused, 1), null, 1)}\n`);
  // A normal plan's -json log also reports the drift, among the changes it plans.
  writeFileSync(join(dir, "main.tf"), readFileSync(join(dir, "main.tf"), "utf8").replace('name = "production"', 'name = "production-eu"'));
  save("plan-with-drift.jsonl", (await terraform(["plan", "-input=false", "-lock=false", "-json"])).stdout);
  save("show-missing-file.json", `${JSON.stringify(await terraform(showJsonArgs("missing.tfplan"), {}, 1), null, 1)}\n`);
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
