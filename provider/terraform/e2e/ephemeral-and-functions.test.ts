import { describe, expect, it } from "vitest";
import { shortcuts, TOKEN, useTerraform } from "./terraform.js";

const ws = useTerraform();
const { apply } = shortcuts(ws);

/** Terraform wraps diagnostics at 78 columns. */
const flat = (text: string) => text.replace(/\s+/g, " ");

const EPHEMERAL_TOKEN = `
ephemeral "callplane_api_token" "ci" {
  name  = "ci-read"
  scope = "read"
  ttl   = "15m"
}

provider "callplane" {
  alias = "ci"
  token = ephemeral.callplane_api_token.ci.token
}

data "callplane_tenant" "via_ci" {
  provider = callplane.ci
}

output "tenant_name" {
  value = data.callplane_tenant.via_ci.name
}
`;

describe("the schema as Terraform reads it", () => {
  it("shows the write-only argument, the ephemeral resource and the functions", async () => {
    const shown = await ws.terraform(["providers", "schema", "-json"]);
    expect(shown.code, shown.output).toBe(0);
    const schema = JSON.parse(shown.stdout).provider_schemas["registry.terraform.io/callplane/callplane"];

    const user = schema.resource_schemas.callplane_user.block.attributes;
    expect(user.initial_password_wo).toMatchObject({ type: "string", optional: true, sensitive: true, write_only: true });
    expect(user.initial_password_wo_version).toMatchObject({ type: "number", optional: true });
    expect(user.initial_password).toMatchObject({ deprecated: true });

    const token = schema.ephemeral_resource_schemas.callplane_api_token.block.attributes;
    expect(token.token).toMatchObject({ type: "string", computed: true, sensitive: true });
    expect(token.ttl).toMatchObject({ type: "string", optional: true, computed: true });

    expect(schema.functions.split_calls).toMatchObject({
      parameters: [{ name: "limit", type: "number" }, { name: "shares", type: ["map", "number"] }],
      return_type: ["map", "number"],
    });
    expect(schema.functions.schedule_to_utc).toMatchObject({
      parameters: [{ name: "timezone", type: "string" }, { name: "week_of", type: "string" }],
      variadic_parameter: { name: "ranges", type: ["object", { day: "string", end_hour: "number", start_hour: "number" }] },
    });
    expect(schema.functions.schedule_from_utc).toBeDefined();
  });
});

describe("ephemeral callplane_api_token with real Terraform", () => {
  it("reads through an aliased provider with the short-lived token, then revokes it", async () => {
    const before = new Set((await ws.sdk.apiTokens.list().toArray()).map((t) => t.id));
    ws.config(EPHEMERAL_TOKEN);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toMatch(/tenant_name = "[^"]+"/);
    expect(applied.output).not.toContain(TOKEN);

    // Every token the run opened is gone from the server's list...
    const after = await ws.sdk.apiTokens.list().toArray();
    expect(after.filter((t) => !before.has(t.id))).toEqual([]);
    // ...and the audit log shows each one created, used by the aliased provider, and revoked.
    const events = await ws.sdk.auditEvents.list({ resourceType: "apiToken" }).toArray();
    const created = events.filter((e) => e.action === "apiToken.create" && (e.after as { name?: string } | null)?.name === "ci-read");
    const revoked = events.filter((e) => e.action === "apiToken.revoke" && (e.before as { name?: string } | null)?.name === "ci-read");
    expect(created.length).toBeGreaterThan(0);
    expect(revoked.map((e) => e.resourceId).sort()).toEqual(created.map((e) => e.resourceId).sort());
    expect(revoked.some((e) => (e.before as { lastUsedAt?: string | null }).lastUsedAt)).toBe(true);
    expect((created[0]!.after as { scope?: string }).scope).toBe("read");

    const state = await ws.terraform(["show", "-json"]);
    expect(state.stdout).not.toContain("cpt_");
  });

  it("refuses a bad ttl, naming the argument", async () => {
    ws.config(EPHEMERAL_TOKEN.replace('ttl   = "15m"', 'ttl   = "soon"'));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(flat(planned.output)).toContain('ttl: "soon" is not a duration');
  });
});

describe("provider functions with real Terraform", () => {
  it("return the documented values in outputs", async () => {
    ws.config(`
output "split" {
  value = provider::callplane::split_calls(40, { prod = 1, staging = 1, dev = 1 })
}
output "to_utc_winter" {
  value = provider::callplane::schedule_to_utc("Europe/Berlin", "2026-01-05", { day = "monday", start_hour = 9, end_hour = 17 })
}
output "to_utc_summer" {
  value = provider::callplane::schedule_to_utc("Europe/Berlin", "2026-07-06", { day = "monday", start_hour = 9, end_hour = 17 })
}
output "from_utc" {
  value = provider::callplane::schedule_from_utc("Europe/Berlin", "2026-01-05", { day = "monday", start_hour = 8, end_hour = 16 })
}
`);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const outputs = JSON.parse((await ws.terraform(["output", "-json"])).stdout);
    expect(outputs.split.value).toEqual({ dev: 14, prod: 13, staging: 13 });
    expect(outputs.to_utc_winter.value).toEqual([{ day: "monday", start_hour: 8, end_hour: 16 }]);
    expect(outputs.to_utc_summer.value).toEqual([{ day: "monday", start_hour: 7, end_hour: 15 }]);
    expect(outputs.from_utc.value).toEqual([{ day: "monday", start_hour: 9, end_hour: 17 }]);
  });

  it("fail with errors that name the argument", async () => {
    ws.config(`output "bad" {
  value = provider::callplane::split_calls(40, { prod = -1 })
}`);
    const split = await ws.terraform(["plan", "-input=false"]);
    expect(split.code).toBe(1);
    expect(flat(split.output)).toContain('shares["prod"]: must be 0 or more (got -1).');
    expect(flat(split.output)).toMatch(/"shares" parameter/);

    ws.config(`output "bad" {
  value = provider::callplane::schedule_to_utc("Mars/Olympus", "2026-01-05", { day = "monday", start_hour = 9, end_hour = 17 })
}`);
    const zone = await ws.terraform(["plan", "-input=false"]);
    expect(zone.code).toBe(1);
    expect(flat(zone.output)).toContain('timezone: "Mars/Olympus" is not an IANA time zone');
    expect(flat(zone.output)).toMatch(/"timezone" parameter/);
  });
});
