/** Running Terraform for a drift check, and reading a saved machine-readable (`-json`) log. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePlanJson, type PlanJson, type ResourceChange } from "../terraform/plan-json.js";

export class TerraformError extends Error {
  override name = "TerraformError";
}

/** What one Terraform command printed, and how it exited. */
export interface TerraformRun {
  code: number;
  stdout: string;
  stderr: string;
}

function run(terraform: string, args: string[], cwd: string): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraform, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => reject(new TerraformError(`could not run ${terraform}: ${error.message}`)));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The refresh-only plan: never prompts (no one is there to answer), takes no lock (it changes nothing), plain text. */
export const refreshOnlyArgs = (planFile: string) => ["plan", "-refresh-only", "-input=false", "-lock=false", "-no-color", `-out=${planFile}`];

export const showJsonArgs = (planFile: string) => ["show", "-json", "-no-color", planFile];

/** A failed step as an error: what failed, then Terraform's own words (its error output, or its standard output without one). */
export function failureOf(step: string, result: TerraformRun): TerraformError | undefined {
  return result.code === 0 ? undefined : new TerraformError(`${step}:\n${(result.stderr || result.stdout).trim()}`);
}

/**
 * `terraform plan -refresh-only` into a temporary plan file, then `terraform show -json` of it:
 * the streamed `-json` log names drifted resources but not their values, the saved plan has both.
 */
export async function refreshOnlyPlan(dir: string, terraform = "terraform"): Promise<PlanJson> {
  const tmp = mkdtempSync(join(tmpdir(), "callplane-drift-"));
  const planFile = join(tmp, "drift.tfplan");
  try {
    const planned = await run(terraform, refreshOnlyArgs(planFile), dir);
    const planFailure = failureOf(`terraform plan -refresh-only failed in ${dir}`, planned);
    if (planFailure) throw planFailure;
    const shown = await run(terraform, showJsonArgs(planFile), dir);
    const showFailure = failureOf("terraform show -json failed", shown);
    if (showFailure) throw showFailure;
    return parsePlanJson(shown.stdout, "terraform show -json");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** True when the text is Terraform's line-by-line `-json` log rather than one JSON document. */
export function isJsonLog(text: string): boolean {
  const first = text.trimStart().split("\n", 1)[0] ?? "";
  try {
    const line = JSON.parse(first) as Record<string, unknown>;
    return typeof line["@level"] === "string" && typeof line.type === "string";
  } catch {
    return false;
  }
}

/**
 * A plan built from a saved `terraform plan -refresh-only -json` log: the log has which resources
 * drifted and how (update or delete), without their values.
 */
export function planFromJsonLog(text: string): PlanJson {
  const drift: ResourceChange[] = [];
  for (const [n, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let message: { type?: string; change?: { resource?: { addr?: string; resource_type?: string; resource_name?: string }; action?: string }; diagnostic?: { severity?: string; summary?: string } };
    try {
      message = JSON.parse(line);
    } catch {
      throw new TerraformError(`line ${n + 1} of the saved log is not JSON`);
    }
    if (message.type === "diagnostic" && message.diagnostic?.severity === "error") throw new TerraformError(`the saved plan failed: ${message.diagnostic.summary}`);
    if (message.type !== "resource_drift" || !message.change?.resource?.addr) continue;
    const r = message.change.resource;
    drift.push({
      address: r.addr!,
      mode: "managed",
      type: r.resource_type ?? "",
      name: r.resource_name ?? "",
      change: { actions: message.change.action === "delete" ? ["delete"] : ["update"], before: null, after: null },
    });
  }
  return { format_version: "1.2", resource_drift: drift };
}
