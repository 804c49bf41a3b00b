/**
 * Who changed what, for each kind of resource a drift report covers: a real server in this
 * process (port 0), objects Terraform created (source `terraform`), hand edits through the console
 * and the API after them, and the refresh-only plan Terraform would make of that.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { startServer, type RunningServer } from "@callplane/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanJson, ResourceChange, StateResource } from "../terraform/plan-json.js";
import { renderDriftMarkdown } from "./markdown.js";
import { buildDriftReport } from "./report.js";
import type { DriftReport } from "./model.js";

const TOKEN = "cpt_drift_audit_unit_token_0123456789ab";
let server: RunningServer;
let terraform: CallplaneClient;
let actor: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN });
  const client = (source: "console" | "terraform" | "api") => createCallplaneClient({ endpoint: server.url, token: TOKEN, maxRetries: 0, source });
  terraform = client("terraform");
  const console_ = client("console");
  const api = client("api");
  // What Terraform created.
  const tenant = await terraform.tenant.update({ billingEmail: "billing@acme.test" });
  const eu = await terraform.environments.create({ name: "eu", maxConcurrentCalls: 0 });
  const us = await terraform.environments.create({ name: "us", maxConcurrentCalls: 0 });
  await terraform.concurrency.set({ allocations: [{ environmentId: eu.id, maxConcurrentCalls: 8 }, { environmentId: us.id, maxConcurrentCalls: 6 }] });
  // Created after that split: it is in neither side of its event.
  const late = await terraform.environments.create({ name: "late", maxConcurrentCalls: 0 });
  const scratch = await terraform.environments.create({ name: "scratch", maxConcurrentCalls: 0, deletionProtection: false });
  const sam = await terraform.users.create({ name: "Sam Ito", email: "sam@acme.test", role: "member" });
  const kim = await terraform.users.create({ name: "Kim Lee", email: "kim@acme.test", role: "viewer" });
  const vic = await terraform.invitations.create({ email: "vic@acme.test", role: "viewer" });
  const pat = await terraform.users.create({ name: "Pat Doe", email: "pat@acme.test", role: "member" });
  // The hand edits, newest last: the API's edit of `us` is newer than anything done to `eu`.
  await console_.tenant.update({ billingEmail: "finance@acme.test" });
  await console_.environments.update(us.id, { maxConcurrentCalls: 2 });
  await console_.environments.update(late.id, { maxConcurrentCalls: 1 });
  // Newer than the edits of `us` and `late`, and leaves both alone.
  await console_.concurrency.set({ allocations: [{ environmentId: eu.id, maxConcurrentCalls: 4 }] });
  await console_.environments.update(eu.id, { hidden: true });
  await console_.environments.delete(scratch.id);
  await console_.users.update(sam.id, { role: "operator" });
  await console_.invitations.revoke(vic.id);
  await console_.users.delete(pat.id);
  const rogue = await console_.users.create({ name: "Rogue Admin", email: "rogue@acme.test", role: "admin", password: "correct-horse-battery" });
  await api.users.update(kim.id, { name: "Kim Lee-Park" });
  await api.environments.update(us.id, { hidden: true });
  Object.assign(ids, { tenant: tenant.id, eu: eu.id, us: us.id, late: late.id, scratch: scratch.id, sam: sam.id, kim: kim.id, vic: vic.id, rogue: rogue.id, pat: pat.id });
  const events = await terraform.auditEvents.list({ resourceType: "user", resourceId: sam.id }).firstPage();
  const edit = events.data[0]!;
  actor = edit.actor.name ?? edit.actor.id ?? edit.actor.type;
});

afterAll(async () => {
  await server?.close();
});

const drift = (address: string, before: Record<string, unknown>, after: Record<string, unknown> | null): ResourceChange => {
  const [type, name] = address.split(".") as [string, string];
  return { address, mode: "managed", type, name, change: { actions: after ? ["update"] : ["delete"], before, after } };
};
const state = (address: string, values: Record<string, unknown>): StateResource => {
  const [type, name] = address.split(".") as [string, string];
  return { address, mode: "managed", type, name, values };
};

/** A refresh-only plan of the hand edits, for a configuration that sets `configured` on each resource. */
function plan(changes: ResourceChange[], configured: Record<string, string[]>): PlanJson {
  return {
    format_version: "1.2",
    resource_drift: changes,
    configuration: {
      root_module: {
        resources: Object.entries(configured).map(([address, attributes]) => {
          const [type, name] = address.split(".") as [string, string];
          return { address, mode: "managed" as const, type, name, expressions: Object.fromEntries(attributes.map((a) => [a, {}])) };
        }),
      },
    },
    prior_state: {
      values: {
        root_module: { resources: ["eu", "us", "late"].map((name) => state(`callplane_environment.${name}`, { id: ids[name], name })) },
      },
    },
  };
}

const changedBy = (report: DriftReport, address: string, path?: string) => {
  const resource = report.drifted.find((r) => r.address === address)!;
  return path === undefined ? resource.changedBy : resource.attributes.find((a) => a.path === path)?.changedBy;
};

