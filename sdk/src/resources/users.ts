import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { WithResponse } from "../core/response.js";
import type { ListUsersQuery, User, UserCreate, UserUpdate } from "../types.js";

/** People in the tenant and their roles. */
export class UsersResource {
  constructor(private readonly core: CallplaneCore) {}

  /** `q` searches name and email; `role` filters. */
  list(query: ListUsersQuery = {}, options?: RequestOptions): PagedList<User> {
    return new PagedList((cursor) =>
      this.core.call("listUsers", options, (init) =>
        this.core.api.GET("/v1/users", { ...init, params: { query: { ...query, cursor } } }),
      ), query.cursor);
  }

  get(userId: string, options?: RequestOptions): Promise<WithResponse<User>> {
    return this.core.call("getUser", options, (init) => this.core.api.GET("/v1/users/{userId}", { ...init, params: { path: { userId } } }));
  }

  /** Email and the initial password cannot be changed later. */
  create(body: UserCreate, options?: RequestOptions): Promise<WithResponse<User>> {
    return this.core.call("createUser", options, (init) => this.core.api.POST("/v1/users", { ...init, body }));
  }

  /** Name, role or operator schedule. Demoting the last admin is refused. */
  update(userId: string, patch: UserUpdate, options?: RequestOptions): Promise<WithResponse<User>> {
    return this.core.call("updateUser", options, (init) =>
      this.core.api.PATCH("/v1/users/{userId}", { ...init, params: { path: { userId } }, body: patch }));
  }

  /** Deleting the last admin is refused. */
  async delete(userId: string, options?: RequestOptions): Promise<void> {
    await this.core.call("deleteUser", options, (init) => this.core.api.DELETE("/v1/users/{userId}", { ...init, params: { path: { userId } } }));
  }
}
