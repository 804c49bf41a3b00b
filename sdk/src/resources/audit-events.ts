import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { AuditEvent, ListAuditEventsQuery } from "../types.js";

/** Every change: who, when, through what, before and after. */
export class AuditEventsResource {
  constructor(private readonly core: CallplaneCore) {}

  /** Newest first; filter by `resourceType`, `resourceId` and `since`. */
  list(query: ListAuditEventsQuery = {}, options?: RequestOptions): PagedList<AuditEvent> {
    return new PagedList((cursor) =>
      this.core.call("listAuditEvents", options, (init) =>
        this.core.api.GET("/v1/audit-events", { ...init, params: { query: { ...query, cursor } } }),
      ), query.cursor);
  }
}
