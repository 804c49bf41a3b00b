import { schemas } from "@callplane/sdk";
import { Construct } from "constructs";
import type { IResolvable } from "../cdk.js";
import { CallplaneEnvironment } from "../generated/environment.js";
import { addRules, fieldRule, isUnresolved, type Rule } from "../validation.js";

/** Props of {@link Environment}. */
export interface EnvironmentProps {
  /** The environment's name, unique within the tenant (1 to 64 letters, digits, spaces, `_`, `.`, `-`). */
  readonly name: string;
  /**
   * Hidden environments are not offered in the console's switcher but still exist.
   * @default false
   */
  readonly hidden?: boolean;
  /**
   * While true, Terraform cannot destroy the environment (set it to false and apply first).
   * A token works too, for instance a `TerraformVariable`'s `booleanValue`, so that one
   * `--var` turns it off before a destroy.
   * @default true
   */
  readonly deletionProtection?: boolean | IResolvable;
  /**
   * The most calls the environment may have at once. Leave it unset when the environment is
   * part of a {@link ConcurrencySplit}: the split manages it.
   * @default - unset: the platform's value is kept (or the split's)
   */
  readonly maxConcurrentCalls?: number;
  /**
   * Any value; changing it rotates the environment's API key.
   * @default - no rotation keeper
   */
  readonly apiKeyRotation?: string;
}

/** What the rule table sees of an environment. */
interface EnvironmentSubject extends EnvironmentProps {
  readonly split?: string;
}

const RULES: readonly Rule<EnvironmentSubject>[] = [
  fieldRule("name", schemas.EnvironmentName),
  fieldRule("maxConcurrentCalls", schemas.MaxConcurrentCalls),
  {
    name: "split-manages-max-concurrent-calls",
    *check(s) {
      if (s.split !== undefined && s.maxConcurrentCalls !== undefined && !isUnresolved(s.maxConcurrentCalls)) {
        yield { field: "maxConcurrentCalls", value: s.maxConcurrentCalls, message: `must be unset: the concurrency split ${s.split} manages it` };
      }
    },
  },
];

/** A Callplane environment (`callplane_environment`), such as `production` or `staging`. */
export class Environment extends Construct {
  /** The Terraform type it declares, so the testing matchers accept the construct as well as {@link CallplaneEnvironment}. */
  public static readonly tfResourceType = CallplaneEnvironment.tfResourceType;
  /** The underlying L1 resource. */
  public readonly resource: CallplaneEnvironment;
  /** The props the environment was declared with. */
  public readonly props: EnvironmentProps;
  private splitPath?: string;

  constructor(scope: Construct, id: string, props: EnvironmentProps) {
    super(scope, id);
    this.props = props;
    this.resource = new CallplaneEnvironment(this, "environment", {
      name: props.name,
      hidden: props.hidden ?? false,
      deletionProtection: props.deletionProtection ?? true,
      maxConcurrentCalls: props.maxConcurrentCalls,
      apiKeyRotation: props.apiKeyRotation,
    });
    addRules(this, () => ({ ...this.props, ...(this.splitPath !== undefined ? { split: this.splitPath } : {}) }), RULES);
  }

  /** The environment's id (a token until apply). */
  get environmentId(): string {
    return this.resource.id;
  }

  /** The environment's name. */
  get name(): string {
    return this.props.name;
  }

  /** The environment's API key (sensitive; a token until apply). */
  get apiKey(): string {
    return this.resource.apiKey;
  }

  /** Turns deletion protection on (used by the `ProtectEnvironments` aspect). */
  protect(): void {
    this.resource.deletionProtection = true;
  }

  /** @internal Called by ConcurrencySplit: the split manages `max_concurrent_calls`. */
  _managedBy(splitPath: string): void {
    this.splitPath = splitPath;
    this.resource.maxConcurrentCalls = undefined;
  }
}
