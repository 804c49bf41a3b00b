import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { WithResponse } from "../core/response.js";
import type { ListTenantsQuery, PlatformTenantUpdate, Tenant, TenantCreate, TenantWithApiKey } from "../types.js";

/** Every tenant on the platform. Needs a platform-administrator token. */
export class TenantsResource {
  constructor(private readonly core: CallplaneCore) {}

  list(query: ListTenantsQuery = {}, options?: RequestOptions): PagedList<Tenant> {
    return new PagedList((cursor) =>
      this.core.call("listTenants", options, (init) =>
        this.core.api.GET("/v1/tenants", { ...init, params: { query: { ...query, cursor } } }),
      ), query.cursor);
  }

  /** Creates a tenant; its API key is in this answer only. */
  create(body: TenantCreate, options?: RequestOptions): Promise<WithResponse<TenantWithApiKey>> {
    return this.core.call("createTenant", options, (init) => this.core.api.POST("/v1/tenants", { ...init, body }));
  }

  get(tenantId: string, options?: RequestOptions): Promise<WithResponse<Tenant>> {
    return this.core.call("getPlatformTenant", options, (init) =>
      this.core.api.GET("/v1/tenants/{tenantId}", { ...init, params: { path: { tenantId } } }));
  }

  /** Changes any field, the plan limit and the read-only flag included. */
  update(tenantId: string, patch: PlatformTenantUpdate, options?: RequestOptions): Promise<WithResponse<Tenant>> {
    return this.core.call("updatePlatformTenant", options, (init) =>
      this.core.api.PATCH("/v1/tenants/{tenantId}", { ...init, params: { path: { tenantId } }, body: patch }));
  }

  /** Deletes the tenant and everything in it; its keys and tokens stop working at once. */
  async delete(tenantId: string, options?: RequestOptions): Promise<void> {
    await this.core.call("deletePlatformTenant", options, (init) =>
      this.core.api.DELETE("/v1/tenants/{tenantId}", { ...init, params: { path: { tenantId } } }));
  }

  /** Replaces the tenant's API key; the new key is in this answer only. */
  rotateApiKey(tenantId: string, options?: RequestOptions): Promise<WithResponse<TenantWithApiKey>> {
    return this.core.call("rotatePlatformTenantApiKey", options, (init) =>
      this.core.api.POST("/v1/tenants/{tenantId}/api-key/rotate", { ...init, params: { path: { tenantId } } }));
  }
}
