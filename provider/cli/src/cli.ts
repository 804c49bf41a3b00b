/**
 * `callplane`: plan summaries for pull requests and drift reports.
 *
 *   callplane plan-summary plan.json [--format markdown|json] [--policy file]
 *   callplane policy plan.json [--policy file] [--format markdown|json|sarif]
 *   callplane drift [dir] [--plan-json file] [--format markdown|json] [--fail-on-unmanaged]
 *
 * Exit codes: 0 fine (no drift, policy passed), 2 drift found (`drift`), 3 policy violated
 * (`policy`), 1 error.
 */
import { loadPolicy, renderPolicyMarkdown, renderPolicySarif } from "@callplane/policy";
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildDriftReport } from "./drift/report.js";
import { fetchLiveTeam } from "./live-team.js";
import { renderDriftMarkdown } from "./drift/markdown.js";
import { isJsonLog, planFromJsonLog, refreshOnlyPlan, TerraformError } from "./drift/terraform.js";
import { summarizePlan } from "./summary/build.js";
import { DEFAULT_MAX_CHARS, renderPlanMarkdown } from "./summary/markdown.js";
import { repositoryRoot } from "./policy/locations.js";
import { checkPolicy } from "./policy/run.js";
import { parsePlanJson, type PlanJson } from "./terraform/plan-json.js";

