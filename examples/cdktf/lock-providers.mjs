#!/usr/bin/env node
/**
 * Runs after the app in `cdktf synth` (see `app` in cdktf.json): writes each synthesized stack's
 * `.terraform.lock.hcl` from the provider's filesystem mirror, when the stack has none yet.
 *
 * Why: on a stack's first deploy, cdktf runs `terraform providers lock -platform=…`, which asks
 * each provider's origin registry and ignores the mirror in TF_CLI_CONFIG_FILE, so it fails with
 * "Could not retrieve providers for locking" for a provider that is only in a mirror (see
 * hashicorp/terraform-cdk#3568). cdktf skips that step when the lock file already lists every
 * provider, so this script locks them from the mirror first. With a registry, it does nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";

/** The `filesystem_mirror` path of the Terraform CLI config, if there is one. */
function mirrorPath() {
  const config = process.env.TF_CLI_CONFIG_FILE;
  if (!config || !existsSync(config)) return undefined;
  return /filesystem_mirror\s*\{[^}]*?path\s*=\s*"([^"]+)"/.exec(readFileSync(config, "utf8"))?.[1];
}

const mirror = mirrorPath();
if (!mirror) {
  console.error("lock-providers: no filesystem_mirror in TF_CLI_CONFIG_FILE; leaving provider locking to cdktf");
  process.exit(0);
}
const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
for (const [name, stack] of Object.entries(manifest.stacks)) {
  const dir = join(outdir, stack.workingDirectory);
  if (existsSync(join(dir, ".terraform.lock.hcl"))) continue;
  const tf = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"));
  if (Object.keys(tf.terraform?.required_providers ?? {}).length === 0) continue;
  const lock = spawnSync("terraform", ["providers", "lock", `-fs-mirror=${mirror}`], { cwd: dir, encoding: "utf8" });
  if (lock.status !== 0) {
    console.error(`lock-providers: terraform providers lock failed for stack ${name}:\n${lock.stdout}${lock.stderr}`);
    process.exit(1);
  }
  console.error(`lock-providers: locked the providers of stack ${name} from ${mirror}`);
}
