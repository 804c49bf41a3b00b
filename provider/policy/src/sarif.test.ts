import AjvDraft04 from "ajv-draft-04";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { PolicyReport } from "./report.js";
import { renderPolicySarif } from "./sarif.js";
import { renderPolicyMarkdown } from "./markdown.js";

// The SARIF 2.1.0 JSON Schema (its final "rtm.5" revision, draft-04) as shipped in @microsoft/jest-sarif;
// one of its patterns is not valid with the u flag, hence unicodeRegExp: false.
const require = createRequire(import.meta.url);
const schemaFile = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const validate = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaFile, "utf8")));

const report: PolicyReport = {
  passed: false,
  checked: ["min_admins", "allowed_email_domains"],
  notes: [],
  violations: [{ rule: "min_admins", resource: "callplane_user.ops", message: "1 admin after the plan, at least 2 required", values: { admins_after: 1 }, remedy: "keep ops", location: { file: "callplane/main.tf", startLine: 12, endLine: 16 } }],
  waived: [{ rule: "allowed_email_domains", resource: "settings/team/x", message: "x@other.test is not allowed", values: {}, remedy: "r", location: { constructPath: "settings/team/x" }, waiver: { reason: "approved" } }],
};

describe("renderPolicySarif", () => {
  it("is valid SARIF 2.1.0, points at the file and lines, and carries waivers as accepted suppressions", () => {
    const sarif = renderPolicySarif(report, { version: "0.1.0" });
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = (sarif.runs as { results: Record<string, unknown>[] }[])[0]!.results;
    expect(results[0]).toMatchObject({ ruleId: "min_admins", locations: [{ physicalLocation: { artifactLocation: { uri: "callplane/main.tf" }, region: { startLine: 12, endLine: 16 } } }] });
    expect(results[1]).toMatchObject({ ruleId: "allowed_email_domains", locations: [{ logicalLocations: [{ fullyQualifiedName: "settings/team/x" }] }], suppressions: [{ status: "accepted", justification: "approved" }] });
  });

  it("the schema check would notice a broken log", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe("renderPolicyMarkdown", () => {
  it("lists each violation with its rule, resource, place and way out, and waivers with their reason", () => {
    const md = renderPolicyMarkdown(report);
    expect(md).toContain("## Callplane policy: ❌ 1 violation (1 waived)");
    expect(md).toContain("- ❌ **min_admins** — `callplane_user.ops` (callplane/main.tf:12): 1 admin after the plan, at least 2 required. **Way out:** keep ops.");
    expect(md).toContain("- ⚪ **allowed_email_domains** — `settings/team/x` (construct `settings/team/x`): x@other.test is not allowed. _Waived:_ approved");
  });
});
