/** The drift report as a reader sees it: every line of the Markdown, for each kind of finding. */
import { describe, expect, it } from "vitest";
import { renderDriftMarkdown } from "./markdown.js";
import type { DriftReport } from "./model.js";

const none: DriftReport = { drifted: [], unmanaged: [], attributed: true, notes: [], hasDrift: false };
const value = (v: unknown) => ({ kind: "value" as const, value: v });

describe("drift report Markdown", () => {
  it("says plainly that nothing drifted", () => {
    expect(renderDriftMarkdown(none)).toBe("## Callplane drift: none\n\nEvery setting Terraform manages matches the live tenant.\n");
  });

  it("shows each drifted attribute with both values and who changed it, when and through what", () => {
    const report: DriftReport = {
      ...none,
      hasDrift: true,
      drifted: [
        {
          address: "callplane_environment.staging",
          type: "callplane_environment",
          label: "staging",
          change: "changed",
          attributes: [
            { path: "max_concurrent_calls", before: value(10), after: value(5), changedBy: { actor: "Dana Reyes", source: "console", at: "2026-11-20T09:30:12.345Z", action: "environment.update" } },
            { path: "hidden", before: value(false), after: value(true), changedBy: { actor: "ci-bot", source: "api", at: "2026-11-21T08:00:00Z", action: "environment.update" } },
            { path: 'assignments["a|b@acme.test"]', before: { kind: "absent" }, after: { kind: "sensitive" } },
          ],
        },
        {
          address: "callplane_user.lee",
          type: "callplane_user",
          change: "deleted",
          attributes: [],
          changedBy: { actor: "Sam Ito", source: "sdk", at: "2026-11-22T10:15:00Z", action: "user.delete" },
        },
      ],
    };
    expect(renderDriftMarkdown(report)).toBe(
      [
        "## Callplane drift: 2 resources changed outside Terraform",
        "",
        "**`callplane_environment.staging`** (staging) — changed",
        "",
        "| Attribute | In Terraform's state | Live | Changed by |",
        "|---|---|---|---|",
        "| max_concurrent_calls | `10` | `5` | Dana Reyes via **console**, 2026-11-20 09:30:12 UTC |",
        "| hidden | `false` | `true` | ci-bot via **api**, 2026-11-21 08:00:00 UTC |",
        '| assignments["a\\|b@acme.test"] | — | _(sensitive)_ | _not in the audit log_ |',
        "",
        "**`callplane_user.lee`** — deleted outside Terraform, by Sam Ito via **sdk**, 2026-11-22 10:15:00 UTC",
        "",
        "Run `terraform apply` to put these back as configured, or change the configuration to keep them.",
        "",
      ].join("\n"),
    );
  });

  it("counts one resource in the singular, and marks an unattributed change with a dash when the audit log was not read", () => {
    const report: DriftReport = {
      ...none,
      attributed: false,
      hasDrift: true,
      drifted: [{ address: "callplane_tenant_settings.this", type: "callplane_tenant_settings", change: "changed", attributes: [{ path: "name", before: value("Acme"), after: value("Acme Voice") }] }],
    };
    const markdown = renderDriftMarkdown(report);
    expect(markdown).toContain("## Callplane drift: 1 resource changed outside Terraform\n");
    expect(markdown).toContain("| name | `Acme` | `Acme Voice` | — |");
    expect(markdown).not.toContain("audit log");
  });

  it("names no one for a deletion when the audit log was not read, and says so when it has no entry", () => {
    const gone: DriftReport = { ...none, hasDrift: true, attributed: false, drifted: [{ address: "callplane_environment.old", type: "callplane_environment", label: "old", change: "deleted", attributes: [] }] };
    expect(renderDriftMarkdown(gone)).toContain("\n**`callplane_environment.old`** (old) — deleted outside Terraform\n");
    expect(renderDriftMarkdown({ ...gone, attributed: true })).toContain("\n**`callplane_environment.old`** (old) — deleted outside Terraform, by _not in the audit log_\n");
  });

  it("lists objects no resource manages, then the notes as quotes", () => {
    const report: DriftReport = {
      ...none,
      unmanaged: [
        { kind: "environment", id: "env_1", name: "default", detail: "20 concurrent calls" },
        { kind: "invitation", id: "inv_2", name: "vic@acme.test", detail: "viewer, pending" },
      ],
      notes: ["Who made each change is not shown: no API token.", "Second note."],
    };
    expect(renderDriftMarkdown(report)).toBe(
      [
        "## Callplane drift: none",
        "",
        "Every setting Terraform manages matches the live tenant.",
        "",
        "### Not managed by Terraform",
        "",
        "In the tenant, but no resource in this state manages them:",
        "",
        "| Kind | Name | Id | |",
        "|---|---|---|---|",
        "| environment | default | `env_1` | 20 concurrent calls |",
        "| invitation | vic@acme.test | `inv_2` | viewer, pending |",
        "",
        "> Who made each change is not shown: no API token.",
        "> Second note.",
        "",
      ].join("\n"),
    );
  });
});
