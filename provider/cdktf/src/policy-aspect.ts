/**
 * A Callplane policy file applied at synth: `Aspects.of(stack).add(PolicyAspect.fromFile("callplane-policy.yaml"))`.
 * The rules are `@callplane/policy`'s, the same that `callplane policy` checks on a plan, read
 * here from the stack's own Terraform JSON; a violation fails synth with the rule's name, the
 * construct path and a way out. Without a plan there is no "before": rules judge what the
 * stack declares (a protected environment must keep deletion protection on, admins are those
 * the stack's teams name).
 */
import { evaluatePolicy, loadPolicy, parsePolicy, subjectFromConfiguration, type Policy, type PolicyReport } from "@callplane/policy";
import type { IConstruct } from "constructs";
import { Annotations, TerraformStack, type IAspect } from "./cdk.js";
import { ConcurrencySplit } from "./constructs/concurrency-split.js";

export class PolicyAspect implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  /** Reads and validates a policy file (YAML); throws naming the key that is wrong. */
  static fromFile(file: string): PolicyAspect {
    return new PolicyAspect(loadPolicy(file));
  }

  /** A policy given as YAML text. */
  static fromYaml(text: string, source = "policy"): PolicyAspect {
    return new PolicyAspect(parsePolicy(text, source));
  }

  constructor(public readonly policy: Policy) {}

  /** Evaluates the policy against one stack as synthesized (for tests and tooling). */
  evaluate(stack: TerraformStack): PolicyReport {
    const splits = stack.node.findAll().filter((c): c is ConcurrencySplit => c instanceof ConcurrencySplit);
    const planLimit = splits.find((s) => typeof s.planLimit === "number")?.planLimit;
    return evaluatePolicy(this.policy, subjectFromConfiguration(stack.toTerraform(), planLimit === undefined ? {} : { planLimit }));
  }

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformStack) || this.checked.has(node)) return;
    this.checked.add(node);
    node.node.addValidation({
      validate: () => {
        const report = this.evaluate(node);
        for (const w of report.waived) Annotations.of(node).addInfo(`policy rule "${w.rule}" waived for ${w.resource}: ${w.message} (${w.waiver?.reason})`);
        return report.violations.map((v) => `${v.resource ?? node.node.path}: policy rule "${v.rule}" failed: ${v.message}. Way out: ${v.remedy}.`);
      },
    });
  }
}
