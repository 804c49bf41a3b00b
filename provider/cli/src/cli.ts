/**
 * `callplane`: plan summaries for pull requests and drift reports.
 *
 *   callplane plan-summary plan.json [--format markdown|json]
 *   callplane drift [dir] [--plan-json file] [--format markdown|json] [--fail-on-unmanaged]
 *
 * Exit codes: 0 fine (no drift), 2 drift found (`drift` only), 1 error.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildDriftReport } from "./drift/report.js";
import { fetchLiveTeam } from "./live-team.js";
import { renderDriftMarkdown } from "./drift/markdown.js";
import { isJsonLog, planFromJsonLog, refreshOnlyPlan, TerraformError } from "./drift/terraform.js";
import { summarizePlan } from "./summary/build.js";
import { CLI_VERSION } from "./version.js";
import { renderPlanMarkdown } from "./summary/markdown.js";
import { parsePlanJson, PlanInputError } from "./terraform/plan-json.js";

export const HELP = `Usage: callplane <command> [options]

Commands:
  plan-summary <plan.json>   Summarize \`terraform show -json plan.out\` for a pull request
                             (use - to read standard input)
  drift [dir]                Report settings changed outside Terraform, who changed them, and
                             objects no resource manages. Runs \`terraform plan -refresh-only\`
                             in dir (default: the current directory).

Options:
  --format markdown|json     Output format (default markdown)
  --plan-json <file>         drift: read a saved \`terraform show -json\` of a refresh-only plan,
                             or a saved \`terraform plan -refresh-only -json\` log, instead of
                             running Terraform
  --terraform <path>         drift: the terraform (or tofu) binary (default: terraform)
  --fail-on-unmanaged        drift: exit 2 when unmanaged objects exist, too
  --max-chars <n>            plan-summary: longest Markdown (default 60000, under GitHub's
                             comment limit); longer plans lose their attribute tables first
  --help                     Show this help

Environment: CALLPLANE_ENDPOINT and CALLPLANE_TOKEN (a read-only token is enough) let \`drift\`
read the audit log and list the tenant's objects, and let \`plan-summary\` tell people who
already hold a role from new ones when a team resource is created.

Exit codes: 0 no drift, 2 drift found (drift), 1 error.
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
        help: { type: "boolean", default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      (values.help ? io.stdout : io.stderr)(HELP);
      return values.help ? 0 : 1;
    }
    if (values.format !== "markdown" && values.format !== "json") throw new UsageError(`--format: "${values.format}" is not markdown or json`);
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
      io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : renderPlanMarkdown(summary, { maxChars }));
      return 0;
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
    throw new UsageError(`unknown command "${command}"; try plan-summary or drift`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError || (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS"));
    io.stderr(`callplane: ${message}\n${usage ? "Run callplane --help for usage.\n" : ""}`);
    return 1;
  }
}

function clientFrom(env: NodeJS.ProcessEnv): CallplaneClient | undefined {
  if (!env.CALLPLANE_TOKEN) return undefined;
  return createCallplaneClient({
    endpoint: env.CALLPLANE_ENDPOINT ?? "http://127.0.0.1:8787",
    token: env.CALLPLANE_TOKEN,
    source: "api",
    userAgent: `callplane-cli/${CLI_VERSION}`,
  });
}
