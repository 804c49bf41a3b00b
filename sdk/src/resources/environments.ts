import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { WithResponse } from "../core/response.js";
import type { Environment, EnvironmentCreate, EnvironmentUpdate, EnvironmentWithApiKey, ListEnvironmentsQuery } from "../types.js";

/** Workspaces inside the tenant, each with its own call capacity and API key. */
export class EnvironmentsResource {
  constructor(private readonly core: CallplaneCore) {}

  /** Hidden environments only with `{ includeHidden: true }`. */
  list(query: ListEnvironmentsQuery = {}, options?: RequestOptions): PagedList<Environment> {
    return new PagedList((cursor) =>
      this.core.call("listEnvironments", options, (init) =>
        this.core.api.GET("/v1/environments", { ...init, params: { query: { ...query, cursor } } }),
      ), query.cursor);
  }

  get(environmentId: string, options?: RequestOptions): Promise<WithResponse<Environment>> {
    return this.core.call("getEnvironment", options, (init) =>
      this.core.api.GET("/v1/environments/{environmentId}", { ...init, params: { path: { environmentId } } }));
  }

  /** Creates an environment; its API key is in this answer only. */
  create(body: EnvironmentCreate, options?: RequestOptions): Promise<WithResponse<EnvironmentWithApiKey>> {
    return this.core.call("createEnvironment", options, (init) => this.core.api.POST("/v1/environments", { ...init, body }));
  }

  update(environmentId: string, patch: EnvironmentUpdate, options?: RequestOptions): Promise<WithResponse<Environment>> {
    return this.core.call("updateEnvironment", options, (init) =>
      this.core.api.PATCH("/v1/environments/{environmentId}", { ...init, params: { path: { environmentId } }, body: patch }));
  }

  /** Deletes the environment and its configuration. Refused while `deletionProtection` is on. */
  async delete(environmentId: string, options?: RequestOptions): Promise<void> {
    await this.core.call("deleteEnvironment", options, (init) =>
      this.core.api.DELETE("/v1/environments/{environmentId}", { ...init, params: { path: { environmentId } } }));
  }

  /** Replaces the environment's API key; the new key is in this answer only. */
  rotateApiKey(environmentId: string, options?: RequestOptions): Promise<WithResponse<EnvironmentWithApiKey>> {
    return this.core.call("rotateEnvironmentApiKey", options, (init) =>
      this.core.api.POST("/v1/environments/{environmentId}/api-key/rotate", { ...init, params: { path: { environmentId } } }));
  }
}
