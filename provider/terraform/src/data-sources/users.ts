/** `callplane_users`: the tenant's users, optionally searched by name or email and filtered by role. */
import { schemas, type Role, type User } from "@callplane/sdk";
import { addApiError } from "../framework/diagnostics.js";
import type { DataSourceDefinition, State } from "../framework/resource.js";
import { objectTypeOf, type SchemaDefinition } from "../framework/schema.js";
import { matchesApiRule } from "../framework/validators.js";
import { t } from "../values/index.js";

const userFields = { id: t.string, name: t.string, email: t.string, role: t.string, created_at: t.string };

function userState(user: User): State {
  return { id: user.id, name: user.name, email: user.email, role: user.role, created_at: user.createdAt };
}

const schema: SchemaDefinition = {
  version: 0,
  description: "The tenant's users, optionally narrowed by a search (`q`) and a `role`.",
  attributes: {
    q: { type: t.string, optional: true, description: "Only users whose name or email contains this text (case-insensitive)." },
    role: { type: t.string, optional: true, validators: [matchesApiRule(schemas.Role)], description: "Only users with this role: `admin`, `member`, `operator` or `viewer`." },
    users: {
      type: t.list(t.object(userFields)), computed: true,
      description: "The matching users, each with `id`, `name`, `email`, `role` and `created_at`.",
    },
  },
};

export const usersDataSource: DataSourceDefinition = {
  typeName: "callplane_users",
  schema,
  async read(config, ctx, diagnostics) {
    const q = typeof config.q === "string" ? config.q : undefined;
    const role = typeof config.role === "string" ? (config.role as Role) : undefined;
    try {
      const all = await ctx.client.users.list({ limit: 100, ...(q !== undefined ? { q } : {}), ...(role ? { role } : {}) }).toArray();
      return { q: config.q ?? null, role: config.role ?? null, users: all.map(userState) };
    } catch (error) {
      addApiError(diagnostics, error, "list the users", objectTypeOf(schema));
      return null;
    }
  },
};
