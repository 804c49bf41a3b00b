/** `callplane_users`: the tenant's users, optionally searched by name or email and filtered by role. */
import { schemas, type User } from "@callplane/sdk";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, asApi, callplaneDataSource, matchesApiRule } from "../resources/callplane-api.js";

const userFields = { id: t.string, name: t.string, email: t.string, role: t.string, created_at: t.string };

function userState(user: User) {
  return { id: user.id, name: user.name, email: user.email, role: user.role, created_at: user.createdAt };
}

const schema = defineSchema({
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
});

export const usersDataSource = callplaneDataSource({
  typeName: "callplane_users",
  schema,
  async read(config, ctx, diagnostics) {
    const { q } = config;
    const role = config.role === null ? undefined : asApi(schemas.Role, config.role);
    try {
      const all = await ctx.client.users.list({ limit: 100, ...(q !== null ? { q } : {}), ...(role ? { role } : {}) }).toArray();
      return { q, role: config.role, users: all.map(userState) };
    } catch (error) {
      addApiError(diagnostics, error, "list the users", objectTypeOf(schema));
      return null;
    }
  },
});
