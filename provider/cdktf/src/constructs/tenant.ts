import { schemas } from "@callplane/sdk";
import { Construct } from "constructs";
import type { IResolvable, TerraformProvider } from "../cdk.js";
import { CallplaneTenant } from "../generated/tenant.js";
import { addRules, fieldRule, type Rule } from "../validation.js";
import type { TenantSettingsProps } from "./tenant-settings.js";

/** Props of {@link Tenant}: a tenant's settings, and what only a platform administrator sets. */
export interface TenantProps extends TenantSettingsProps {
  /**
   * The provider configured with the **platform** token, usually an aliased
   * {@link CallplaneProvider} (`alias: "platform"`). Tenants cannot be created with a tenant's
   * own credentials.
   */
  readonly provider: TerraformProvider;
  /**
   * The most concurrent calls the tenant's plan allows, shared by its environments. It cannot go
   * below what the environments already have.
   */
  readonly planLimit: number;
  /**
   * Read-only tenants refuse every change made with their own credentials.
   * @default false
   */
  readonly readOnly?: boolean | IResolvable;
  /**
   * While true, Terraform cannot destroy the tenant; destroying a tenant deletes everything in
   * it. Set it to false and apply before a destroy (a `TerraformVariable`'s `booleanValue` works).
   * @default true
   */
  readonly deletionProtection?: boolean | IResolvable;
  /**
   * Any value; changing it rotates the tenant's API key (the old key stops working at once).
   * @default - no rotation keeper
   */
  readonly apiKeyRotation?: string;
}

const RULES: readonly Rule<TenantProps>[] = [
  fieldRule("name", schemas.TenantName),
  fieldRule("billingEmail", schemas.Email),
  fieldRule("planLimit", schemas.PlanLimit),
  fieldRule("description", schemas.TenantDescription),
  fieldRule("phone", schemas.Phone),
  fieldRule("country", schemas.Country),
  fieldRule("street", schemas.Street),
  fieldRule("zipCode", schemas.ZipCode),
  fieldRule("website", schemas.Website),
  fieldRule("timezone", schemas.TimeZone),
  fieldRule("logoUrl", schemas.LogoUrl),
];

/**
 * A tenant (`callplane_tenant`), for **platform stacks**: a platform administrator creates
 * tenants, sets their plan limit and read-only flag, rotates their API key and deletes them.
 * Every field is authoritative (one left out is cleared). A tenant's admins manage their own
 * tenant's settings with {@link TenantSettings} instead.
 */
export class Tenant extends Construct {
  /** The Terraform type it declares, so the testing matchers accept the construct as well as {@link CallplaneTenant}. */
  public static readonly tfResourceType = CallplaneTenant.tfResourceType;
  /** The underlying L1 resource. */
  public readonly resource: CallplaneTenant;

  constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    this.resource = new CallplaneTenant(this, "tenant", {
      ...props,
      readOnly: props.readOnly ?? false,
      deletionProtection: props.deletionProtection ?? true,
    });
    addRules(this, () => props, RULES);
  }

  /** The tenant's id (a token until apply). */
  get tenantId(): string {
    return this.resource.id;
  }

  /** The tenant's API key: sensitive, known after creation and after each rotation (a token until apply). */
  get apiKey(): string {
    return this.resource.apiKey;
  }
}
