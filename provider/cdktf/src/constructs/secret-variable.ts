import type { Construct } from "constructs";
import { TerraformVariable } from "../cdk.js";

/** Props of {@link SecretVariable}. */
export interface SecretVariableProps {
  /**
   * What the value is, shown by Terraform when it asks for it.
   * @default - none
   */
  readonly description?: string;
}

/**
 * A string input variable for a secret that is only ever written, such as a
 * {@link DirectMember}'s initial password: `sensitive` (Terraform hides it in plans and logs)
 * and `ephemeral` (Terraform 1.10 or later keeps it out of saved plan files and the state; it
 * may only feed write-only attributes and other ephemeral contexts).
 *
 * `cdk.tf.json` holds `${var.<id>}`, never the value: set it when Terraform runs, with
 * `TF_VAR_<id>` or `cdktf deploy --var <id>=…`.
 */
export class SecretVariable extends TerraformVariable {
  constructor(scope: Construct, id: string, props: SecretVariableProps = {}) {
    super(scope, id, { type: "string", sensitive: true, nullable: false, ...(props.description !== undefined ? { description: props.description } : {}) });
    // cdktf's TerraformVariable has no `ephemeral` option yet; Terraform 1.10 added the argument.
    this.addOverride("ephemeral", true);
  }
}
