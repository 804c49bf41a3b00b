/**
 * Drift reports with the API: who made each change (from a real server's audit log) and which
 * objects in the tenant no resource manages. The server runs in this process on port 0.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { startServer, type RunningServer } from "@callplane/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanJson } from "../terraform/plan-json.js";
import { renderDriftMarkdown } from "./markdown.js";
import { buildDriftReport } from "./report.js";

const TOKEN = "cpt_drift_unit_token_0123456789abcdef";
let server: RunningServer;
let terraform: CallplaneClient;
let console_: CallplaneClient;
let ids: Record<"staging" | "scratch" | "sam" | "lee" | "pending" | "revoked" | "managedInvite" | "lea" | "ann" | "tia" | "ops" | "teamInvite" | "accepted" | "rogue", string>;

beforeAll(async () => {
  server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN });
  const client = (source: "console" | "terraform") => createCallplaneClient({ endpoint: server.url, token: TOKEN, maxRetries: 0, source });
  terraform = client("terraform");
  console_ = client("console");
  const staging = await terraform.environments.create({ name: "staging", maxConcurrentCalls: 10 });
  const scratch = await console_.environments.create({ name: "scratch", maxConcurrentCalls: 3, hidden: true });
  const sam = await terraform.users.create({ name: "Sam Ito", email: "sam@acme.test", role: "member" });
  const lee = await console_.users.create({ name: "Lee Park", email: "lee@acme.test", role: "viewer" });
  const pending = await console_.invitations.create({ email: "vic@acme.test", role: "viewer" });
  const revoked = await console_.invitations.create({ email: "rev@acme.test", role: "viewer" });
  await console_.invitations.revoke(revoked.id);
  const managedInvite = await terraform.invitations.create({ email: "kim@acme.test", role: "member" });
  // Kim accepted: the invitation Terraform manages is history, the user it made is nobody's.
  await console_.invitations.accept({ secret: managedInvite.secret, name: "Kim Lee", password: "correct-horse-battery" });
  // The hand edit the report must attribute: through the console, after Terraform's create.
  await console_.environments.update(staging.id, { maxConcurrentCalls: 5 });
  // People the team resource and a user resource manage, an invitation someone accepted, and an
  // admin added by hand (which the refresh put into the team's state).
  const ann = await terraform.users.create({ name: "Ann Lo", email: "ann@acme.test", role: "viewer" });
  const tia = await terraform.users.create({ name: "Tia Ray", email: "tia@acme.test", role: "member" });
  const ops = await terraform.users.create({ name: "Ops Bot", email: "ops@acme.test", role: "admin" });
  const teamInvite = await terraform.invitations.create({ email: "pend@acme.test", role: "viewer" });
  const lea = await terraform.invitations.create({ email: "lea@acme.test", role: "viewer" });
  const accepted = await console_.invitations.create({ email: "acc@acme.test", role: "viewer" });
  await console_.invitations.accept({ secret: accepted.secret, name: "Acc Epted", password: "correct-horse-battery" });
  const rogue = await console_.users.create({ name: "Rogue Admin", email: "rogue@acme.test", role: "admin", password: "correct-horse-battery" });
  ids = {
    staging: staging.id,
    scratch: scratch.id,
    sam: sam.id,
    lee: lee.id,
    pending: pending.id,
    revoked: revoked.id,
    managedInvite: managedInvite.id,
    lea: lea.id,
    ann: ann.id,
    tia: tia.id,
    ops: ops.id,
    teamInvite: teamInvite.id,
    accepted: accepted.id,
    rogue: rogue.id,
  };
});

afterAll(async () => {
  await server?.close();
});

/** A refresh-only plan: staging's capacity drifted; Terraform manages staging, Sam (by email) and Kim's invitation. */
function plan(): PlanJson {
  const stagingBefore = { id: ids.staging, name: "staging", hidden: false, max_concurrent_calls: 10 };
  return {
    format_version: "1.2",
    resource_drift: [{ address: "callplane_environment.staging", mode: "managed", type: "callplane_environment", name: "staging", change: { actions: ["update"], before: stagingBefore, after: { ...stagingBefore, max_concurrent_calls: 5 } } }],
    configuration: { root_module: { resources: [{ address: "callplane_environment.staging", mode: "managed", type: "callplane_environment", name: "staging", expressions: { name: {}, max_concurrent_calls: {} } }] } },
    prior_state: {
      values: {
        root_module: {
          resources: [
            { address: "callplane_environment.staging", mode: "managed", type: "callplane_environment", name: "staging", values: stagingBefore },
            { address: "callplane_role_assignment.sam", mode: "managed", type: "callplane_role_assignment", name: "sam", values: { email: "SAM@acme.test", role: "member" } },
            { address: "callplane_invitation.kim", mode: "managed", type: "callplane_invitation", name: "kim", values: { id: ids.managedInvite, email: "kim@acme.test" } },
          ],
        },
      },
    },
  } as PlanJson;
}