export const HELP = `Usage: callplane <command> [options]

Commands:
  plan-summary <plan.json>   Summarize \`terraform show -json plan.out\` for a pull request
                             (use - to read standard input)
  policy <plan.json>         Check a policy file (min/max admins, protected environments,
                             email domains, call headroom, environment share, roles kept out
                             of Terraform) against the plan; exit code 3 on violations
  drift [dir]                Report settings changed outside Terraform, who changed them, and
                             objects no resource manages. Runs \`terraform plan -refresh-only\`
                             in dir (default: the current directory).

Options:
  --format markdown|json     Output format (default markdown); policy also takes sarif
  --policy <file>            policy: the policy file (default callplane-policy.yaml);
                             plan-summary: append the policy's section to the summary
  --config-dir <dir>         policy: the configuration's folder, for file and line of each
                             resource (default: the plan file's folder)
  --plan-json <file>         drift: read a saved \`terraform show -json\` of a refresh-only plan,
                             or a saved \`terraform plan -refresh-only -json\` log, instead of
                             running Terraform
  --terraform <path>         drift: the terraform (or tofu) binary (default: terraform)
  --fail-on-unmanaged        drift: exit 2 when unmanaged objects exist, too
  --max-chars <n>            plan-summary: longest Markdown (default 60000, under GitHub's
                             comment limit); longer plans lose their attribute tables first
  --help                     Show this help

Environment: CALLPLANE_ENDPOINT and CALLPLANE_TOKEN (a read-only token is enough) let \`drift\`
read the audit log and list the tenant's objects, let \`plan-summary\` tell people who
already hold a role from new ones when a team resource is created, and let \`policy\` count
admins and environments the plan leaves alone.

Exit codes: 0 no drift / policy passed, 2 drift found (drift), 3 policy violated (policy),
1 error.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  readStdin: () => string;
}

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv[0] === "--" ? argv.slice(1) : argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", default: "markdown" },
        "plan-json": { type: "string" },
        terraform: { type: "string", default: "terraform" },
        "fail-on-unmanaged": { type: "boolean", default: false },
        "max-chars": { type: "string" },
        policy: { type: "string" },
        "config-dir": { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      (values.help ? io.stdout : io.stderr)(HELP);
      return values.help ? 0 : 1;
    }
    const formats = command === "policy" ? ["markdown", "json", "sarif"] : ["markdown", "json"];
    if (!formats.includes(values.format)) throw new UsageError(`--format: "${values.format}" is not ${formats.join(", ").replace(/, (\w+)$/, " or $1")}`);
    const json = values.format === "json";
    const read = (file: string) => (file === "-" ? io.readStdin() : readFileSync(file, "utf8"));

    if (command === "plan-summary") {
      if (rest.length !== 1) throw new UsageError("plan-summary takes one file: the output of `terraform show -json plan.out` (or - for standard input)");
      const maxChars = values["max-chars"] === undefined ? undefined : Number(values["max-chars"]);
      if (maxChars !== undefined && !(Number.isInteger(maxChars) && maxChars >= 1000)) throw new UsageError(`--max-chars: "${values["max-chars"]}" must be a whole number of at least 1000`);
      const plan = parsePlanJson(read(rest[0]!), rest[0] === "-" ? "standard input" : rest[0]);
      const client = clientFrom(io.env);
      let live;
      if (client) {
        try {
          live = await fetchLiveTeam(client);
        } catch (error) {
          io.stderr(`callplane: roles are summarized from the plan alone; the API could not be read: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
      const summary = summarizePlan(plan, { live });
      if (values.policy) {
        // The policy is a section of the same comment; the exit code stays 0 (`callplane policy` fails the job).
        const report = await checkPolicy(plan, loadPolicy(values.policy), policyPlaces(rest[0]!, values["config-dir"], io.cwd, client));
        const section = renderPolicyMarkdown(report, { heading: "###" });
        // The summary gives way so that both fit one comment.
        const room = Math.max((maxChars ?? DEFAULT_MAX_CHARS) - section.length - 1, 1000);
        io.stdout(json ? `${JSON.stringify({ ...summary, policy: report }, null, 2)}\n` : `${renderPlanMarkdown(summary, { maxChars: room })}\n${section}`);
        return 0;
      }
      io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : renderPlanMarkdown(summary, { maxChars }));
      return 0;
    }
    if (command === "policy") {
      if (rest.length !== 1) throw new UsageError("policy takes one file: the output of `terraform show -json plan.out` (or - for standard input)");
      const policy = loadPolicy(values.policy ?? resolve(io.cwd, "callplane-policy.yaml"));
      const plan: PlanJson = parsePlanJson(read(rest[0]!), rest[0] === "-" ? "standard input" : rest[0]);
      const warn = (message: string) => io.stderr(`callplane: ${message}\n`);
      const report = await checkPolicy(plan, policy, { ...policyPlaces(rest[0]!, values["config-dir"], io.cwd, clientFrom(io.env)), warn });
      if (values.format === "sarif") io.stdout(`${JSON.stringify(renderPolicySarif(report, { version: "0.1.0" }), null, 2)}\n`);
      else io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : renderPolicyMarkdown(report));
      return report.passed ? 0 : 3;
    }
    if (command === "drift") {
      if (rest.length > 1) throw new UsageError("drift takes at most one directory");
      const planFile = values["plan-json"];
      let plan;
      if (planFile) {
        const text = read(planFile);
        plan = isJsonLog(text) ? planFromJsonLog(text) : parsePlanJson(text, planFile);
      } else {
        plan = await refreshOnlyPlan(rest[0] ?? io.cwd, values.terraform);
      }
      const report = await buildDriftReport(plan, { client: clientFrom(io.env) });
      io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : renderDriftMarkdown(report));
      return report.hasDrift || (values["fail-on-unmanaged"] && report.unmanaged.length > 0) ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"; try plan-summary, policy or drift`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError || (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS"));
    io.stderr(`callplane: ${message}\n${usage ? "Run callplane --help for usage.\n" : ""}`);
    return 1;
  }
}

/** Where the configuration is (for file and line), and what file names are relative to. */
function policyPlaces(planFile: string, configDir: string | undefined, cwd: string, client: CallplaneClient | undefined) {
  const dir = resolve(cwd, configDir ?? (planFile === "-" ? "." : dirname(planFile)));
  return { client, configDir: dir, base: repositoryRoot(dir) ?? cwd };
}

function clientFrom(env: NodeJS.ProcessEnv): CallplaneClient | undefined {
  if (!env.CALLPLANE_TOKEN) return undefined;
  return createCallplaneClient({
    endpoint: env.CALLPLANE_ENDPOINT ?? "http://127.0.0.1:8787",
    token: env.CALLPLANE_TOKEN,
    source: "api",
    userAgent: "callplane-cli/0.1.0",
  });
}
