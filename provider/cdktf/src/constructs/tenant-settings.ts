import { schemas } from "@callplane/sdk";
import { Construct } from "constructs";
import { CallplaneTenantSettings } from "../generated/tenant-settings.js";
import { addRules, fieldRule, type Rule } from "../validation.js";

/** Props of {@link TenantSettings}. */
export interface TenantSettingsProps {
  /** The tenant's name (3 to 100 characters). */
  readonly name: string;
  /** Where invoices go. */
  readonly billingEmail: string;
  /**
   * A description (at most 500 characters).
   * @default - unset: the platform's value is kept
   */
  readonly description?: string;
  /**
   * Phone number, 7 to 15 digits with an optional leading `+`.
   * @default - unset: the platform's value is kept
   */
  readonly phone?: string;
  /**
   * Country (at most 100 characters).
   * @default - unset: the platform's value is kept
   */
  readonly country?: string;
  /**
   * Street address (at most 200 characters).
   * @default - unset: the platform's value is kept
   */
  readonly street?: string;
  /**
   * Postal code, 3 to 10 characters.
   * @default - unset: the platform's value is kept
   */
  readonly zipCode?: string;
  /**
   * Website, an http:// or https:// URL.
   * @default - unset: the platform's value is kept
   */
  readonly website?: string;
  /**
   * IANA time zone such as `Europe/Berlin`.
   * @default - unset: the platform's value is kept
   */
  readonly timezone?: string;
  /**
   * Logo URL, http:// or https://.
   * @default - unset: the platform's value is kept
   */
  readonly logoUrl?: string;
}

const RULES: readonly Rule<TenantSettingsProps>[] = [
  fieldRule("name", schemas.TenantName),
  fieldRule("billingEmail", schemas.Email),
  fieldRule("description", schemas.TenantDescription),
  fieldRule("phone", schemas.Phone),
  fieldRule("country", schemas.Country),
  fieldRule("street", schemas.Street),
  fieldRule("zipCode", schemas.ZipCode),
  fieldRule("website", schemas.Website),
  fieldRule("timezone", schemas.TimeZone),
  fieldRule("logoUrl", schemas.LogoUrl),
];

/** The tenant's own settings (`callplane_tenant_settings`): name, billing email, address, time zone. */
export class TenantSettings extends Construct {
  /** The Terraform type it declares, so the testing matchers accept the construct as well as {@link CallplaneTenantSettings}. */
  public static readonly tfResourceType = CallplaneTenantSettings.tfResourceType;
  /** The underlying L1 resource. */
  public readonly resource: CallplaneTenantSettings;

  constructor(scope: Construct, id: string, props: TenantSettingsProps) {
    super(scope, id);
    this.resource = new CallplaneTenantSettings(this, "settings", { ...props });
    addRules(this, () => props, RULES);
  }

  /** The plan's limit of concurrent calls (a token until apply). */
  get planLimit(): number {
    return this.resource.planLimit;
  }
}