describe("drift report with the API", () => {
  it("names who changed a drifted attribute, through what and when", async () => {
    const report = await buildDriftReport(plan(), { client: terraform });
    expect(report.attributed).toBe(true);
    expect(report.notes).toEqual([]);
    const [staging] = report.drifted;
    expect(staging!.attributes).toEqual([
      { path: "max_concurrent_calls", before: { kind: "value", value: 10 }, after: { kind: "value", value: 5 }, changedBy: expect.objectContaining({ source: "console", action: "environment.update" }) },
    ]);
    const events = await terraform.auditEvents.list({ resourceType: "environment", resourceId: ids.staging }).firstPage();
    const edit = events.data.find((e) => e.source === "console")!;
    expect(staging!.attributes[0]!.changedBy).toEqual({ actor: edit.actor.name ?? edit.actor.id ?? edit.actor.type, source: "console", at: edit.occurredAt, action: "environment.update" });
  });

  it("lists users, open invitations and environments no resource manages, matching emails in any case", async () => {
    const report = await buildDriftReport(plan(), { client: terraform });
    const byId = new Map(report.unmanaged.map((u) => [u.id, u]));
    expect(byId.get(ids.scratch)).toEqual({ kind: "environment", id: ids.scratch, name: "scratch", detail: "3 concurrent calls, hidden" });
    expect(byId.get(ids.lee)).toEqual({ kind: "user", id: ids.lee, name: "lee@acme.test", detail: "Lee Park, viewer" });
    expect(byId.get(ids.pending)).toEqual({ kind: "invitation", id: ids.pending, name: "vic@acme.test", detail: "viewer, pending" });
    // Managed: staging, Sam (through his role assignment's email), Kim's invitation. Revoked
    // invitations are history, not objects.
    for (const id of [ids.staging, ids.sam, ids.managedInvite, ids.revoked]) expect(byId.has(id), id).toBe(false);
    const defaultEnvironment = report.unmanaged.find((u) => u.kind === "environment" && u.name === "default");
    expect(defaultEnvironment?.detail).toMatch(/^\d+ concurrent calls$/);
  });

  it("counts as managed what the state held before the refresh: a user or invitation resource, the team (in any case), never a data source", async () => {
    const member = (userId: string | null) => ({ user_id: userId, invitation_id: null, role: "member", status: userId ? "active" : "invited" });
    // Before the refresh the team had Tia (written in another case), Ops only among its members and
    // Pat's invitation; the refresh found Rogue added by hand.
    const teamBefore = { id: "team", assignments: { "Tia@Acme.test": "member", "pend@acme.test": "viewer" }, members: { "tia@acme.test": member(ids.tia), "ops@acme.test": member(ids.ops), "pend@acme.test": member(null) } };
    const teamAfter = { ...teamBefore, assignments: { ...teamBefore.assignments, "rogue@acme.test": "admin" }, members: { ...teamBefore.members, "rogue@acme.test": member(ids.rogue) } };
    const team = { address: "callplane_role_assignments.team", mode: "managed" as const, type: "callplane_role_assignments", name: "team" };
    const base = plan();
    const withTeam: PlanJson = {
      ...base,
      resource_drift: [...base.resource_drift!, { ...team, change: { actions: ["update"], before: teamBefore, after: teamAfter } }],
      prior_state: {
        values: {
          root_module: {
            resources: [
              ...base.prior_state!.values!.root_module!.resources!,
              { ...team, values: teamAfter },
              { address: "callplane_user.ann", mode: "managed", type: "callplane_user", name: "ann", values: { id: ids.ann, email: "ann@acme.test" } },
              { address: "callplane_invitation.lea", mode: "managed", type: "callplane_invitation", name: "lea", values: { id: ids.lea, email: "lea@acme.test" } },
              { address: "data.callplane_environment.scratch", mode: "data", type: "callplane_environment", name: "scratch", values: { id: ids.scratch, name: "scratch" } },
            ],
          },
        },
      },
    };
    const report = await buildDriftReport(withTeam, { client: terraform });
    expect(report.notes).toEqual([]);
    const unmanaged = report.unmanaged.map((u) => `${u.kind} ${u.name}`).sort();
    // The accepted invitation is history; the user it made is not managed.
    expect(unmanaged).toEqual(["environment default", "environment scratch", "invitation vic@acme.test", "user acc@acme.test", "user admin@callplane.local", "user kim@acme.test", "user lee@acme.test", "user rogue@acme.test"].sort());
  });

  it("says what it could not check when the API refuses, instead of failing", async () => {
    const refused = createCallplaneClient({ endpoint: server.url, token: "cpt_not_a_valid_token_000000000000", maxRetries: 0 });
    const report = await buildDriftReport(plan(), { client: refused });
    expect(report.drifted.map((r) => r.address)).toEqual(["callplane_environment.staging"]);
    expect(report.drifted[0]!.attributes[0]!.changedBy).toBeUndefined();
    expect(report.unmanaged).toEqual([]);
    expect(report.notes).toHaveLength(2);
    expect(report.notes[0]).toMatch(/^The audit log could not be read for callplane_environment\.staging: /);
    expect(report.notes[1]).toMatch(/^Unmanaged objects could not be listed: /);
    expect(renderDriftMarkdown(report)).toContain("| max_concurrent_calls | `10` | `5` | _not in the audit log_ |");
  });
});
