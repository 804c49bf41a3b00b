/** The audit log, newest first. */
import type { RouteDefinition } from "../http/context.js";
import { problems } from "../http/problem.js";
import { enumQuery, pageBody, pageRequest, tenantOf } from "./common.js";

const RESOURCE_TYPES = ["tenant", "environment", "concurrency", "user", "invitation", "apiToken", "session"] as const;

export const auditEventRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/audit-events",
    access: "read",
    handler: (ctx, { store }) => {
      const since = ctx.query.get("since") ?? undefined;
      if (since !== undefined && Number.isNaN(Date.parse(since))) {
        throw problems.malformed("since must be an RFC 3339 date-time.", [{ path: "since", message: "must be an RFC 3339 date-time such as 2026-11-20T09:30:00Z" }]);
      }
      const filter = {
        resourceType: enumQuery(ctx, "resourceType", RESOURCE_TYPES),
        resourceId: ctx.query.get("resourceId") ?? undefined,
        since: since && new Date(since).toISOString(),
      };
      return { status: 200, body: pageBody(store.listAuditEvents(tenantOf(ctx).tenantId, filter, pageRequest(ctx))) };
    },
  },
];
