import type { Construct } from "constructs";
import { CallplaneProviderL1 } from "../generated/provider.js";

/** Props of {@link CallplaneProvider}. */
export interface CallplaneProviderProps {
  /**
   * The Callplane API's base URL.
   * @default - read by the provider from `CALLPLANE_ENDPOINT` at plan/apply time
   */
  readonly endpoint?: string;
  /**
   * A tenant API key or API token. Prefer the environment variable: a value here is written
   * into the synthesized JSON.
   * @default - read by the provider from `CALLPLANE_TOKEN` at plan/apply time
   */
  readonly token?: string;
  /**
   * Retries for 429, 5xx and network errors.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Alias, for more than one configuration of the provider in a stack.
   * @default - the default provider configuration
   */
  readonly alias?: string;
}

/**
 * The `callplane` provider (`registry.terraform.io/callplane/callplane`). With no props, the
 * endpoint and token come from `CALLPLANE_ENDPOINT` and `CALLPLANE_TOKEN` when Terraform runs.
 */
export class CallplaneProvider extends CallplaneProviderL1 {
  constructor(scope: Construct, id: string, props: CallplaneProviderProps = {}) {
    super(scope, id, props);
  }
}
