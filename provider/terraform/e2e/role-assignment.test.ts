import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { stateOf, apply, plan } = shortcuts(ws);

const BOOTSTRAP_ADMIN = "admin@callplane.local";

const assignment = (name: string, email: string, role: string, extra = "") => `
resource "callplane_role_assignment" "${name}" {
  email = "${email}"
  role  = "${role}"
  ${extra}
}
`;

async function pendingInvitation(email: string) {
  const pending = await ws.sdk.invitations.list({ status: "pending" }).toArray();
  return pending.find((i) => i.email === email);
}

async function userByEmail(email: string) {
  return (await ws.sdk.users.list({ q: email }).toArray()).find((u) => u.email === email);
}

/** A pass-through proxy to the server that records each request's method and path. */
async function countingProxy(target: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url?.split("?")[0]}`);
    const forwarded = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let leeId: string;
let base: string;

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_role_assignment with real Terraform", { shuffle: false }, () => {
  it("sets an existing user's role and invites an email without a user, telling which in the plan", async () => {
    leeId = (await ws.sdk.users.create({ name: "Lee", email: "lee@acme.test", role: "member" })).id;
    base = assignment("lee", "lee@acme.test", "operator", "remove_user_on_destroy = true") + assignment("nia", "nia@acme.test", "viewer");
    ws.config(base);
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).toMatch(/callplane_role_assignment\.lee will be created[\s\S]*status\s+= "active"[\s\S]*user_id\s+= "usr_/);
    expect(planned.output).toMatch(/callplane_role_assignment\.nia will be created[\s\S]*status\s+= "invited"/);

    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 2 added");
    expect((await ws.sdk.users.get(leeId)).role).toBe("operator");
    const invitation = await pendingInvitation("nia@acme.test");
    expect(invitation?.role).toBe("viewer");
    expect(await stateOf("callplane_role_assignment.lee")).toMatchObject({ id: "lee@acme.test", status: "active", user_id: leeId, invitation_id: null });
    expect(await stateOf("callplane_role_assignment.nia")).toMatchObject({ status: "invited", user_id: null, invitation_id: invitation!.id });
    const again = await plan();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("inconsistent");
  });

  it("reads an accepted invitation as active, with no change to plan", async () => {
    const invitation = await pendingInvitation("nia@acme.test");
    const { secret } = await ws.sdk.invitations.renew(invitation!.id);
    const user = await ws.sdk.invitations.accept({ secret, name: "Nia" });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(0);
    const refreshed = await ws.terraform(["apply", "-refresh-only", "-auto-approve", "-input=false"]);
    expect(refreshed.code, refreshed.output).toBe(0);
    expect(await stateOf("callplane_role_assignment.nia")).toMatchObject({ status: "active", user_id: user.id, invitation_id: null, role: "viewer" });
    expect((await plan()).code).toBe(0);
  });

  it("shows a role changed by hand as drift on role (exit 2), and apply restores it", async () => {
    await ws.sdk.users.update(leeId, { role: "viewer" });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toMatch(/role\s+= "viewer" -> "operator"/);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect((await ws.sdk.users.get(leeId)).role).toBe("operator");
    expect((await plan()).code).toBe(0);
  });

  it("adopts a pending invitation with the same role, and replaces one whose role changes", async () => {
    const existing = await ws.sdk.invitations.create({ email: "kai@acme.test", role: "member" });
    base += assignment("kai", "kai@acme.test", "member");
    ws.config(base);
    const adopted = await apply();
    expect(adopted.code, adopted.output).toBe(0);
    expect((await stateOf("callplane_role_assignment.kai")).invitation_id).toBe(existing.id);

    base = base.replace(/"kai@acme.test"\n  role  = "member"/, '"kai@acme.test"\n  role  = "admin"');
    ws.config(base);
    const changed = await apply();
    expect(changed.code, changed.output).toBe(0);
    expect((await ws.sdk.invitations.get(existing.id)).status).toBe("revoked");
    const replacement = await pendingInvitation("kai@acme.test");
    expect(replacement?.role).toBe("admin");
    expect(await stateOf("callplane_role_assignment.kai")).toMatchObject({ role: "admin", status: "invited", invitation_id: replacement!.id });
    expect((await plan()).code).toBe(0);
  });

  it("refuses to demote the last admin, with a warning at plan and an error on role at apply", async () => {
    ws.config(base + assignment("boss", BOOTSTRAP_ADMIN, "member"));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).toContain("This would demote the tenant's only admin");
    expect(planned.output).toContain("This demotes the user the provider acts as");
    const applied = await apply();
    expect(applied.code).toBe(1);
    expect(applied.output).toContain("At least one admin must remain");
    expect(applied.output).toMatch(/admin@callplane\.local is the tenant's only admin, so its role cannot\s+become\s+member/);
    expect(applied.output).toMatch(/with callplane_role_assignment\.boss,[\s\S]*role\s+= "member"/);
    expect(applied.output).not.toContain("inconsistent");
    expect((await userByEmail(BOOTSTRAP_ADMIN))?.role).toBe("admin");
  });

  it("puts an invalid email or role on the attribute, before anything is changed", async () => {
    ws.config(base + assignment("bad", "not-an-email", "owner"));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toMatch(/email: must be an email address/);
    expect(planned.output).toMatch(/role: must be one of admin, member, operator, viewer/);
  });

  it("imports an assignment by email", async () => {
    await ws.sdk.users.create({ name: "Ola", email: "ola@acme.test", role: "viewer" });
    base += assignment("ola", "ola@acme.test", "viewer");
    ws.config(base + `
import {
  to = callplane_role_assignment.ola
  id = "ola@acme.test"
}
`);
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await apply()).code).toBe(0);
    ws.config(base);
    expect((await plan()).code).toBe(0);
  });

  it("refreshes many assignments with one list of users and one of invitations", async () => {
    const proxy = await countingProxy(ws.server.url);
    try {
      const planned = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"], { CALLPLANE_ENDPOINT: proxy.url });
      expect(planned.code, planned.output).toBe(0);
      expect(planned.output.match(/Refreshing state/g)).toHaveLength(4);
      expect(proxy.requests.filter((r) => r === "GET /v1/users")).toHaveLength(1);
      expect(proxy.requests.filter((r) => r === "GET /v1/invitations")).toHaveLength(1);
      expect(proxy.requests.filter((r) => /^GET \/v1\/(users|invitations)\/./.test(r))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it("on destroy revokes a pending invitation, deletes a user only when asked, and never the provider's own user", async () => {
    const kaiInvitation = (await stateOf("callplane_role_assignment.kai")).invitation_id as string;
    ws.config(base + assignment("boss", BOOTSTRAP_ADMIN, "admin", "remove_user_on_destroy = true"));
    const adopted = await apply();
    expect(adopted.code, adopted.output).toBe(0);

    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(destroyed.output).toContain("Kept the provider's own user");
    expect((await ws.sdk.invitations.get(kaiInvitation)).status).toBe("revoked");
    // lee had remove_user_on_destroy = true; nia and ola had the default (false).
    expect(await userByEmail("lee@acme.test")).toBeUndefined();
    expect((await userByEmail("nia@acme.test"))?.role).toBe("viewer");
    expect((await userByEmail("ola@acme.test"))?.role).toBe("viewer");
    expect((await userByEmail(BOOTSTRAP_ADMIN))?.role).toBe("admin");
  });
});
