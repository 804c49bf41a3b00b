/** The audit log, newest first. */
import type { RouteDefinition } from "../http/context.js";
import { dateTimeQuery, enumQuery, pageBody, pageRequest, stringQuery, tenantOf } from "./common.js";

const RESOURCE_TYPES = ["tenant", "environment", "concurrency", "user", "invitation", "apiToken", "session"] as const;

export const auditEventRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/audit-events",
    access: "read",
    handler: (ctx, { store }) => {
      const filter = {
        resourceType: enumQuery(ctx, "resourceType", RESOURCE_TYPES),
        resourceId: stringQuery(ctx, "resourceId", 1, 64),
        since: dateTimeQuery(ctx, "since"),
      };
      return { status: 200, body: pageBody(store.listAuditEvents(tenantOf(ctx).tenantId, filter, pageRequest(ctx))) };
    },
  },
];