describe("who changed it, for each kind of resource", () => {
  it("a tenant setting: the console's edit of that field", async () => {
    const report = await buildDriftReport(
      plan([drift("callplane_tenant_settings.this", { id: ids.tenant, name: "Acme", billing_email: "billing@acme.test" }, { id: ids.tenant, name: "Acme", billing_email: "finance@acme.test" })], { "callplane_tenant_settings.this": ["name", "billing_email"] }),
      { client: terraform },
    );
    expect(changedBy(report, "callplane_tenant_settings.this", "billing_email")).toEqual({ actor, source: "console", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), action: "tenant.update" });
    // Who changed a resource is said only of deleted ones; a changed one has it per attribute.
    expect(report.drifted[0]).not.toHaveProperty("changedBy");
    expect(renderDriftMarkdown(report)).toMatch(/\| billing_email \| `billing@acme.test` \| `finance@acme.test` \| .+ via \*\*console\*\*, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/);
  });

  it("a split's allocation: the split's own change or the environment's, whichever is newer, for that environment only", async () => {
    const allocations = (eu: number, us: number, late: number) => ({
      id: "split",
      allocations: [{ environment_id: ids.eu, max_concurrent_calls: eu }, { environment_id: ids.us, max_concurrent_calls: us }, { environment_id: ids.late, max_concurrent_calls: late }],
    });
    const report = await buildDriftReport(plan([drift("callplane_concurrency_split.this", allocations(8, 6, 0), allocations(4, 2, 1))], { "callplane_concurrency_split.this": ["allocations"] }), { client: terraform });
    expect(report.notes).toEqual([]);
    expect(report.drifted[0]!.attributes.map((a) => [a.path, a.changedBy?.source, a.changedBy?.action])).toEqual([
      ['allocations["eu"]', "console", "concurrency.set"],
      ['allocations["us"]', "console", "environment.update"],
      ['allocations["late"]', "console", "environment.update"],
    ]);
    // Without the environments in the state, rows are named by id, and attributed all the same.
    const unnamed = await buildDriftReport({ ...plan([drift("callplane_concurrency_split.this", allocations(8, 6, 0), allocations(4, 2, 1))], { "callplane_concurrency_split.this": ["allocations"] }), prior_state: undefined }, { client: terraform });
    expect(unnamed.notes).toEqual([]);
    expect(unnamed.drifted[0]!.attributes.map((a) => [a.path, a.changedBy?.action])).toEqual([
      [`allocations[${JSON.stringify(ids.eu)}]`, "concurrency.set"],
      [`allocations[${JSON.stringify(ids.us)}]`, "environment.update"],
      [`allocations[${JSON.stringify(ids.late)}]`, "environment.update"],
    ]);
    // Any other attribute of the split: the newest change of the split.
    const exclusive = await buildDriftReport(plan([drift("callplane_concurrency_split.this", { ...allocations(4, 2, 1), exclusive: false }, { ...allocations(4, 2, 1), exclusive: true })], { "callplane_concurrency_split.this": ["allocations", "exclusive"] }), { client: terraform });
    expect(changedBy(exclusive, "callplane_concurrency_split.this", "exclusive")).toMatchObject({ source: "console", action: "concurrency.set" });
  });

  it("an environment's attribute: the edit of that environment, not a newer one of another", async () => {
    const report = await buildDriftReport(
      plan(
        [drift("callplane_environment.eu", { id: ids.eu, name: "eu", hidden: false }, { id: ids.eu, name: "eu", hidden: true }), drift("callplane_environment.us", { id: ids.us, name: "us", hidden: false }, { id: ids.us, name: "us", hidden: true })],
        { "callplane_environment.eu": ["name", "hidden"], "callplane_environment.us": ["name", "hidden"] },
      ),
      { client: terraform },
    );
    expect(changedBy(report, "callplane_environment.eu", "hidden")).toMatchObject({ source: "console", action: "environment.update" });
    expect(changedBy(report, "callplane_environment.us", "hidden")).toMatchObject({ source: "api", action: "environment.update" });
  });

  it("a field no edit touched since the object was created: its creation", async () => {
    const report = await buildDriftReport(plan([drift("callplane_environment.late", { id: ids.late, name: "late" }, { id: ids.late, name: "later" })], { "callplane_environment.late": ["name"] }), { client: terraform });
    expect(changedBy(report, "callplane_environment.late", "name")).toMatchObject({ source: "terraform", action: "environment.create" });
  });

  it("a deleted environment or invitation: who deleted or revoked it", async () => {
    const report = await buildDriftReport(
      plan(
        [
          drift("callplane_environment.scratch", { id: ids.scratch, name: "scratch" }, null),
          drift("callplane_invitation.vic", { id: ids.vic, email: "vic@acme.test", role: "viewer", status: "pending" }, null),
        ],
        { "callplane_environment.scratch": ["name"], "callplane_invitation.vic": ["email", "role"] },
      ),
      { client: terraform },
    );
    expect(report.drifted.map((r) => [r.address, r.change, r.changedBy?.source, r.changedBy?.action])).toEqual([
      ["callplane_environment.scratch", "deleted", "console", "environment.delete"],
      ["callplane_invitation.vic", "deleted", "console", "invitation.revoke"],
    ]);
    expect(renderDriftMarkdown(report)).toContain(`**\`callplane_environment.scratch\`** (scratch) — deleted outside Terraform, by ${actor} via **console**, `);
  });

  it("a user's attribute: the edit of that field on that user", async () => {
    const report = await buildDriftReport(
      plan(
        [
          drift("callplane_user.sam", { id: ids.sam, name: "Sam Ito", email: "sam@acme.test", role: "member" }, { id: ids.sam, name: "Sam Ito", email: "sam@acme.test", role: "operator" }),
          drift("callplane_user.kim", { id: ids.kim, name: "Kim Lee", email: "kim@acme.test", role: "viewer" }, { id: ids.kim, name: "Kim Lee-Park", email: "kim@acme.test", role: "viewer" }),
        ],
        { "callplane_user.sam": ["name", "email", "role"], "callplane_user.kim": ["name", "email", "role"] },
      ),
      { client: terraform },
    );
    expect(changedBy(report, "callplane_user.sam", "role")).toMatchObject({ source: "console", action: "user.update" });
    expect(changedBy(report, "callplane_user.kim", "name")).toMatchObject({ source: "api", action: "user.update" });
  });

  it("a person in a team or one role assignment: who changed their role, or added them", async () => {
    const member = (id: string, role: string) => ({ user_id: id, invitation_id: null, role, status: "active" });
    const report = await buildDriftReport(
      plan(
        [
          drift(
            "callplane_role_assignments.team",
            { id: "team", assignments: { "sam@acme.test": "member", "pat@acme.test": "member" }, members: { "sam@acme.test": member(ids.sam!, "member"), "pat@acme.test": member(ids.pat!, "member") } },
            { id: "team", assignments: { "sam@acme.test": "operator", "rogue@acme.test": "admin" }, members: { "sam@acme.test": member(ids.sam!, "operator"), "rogue@acme.test": member(ids.rogue!, "admin") } },
          ),
          drift("callplane_role_assignment.kim", { email: "kim@acme.test", role: "member", user_id: ids.kim, invitation_id: null }, { email: "kim@acme.test", role: "viewer", user_id: ids.kim, invitation_id: null }),
          drift("callplane_role_assignment.vic", { email: "vic@acme.test", role: "member", user_id: null, invitation_id: ids.vic }, { email: "vic@acme.test", role: "viewer", user_id: null, invitation_id: ids.vic }),
        ],
        { "callplane_role_assignments.team": ["assignments"], "callplane_role_assignment.kim": ["email", "role"], "callplane_role_assignment.vic": ["email", "role"] },
      ),
      { client: terraform },
    );
    // Pat is gone from the live team (and its members): who deleted the user, found from the state's record.
    expect(report.drifted[0]!.attributes.map((a) => [a.path, a.changedBy?.source, a.changedBy?.action])).toEqual([
      ['assignments["pat@acme.test"]', "console", "user.delete"],
      ['assignments["rogue@acme.test"]', "console", "user.create"],
      ['assignments["sam@acme.test"]', "console", "user.update"],
    ]);
    // Kim's role never changed in the API (only her name, by the API): the newest event that
    // touched her as a person is her creation by Terraform.
    expect(changedBy(report, "callplane_role_assignment.kim", "role")).toMatchObject({ source: "terraform", action: "user.create" });
    expect(changedBy(report, "callplane_role_assignment.vic", "role")).toMatchObject({ source: "console", action: "invitation.revoke" });
  });

  it("says an edit is not in the audit log when no event touched it", async () => {
    const report = await buildDriftReport(
      plan([drift("callplane_environment.other", { id: "env_0000000000000000", name: "europe" }, { id: "env_0000000000000000", name: "eu" })], { "callplane_environment.other": ["name"] }),
      { client: terraform },
    );
    expect(changedBy(report, "callplane_environment.other", "name")).toBeUndefined();
    expect(report.notes).toEqual([]);
    // A resource the audit log does not cover: nothing to look up, and no error.
    const token = await buildDriftReport(plan([drift("callplane_api_token.ci", { id: "tok_1", name: "ci" }, { id: "tok_1", name: "ci-2" })], { "callplane_api_token.ci": ["name"] }), { client: terraform });
    expect(token.notes).toEqual([]);
    expect(token.drifted[0]!.attributes).toEqual([{ path: "name", before: { kind: "value", value: "ci" }, after: { kind: "value", value: "ci-2" } }]);
    expect(renderDriftMarkdown(report)).toContain("| name | `europe` | `eu` | _not in the audit log_ |");
  });
});
