/** Organisation policies as aspects, usable on any stack: `Aspects.of(stack).add(new ProtectEnvironments())`. */
import type { IConstruct } from "constructs";
import { TerraformStack, type IAspect } from "./cdk.js";
import { Environment } from "./constructs/environment.js";
import { Team } from "./constructs/team.js";

/** Turns deletion protection on for every {@link Environment} it visits. */
export class ProtectEnvironments implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof Environment) node.protect();
  }
}

/**
 * Fails synth when the {@link Team}s of a stack have fewer than `minimum` distinct admins
 * together. Stacks without a Team are not checked (they do not manage people).
 */
export class RequireMinimumAdmins implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  constructor(public readonly minimum: number) {}

  visit(node: IConstruct): void {
    if (!(node instanceof Team)) return;
    const stack = TerraformStack.of(node);
    if (this.checked.has(stack)) return;
    this.checked.add(stack);
    stack.node.addValidation({
      validate: () => {
        const teams = stack.node.findAll().filter((c): c is Team => c instanceof Team);
        const admins = new Set(teams.flatMap((t) => t.admins));
        if (admins.size >= this.minimum) return [];
        return [`${stack.node.path}: rule "minimum-admins" failed: the stack's teams have ${admins.size} admin(s), at least ${this.minimum} required (got ${JSON.stringify([...admins])})`];
      },
    });
  }
}
