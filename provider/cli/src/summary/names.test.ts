/** Names a summary shows instead of ids, and the plan limit, from the state and the planned values. */
import { describe, expect, it } from "vitest";
import { collectNames } from "./names.js";
import { resource } from "./test-support.js";


describe("collectNames", () => {
  it("names environments by id and by address, from the prior state, a module and the planned values", () => {
    const names = collectNames({
      format_version: "1.2",
      prior_state: {
        values: {
          root_module: {
            resources: [resource("callplane_environment.a", { id: "env_a", name: "prod" }), resource("callplane_tenant_settings.this", { id: "ten_1", name: "Acme" })],
            child_modules: [{ address: "module.eu", resources: [resource("module.eu.callplane_environment.b", { id: "env_b", name: "eu" })] }],
          },
        },
      },
      // Created by this plan: a name, no id yet.
      planned_values: { root_module: { resources: [resource("callplane_environment.c", { name: "new" }), resource("callplane_environment.d", { id: "env_d" })] } },
    });
    expect(names.environmentById).toEqual(new Map([["env_a", "prod"], ["env_b", "eu"]]));
    expect(names.environmentByAddress).toEqual(new Map([["callplane_environment.a", "prod"], ["module.eu.callplane_environment.b", "eu"], ["callplane_environment.c", "new"]]));
    expect(names.planLimit).toBeNull();
  });

  it("names environments listed by the environments data source, skipping entries without an id or a name", () => {
    const names = collectNames({
      format_version: "1.2",
      prior_state: {
        values: {
          root_module: {
            resources: [
              resource("data.callplane_environments.all", { environments: [{ id: "env_a", name: "prod" }, { id: "env_b" }, { name: "nameless" }, { id: 7, name: "odd" }] }, "data"),
              resource("data.callplane_environments.none", { environments: null }, "data"),
            ],
          },
        },
      },
    });
    expect(names.environmentById).toEqual(new Map([["env_a", "prod"]]));
    expect(names.environmentByAddress.size).toBe(0);
  });

  it.each(["callplane_tenant_settings", "callplane_concurrency_split", "callplane_concurrency", "callplane_tenant"])("takes the plan limit from %s", (type) => {
    const names = collectNames({ format_version: "1.2", prior_state: { values: { root_module: { resources: [resource(`${type}.x`, { plan_limit: 25 })] } } } });
    expect(names.planLimit).toBe(25);
  });

  it("takes no plan limit from other resources, or one that is not a number", () => {
    const resources = [resource("callplane_environment.x", { name: "x", plan_limit: 9 }), resource("callplane_tenant_settings.this", { plan_limit: "40" })];
    expect(collectNames({ format_version: "1.2", prior_state: { values: { root_module: { resources } } } }).planLimit).toBeNull();
  });

  it("lets the planned value win over the prior state", () => {
    const names = collectNames({
      format_version: "1.2",
      prior_state: { values: { root_module: { resources: [resource("callplane_tenant_settings.this", { plan_limit: 40 }), resource("callplane_environment.a", { id: "env_a", name: "old" })] } } },
      planned_values: { root_module: { resources: [resource("callplane_tenant_settings.this", { plan_limit: 60 }), resource("callplane_environment.a", { id: "env_a", name: "renamed" })] } },
    });
    expect(names.planLimit).toBe(60);
    expect(names.environmentById.get("env_a")).toBe("renamed");
  });
});
