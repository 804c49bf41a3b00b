/**
 * Drift reports without the API, of hand-written refresh-only plans and of ones recorded from real
 * Terraform (`fixtures/`, see `scripts/record-fixtures.ts`). Attribution: report-audit.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanJson, type PlanJson, type ResourceChange } from "../terraform/plan-json.js";
import { renderDriftMarkdown } from "./markdown.js";
import { buildDriftReport } from "./report.js";
import { planFromJsonLog } from "./terraform.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");

const drift = (address: string, type: string, before: unknown, after: unknown, actions: ResourceChange["change"]["actions"] = ["update"]): ResourceChange => ({
  address,
  mode: "managed",
  type,
  name: "x",
  change: { actions, before, after },
});

describe("drift report", () => {
  it("counts only attributes the configuration sets, in modules and for_each instances too", async () => {
    const plan: PlanJson = {
      format_version: "1.2",
      resource_drift: [
        drift('module.team.callplane_environment.env["eu"]', "callplane_environment", { id: "env_1", name: "eu", hidden: false, max_concurrent_calls: 0 }, { id: "env_1", name: "eu", hidden: true, max_concurrent_calls: 10 }),
        drift("callplane_environment.gone", "callplane_environment", { id: "env_2", name: "old" }, null, ["delete"]),
      ],
      configuration: {
        root_module: { module_calls: { team: { module: { resources: [{ address: "callplane_environment.env", mode: "managed", type: "callplane_environment", name: "env", expressions: { name: {}, hidden: {} } }] } } } },
      },
    };
    const report = await buildDriftReport(plan);
    expect(report.hasDrift).toBe(true);
    expect(report.drifted).toEqual([
      expect.objectContaining({ address: 'module.team.callplane_environment.env["eu"]', change: "changed", attributes: [{ path: "hidden", before: { kind: "value", value: false }, after: { kind: "value", value: true } }] }),
      expect.objectContaining({ address: "callplane_environment.gone", change: "deleted", attributes: [] }),
    ]);
    const markdown = renderDriftMarkdown(report);
    expect(markdown).toContain("**`callplane_environment.gone`** (old) — deleted outside Terraform");
    expect(markdown).not.toContain("max_concurrent_calls");
    expect(markdown).toContain("no API token");
  });

  it("has no drift when only computed attributes caught up, or a data source read something new", async () => {
    const plan: PlanJson = {
      format_version: "1.2",
      resource_drift: [
        drift("callplane_environment.a", "callplane_environment", { id: "env_1", name: "a", max_concurrent_calls: 0 }, { id: "env_1", name: "a", max_concurrent_calls: 20 }),
        { ...drift("data.callplane_environment.b", "callplane_environment", { id: "env_2", name: "b" }, { id: "env_2", name: "b2" }), mode: "data" },
      ],
      configuration: {
        root_module: {
          resources: [
            { address: "callplane_environment.a", mode: "managed", type: "callplane_environment", name: "a", expressions: { name: {} } },
            { address: "data.callplane_environment.b", mode: "data", type: "callplane_environment", name: "b", expressions: { name: {} } },
          ],
        },
      },
    };
    const report = await buildDriftReport(plan);
    expect(report).toMatchObject({ hasDrift: false, drifted: [] });
    expect(renderDriftMarkdown(report)).toContain("## Callplane drift: none");
  });

  it("of a refresh-only plan recorded from Terraform: what the configuration sets, a deletion, and what it could not check", async () => {
    // The quick start after hand edits: staging's calls, the website, an admin added, an environment deleted.
    const report = await buildDriftReport(parsePlanJson(fixture("refresh-only-plan.json")));
    expect(renderDriftMarkdown(report)).toBe(
      [
        "## Callplane drift: 4 resources changed outside Terraform",
        "",
        "**`callplane_concurrency_split.this`** — changed",
        "",
        "| Attribute | In Terraform's state | Live | Changed by |",
        "|---|---|---|---|",
        '| allocations["staging"] | `10` | `5` | — |',
        "",
        "**`callplane_environment.scratch`** (scratch) — deleted outside Terraform",
        "",
        "**`callplane_role_assignments.team`** — changed",
        "",
        "| Attribute | In Terraform's state | Live | Changed by |",
        "|---|---|---|---|",
        '| assignments["rogue@acme.test"] | — | `admin` | — |',
        "",
        "**`callplane_tenant_settings.this`** (Acme Voice) — changed",
        "",
        "| Attribute | In Terraform's state | Live | Changed by |",
        "|---|---|---|---|",
        "| website | `https://acme.test` | `https://acme.example` | — |",
        "",
        "Run `terraform apply` to put these back as configured, or change the configuration to keep them.",
        "",
        "> Who made each change is not shown: no API token (set CALLPLANE_TOKEN and CALLPLANE_ENDPOINT).",
        "> Unmanaged objects are not listed: no API token.",
        "",
      ].join("\n"),
    );
    // The environments' own calls caught up with the split: computed, so not drift.
    expect(report.drifted.map((r) => r.address)).not.toContain("callplane_environment.staging");
    expect(report).toMatchObject({ attributed: false, unmanaged: [], hasDrift: true });
  });

  it("of a saved -json log: every drifted resource without values, and a note saying how to get them", async () => {
    const report = await buildDriftReport(planFromJsonLog(fixture("refresh-only.jsonl")));
    expect(report.drifted).toHaveLength(7);
    expect(report.drifted.find((r) => r.address === "callplane_environment.scratch")).toEqual({ address: "callplane_environment.scratch", type: "callplane_environment", change: "deleted", attributes: [] });
    expect(report.drifted.find((r) => r.address === "callplane_tenant_settings.this")).toEqual({ address: "callplane_tenant_settings.this", type: "callplane_tenant_settings", change: "changed", attributes: [] });
    expect(report.notes.at(-1)).toBe("A saved `-json` log names drifted resources but not their values: run `callplane drift <dir>` for attribute detail.");
  });
});
