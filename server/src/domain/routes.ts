import type { RouteDefinition } from "../http/context.js";
import { apiTokenRoutes } from "./api-tokens.js";
import { auditEventRoutes } from "./audit-events.js";
import { concurrencyRoutes } from "./concurrency.js";
import { environmentRoutes } from "./environments.js";
import { invitationRoutes } from "./invitations.js";
import { sessionRoutes } from "./sessions.js";
import { tenantRoutes } from "./tenant.js";
import { tenantsRoutes } from "./tenants.js";
import { userRoutes } from "./users.js";

/** Every operation of `openapi/callplane.yaml`. */
export const routes: RouteDefinition[] = [
  ...tenantRoutes,
  ...tenantsRoutes,
  ...environmentRoutes,
  ...concurrencyRoutes,
  ...userRoutes,
  ...invitationRoutes,
  ...auditEventRoutes,
  ...apiTokenRoutes,
  ...sessionRoutes,
];
