import { schemas } from "@callplane/sdk";
import { Construct } from "constructs";
import type { TerraformProvider } from "../cdk.js";
import { CallplaneApiToken } from "../generated/api-token.js";
import { addRules, fieldRule, shapeField, type Rule } from "../validation.js";

/** A token's scope: `read` (reads only) or `write` (reads and changes). */
export type TokenScope = "read" | "write";

/** Props of {@link ApiToken}. */
export interface ApiTokenProps {
  /** What the token is for (1 to 100 characters), e.g. `ci-deploy`. Changing it replaces the token. */
  readonly name: string;
  /** `read` or `write`. Changing it replaces the token. */
  readonly scope: TokenScope;
  /**
   * When the token stops working: a `Date`, or an RFC 3339 timestamp such as
   * `2027-01-01T00:00:00Z`. Changing it replaces the token.
   * @default - the token never expires
   */
  readonly expiresAt?: string | Date;
  /**
   * The provider configuration to create the token with. It must act as a user (a personal API
   * token or the bootstrap token): a tenant API key belongs to no user and cannot own a token.
   * @default - the stack's default `callplane` provider
   */
  readonly provider?: TerraformProvider;
}

interface TokenSubject {
  readonly name: string;
  readonly scope: string;
  readonly expiresAt?: string;
}

const RULES: readonly Rule<TokenSubject>[] = [
  fieldRule("name", shapeField(schemas.ApiTokenCreate, "name")),
  fieldRule("scope", schemas.TokenScope),
  fieldRule("expiresAt", schemas.Timestamp),
];

/** An RFC 3339 timestamp for a `Date` (whole seconds when it has no milliseconds, as a configuration would write it). */
const timestamp = (when: string | Date): string => (typeof when === "string" ? when : when.toISOString().replace(/\.000Z$/, "Z"));

/**
 * A personal API token (`callplane_api_token`) of the user the provider acts as, for example a
 * read-only token for a dashboard or a write token for CI. Tokens cannot be edited: changing any
 * prop revokes the token and creates a new one. Its value ({@link ApiToken.token}) is known only
 * when Terraform creates it, and is kept in the state (marked sensitive); for a token needed only
 * during one run, use the provider's ephemeral `callplane_api_token` instead, which is never stored.
 */
export class ApiToken extends Construct {
  /** The Terraform type it declares, so the testing matchers accept the construct as well as {@link CallplaneApiToken}. */
  public static readonly tfResourceType = CallplaneApiToken.tfResourceType;
  /** The underlying L1 resource. */
  public readonly resource: CallplaneApiToken;

  constructor(scope: Construct, id: string, props: ApiTokenProps) {
    super(scope, id);
    const subject: TokenSubject = { name: props.name, scope: props.scope, ...(props.expiresAt !== undefined ? { expiresAt: timestamp(props.expiresAt) } : {}) };
    this.resource = new CallplaneApiToken(this, "token", { ...subject, provider: props.provider });
    addRules(this, () => subject, RULES);
  }

  /** The token's id (a token until apply). */
  get tokenId(): string {
    return this.resource.id;
  }

  /** The token's value: sensitive, known only after Terraform created it (a token until apply). */
  get token(): string {
    return this.resource.token;
  }

  /** The token, masked as the console shows it (a token until apply). */
  get tokenMasked(): string {
    return this.resource.tokenMasked;
  }
}
