/**
 * A policy report as SARIF 2.1.0, the format GitHub code scanning reads: one result per
 * violation, at the HCL block (or the CDKTF construct) of its resource. Waived violations are
 * results with an accepted suppression carrying the reason.
 */
import { RULE_NAMES } from "./policy.js";
import type { PolicyReport, Violation } from "./report.js";
import { RULE_DESCRIPTIONS } from "./rules.js";

export interface SarifOptions {
  /** The tool's version, shown in code scanning. */
  version?: string;
  /** Where rule help lives. */
  informationUri?: string;
}

function result(v: Violation) {
  const logical = v.resource ? [{ fullyQualifiedName: v.location?.constructPath ?? v.resource, kind: "resource" }] : undefined;
  const physical = v.location?.file
    ? {
        artifactLocation: { uri: v.location.file, uriBaseId: "%SRCROOT%" },
        ...(v.location.startLine ? { region: { startLine: v.location.startLine, ...(v.location.endLine ? { endLine: v.location.endLine } : {}) } } : {}),
      }
    : undefined;
  const locations = physical || logical ? [{ ...(physical ? { physicalLocation: physical } : {}), ...(logical ? { logicalLocations: logical } : {}) }] : [];
  return {
    ruleId: v.rule,
    ruleIndex: RULE_NAMES.indexOf(v.rule),
    level: "error" as const,
    message: { text: `${v.resource ? `${v.resource}: ` : ""}${v.message}. Way out: ${v.remedy}.` },
    locations,
    properties: { values: v.values },
    ...(v.waiver ? { suppressions: [{ kind: "external" as const, status: "accepted" as const, justification: v.waiver.reason }] } : {}),
  };
}

export function renderPolicySarif(report: PolicyReport, options: SarifOptions = {}): Record<string, unknown> {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "callplane-policy",
            ...(options.version ? { version: options.version } : {}),
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: RULE_NAMES.map((id) => ({ id, name: id, shortDescription: { text: RULE_DESCRIPTIONS[id] }, defaultConfiguration: { level: "error" } })),
          },
        },
        results: [...report.violations, ...report.waived].map(result),
      },
    ],
  };
}
