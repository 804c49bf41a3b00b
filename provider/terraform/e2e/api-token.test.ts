import { createCallplaneClient } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { shortcuts, useTerraform } from "./terraform.js";

const ws = useTerraform();
const { stateOf, apply, plan } = shortcuts(ws);

const token = (name: string, scope = "read", extra = "") => `
resource "callplane_api_token" "ci" {
  name       = "${name}"
  scope      = "${scope}"
  expires_at = "2030-01-01T00:00:00Z"
${extra}}

data "callplane_api_tokens" "all" {
  depends_on = [callplane_api_token.ci]
}

output "listed" {
  value = [for t in data.callplane_api_tokens.all.tokens : t.name]
}
`;

/** A client acting with `secret`, to show a token really works (or no longer does). */
const clientWith = (secret: string) => createCallplaneClient({ endpoint: ws.server.url, token: secret, source: "sdk", maxRetries: 0 });

// A lifecycle on one workspace, step by step: each test starts from the state the one before
// left, so the order is part of the test.
describe("callplane_api_token with real Terraform", { shuffle: false }, () => {
  it("creates a token whose value works, lists it in the data source, then plans no changes", async () => {
    ws.config(token("ci-reader"));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const state = await stateOf("callplane_api_token.ci");
    expect(state).toMatchObject({ name: "ci-reader", scope: "read", expires_at: "2030-01-01T00:00:00Z", owner: { type: "user" } });
    expect(state.token).toMatch(/^cpt_/);
    expect(applied.output).not.toContain(state.token as string);
    expect(state.token_masked).not.toBe(state.token);
    expect((await clientWith(state.token as string).tenant.get()).id).toMatch(/^ten_/);
    expect(applied.output).toMatch(/listed = \[[^\]]*"ci-reader"/);
    const again = await plan();
    expect(again.code, again.output).toBe(0);
  });

  it("replaces the token when its scope changes, revoking the old one", async () => {
    const before = await stateOf("callplane_api_token.ci");
    ws.config(token("ci-reader", "write"));
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.output).toContain("callplane_api_token.ci must be replaced");
    expect(planned.output).toMatch(/scope\s+= "read" -> "write" # forces replacement/);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const after = await stateOf("callplane_api_token.ci");
    expect(after.id).not.toBe(before.id);
    expect(after.token).not.toBe(before.token);
    await expect(clientWith(before.token as string).tenant.get()).rejects.toMatchObject({ status: 401 });
    expect((await plan()).code).toBe(0);
  });

  it("shows a token revoked by hand as drift (exit 2), and apply creates a new one", async () => {
    const before = await stateOf("callplane_api_token.ci");
    await ws.sdk.apiTokens.revoke(before.id as string);
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toContain("callplane_api_token.ci will be created");
    expect((await apply()).code).toBe(0);
    const after = await stateOf("callplane_api_token.ci");
    expect(after.id).not.toBe(before.id);
    expect((await plan()).code).toBe(0);
  });

  it("imports a token by id, without its value, and plans no changes", async () => {
    const created = await ws.sdk.apiTokens.create({ name: "made-by-hand", scope: "read", expiresAt: "2030-01-01T00:00:00Z" });
    ws.config(`${token("ci-reader", "write")}
resource "callplane_api_token" "imported" {
  name       = "made-by-hand"
  scope      = "read"
  expires_at = "2030-01-01T00:00:00Z"
}
`);
    const imported = await ws.terraform(["import", "-input=false", "callplane_api_token.imported", created.id]);
    expect(imported.code, imported.output).toBe(0);
    const state = await stateOf("callplane_api_token.imported");
    expect(state).toMatchObject({ id: created.id, name: "made-by-hand", token: null, token_masked: created.tokenMasked });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(0);

    const missing = await ws.terraform(["import", "-input=false", "callplane_api_token.other", "tok_doesnotexist"]);
    expect(missing.code).toBe(1);
  });

  it("refuses an invalid scope or expiry at plan time, on the attribute", async () => {
    ws.config(token("ci-reader", "admin"));
    const planned = await plan();
    expect(planned.code).toBe(1);
    expect(planned.output.replace(/\s+/g, " ")).toContain("scope: must be one of read, write");
  });

  it("revokes the tokens on destroy", async () => {
    ws.config(token("ci-reader", "write"));
    const ids = [(await stateOf("callplane_api_token.ci")).id, (await stateOf("callplane_api_token.imported")).id];
    ws.config("");
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const live = (await ws.sdk.apiTokens.list().toArray()).map((t) => t.id);
    for (const id of ids) expect(live).not.toContain(id);
  });
});
