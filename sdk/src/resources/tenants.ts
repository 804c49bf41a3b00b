import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { WithResponse } from "../core/response.js";
import type { ListTenantsQuery, Tenant, TenantCreate, TenantWithApiKey } from "../types.js";

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
}
