import type { CallplaneCore, RequestOptions } from "../core/core.js";
import type { ApiKeyRotation, Tenant, TenantUpdate } from "../types.js";
import type { WithResponse } from "../core/response.js";

/** The caller's own tenant. */
export class TenantResource {
  constructor(private readonly core: CallplaneCore) {}

  get(options?: RequestOptions): Promise<WithResponse<Tenant>> {
    return this.core.call("getTenant", options, (init) => this.core.api.GET("/v1/tenant", init));
  }

  /** Changes only the fields sent; `null` clears an optional field. */
  update(patch: TenantUpdate, options?: RequestOptions): Promise<WithResponse<Tenant>> {
    return this.core.call("updateTenant", options, (init) => this.core.api.PATCH("/v1/tenant", { ...init, body: patch }));
  }

  /** Replaces the tenant API key; the new key is in this answer only. */
  rotateApiKey(options?: RequestOptions): Promise<WithResponse<ApiKeyRotation>> {
    return this.core.call("rotateTenantApiKey", options, (init) => this.core.api.POST("/v1/tenant/api-key/rotate", init));
  }
}
