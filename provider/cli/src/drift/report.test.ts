/** Drift reports of hand-written refresh-only plans (no API: attribution is covered in e2e/). */
import { describe, expect, it } from "vitest";
import type { PlanJson, ResourceChange } from "../terraform/plan-json.js";
import { renderDriftMarkdown } from "./markdown.js";
import { buildDriftReport } from "./report.js";

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

  it("has no drift when only computed attributes caught up", async () => {
    const plan: PlanJson = {
      format_version: "1.2",
      resource_drift: [drift("callplane_environment.a", "callplane_environment", { id: "env_1", name: "a", max_concurrent_calls: 0 }, { id: "env_1", name: "a", max_concurrent_calls: 20 })],
      configuration: { root_module: { resources: [{ address: "callplane_environment.a", mode: "managed", type: "callplane_environment", name: "a", expressions: { name: {} } }] } },
    };
    const report = await buildDriftReport(plan);
    expect(report).toMatchObject({ hasDrift: false, drifted: [] });
    expect(renderDriftMarkdown(report)).toContain("## Callplane drift: none");
  });
});
