/**
 * A drift report from a refresh-only plan: every configured attribute that changed outside
 * Terraform, who changed it (from the audit log), and the objects in the tenant that no resource
 * in the state manages.
 */
import type { CallplaneClient } from "@callplane/sdk";
import { configuredAttributes } from "../terraform/config.js";
import { asObject, asString, type JsonObject } from "../terraform/json.js";
import { stateResources, type PlanJson, type ResourceChange } from "../terraform/plan-json.js";
import { summarizeResource } from "../summary/build.js";
import { collectNames } from "../summary/names.js";
import { AuditLog, camel, type AuditTarget } from "./attribution.js";
import type { DriftedResource, DriftReport, UnmanagedObject } from "./model.js";


export interface DriftOptions {
  /** Reads the audit log and the tenant's objects; without it the report says what it skipped. */
  client?: CallplaneClient | undefined;
}

export async function buildDriftReport(plan: PlanJson, options: DriftOptions = {}): Promise<DriftReport> {
  const names = collectNames(plan);
  const configured = configuredAttributes(plan);
  const notes: string[] = [];
  const audit = options.client ? new AuditLog(options.client) : undefined;
  if (!audit) notes.push("Who made each change is not shown: no API token (set CALLPLANE_TOKEN and CALLPLANE_ENDPOINT).");

  const drifted: DriftedResource[] = [];
  for (const rc of (plan.resource_drift ?? []).filter((r) => r.mode === "managed")) {
    const summary = summarizeResource(rc, names, configured, { onlyConfigured: true });
    const deleted = summary.kind === "destroy";
    // From a `-json` log: which resource, not which values.
    const withoutValues = rc.change.before === null && rc.change.after === null;
    if (!deleted && !withoutValues && summary.diffs.length === 0) continue;
    const resource: DriftedResource = {
      address: rc.address,
      type: rc.type,
      ...(summary.label ? { label: summary.label } : {}),
      change: deleted ? "deleted" : "changed",
      attributes: summary.diffs.map((d) => ({ path: d.path, before: d.before, after: d.after })),
    };
    if (audit) {
      try {
        if (deleted) {
          const by = await audit.whoChanged(targetsFor(rc, undefined, undefined, names).map((t) => ({ ...t, lifecycle: true })));
          if (by) resource.changedBy = by;
        }
        for (const [i, d] of summary.diffs.entries()) {
          const by = await audit.whoChanged(targetsFor(rc, d.attribute, d.key, names));
          if (by) resource.attributes[i]!.changedBy = by;
        }
      } catch (error) {
        notes.push(`The audit log could not be read for ${rc.address}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    drifted.push(resource);
  }

  const unmanaged: UnmanagedObject[] = [];
  if (options.client) {
    try {
      unmanaged.push(...(await findUnmanaged(plan, options.client)));
    } catch (error) {
      notes.push(`Unmanaged objects could not be listed: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    notes.push("Unmanaged objects are not listed: no API token.");
  }
  if (drifted.some((r) => r.attributes.length === 0 && r.change === "changed")) {
    notes.push("A saved `-json` log names drifted resources but not their values: run `callplane drift <dir>` for attribute detail.");
  }
  return { drifted, unmanaged, attributed: audit !== undefined, notes, hasDrift: drifted.length > 0 };
}

/** Where the audit log records changes to one attribute of one resource. */
function targetsFor(rc: ResourceChange, attribute: string | undefined, key: string | undefined, names: ReturnType<typeof collectNames>): AuditTarget[] {
  const before = asObject(rc.change.before);
  const after = asObject(rc.change.after);
  const id = asString(before.id) ?? asString(after.id) ?? null;
  const fields = attribute ? [camel(attribute)] : [];
  switch (rc.type) {
    case "callplane_environment":
      return [{ resourceType: "environment", resourceId: id, fields }];
    case "callplane_tenant_settings":
      return [{ resourceType: "tenant", resourceId: id, fields }];
    case "callplane_user":
      return [{ resourceType: "user", resourceId: id, fields }];
    case "callplane_invitation":
      return [{ resourceType: "invitation", resourceId: id, fields: [...fields, "status"] }];
    case "callplane_concurrency_split": {
      // `key` is the environment's name; its allocation changes through the split or the environment.
      const environmentId = [...names.environmentById].find(([, name]) => name === key)?.[0] ?? key;
      if (!environmentId) return [{ resourceType: "concurrency", resourceId: null, fields: ["allocations"] }];
      return [
        { resourceType: "environment", resourceId: environmentId, fields: ["maxConcurrentCalls"] },
        { resourceType: "concurrency", resourceId: null, fields: ["allocations"], environmentId },
      ];
    }
    case "callplane_role_assignment":
      return personTargets(asObject(after), asObject(before));
    case "callplane_role_assignments": {
      const email = key ?? "";
      return personTargets(asObject(asObject(after.members)[email]), asObject(asObject(before.members)[email]));
    }
    default:
      return [];
  }
}

function personTargets(...records: JsonObject[]): AuditTarget[] {
  const targets: AuditTarget[] = [];
  for (const record of records) {
    const userId = asString(record.user_id);
    const invitationId = asString(record.invitation_id);
    if (userId) targets.push({ resourceType: "user", resourceId: userId, fields: ["role"], lifecycle: true });
    if (invitationId) targets.push({ resourceType: "invitation", resourceId: invitationId, fields: ["role", "status"], lifecycle: true });
  }
  return targets;
}

/** The state as Terraform had it before this refresh: drifted resources' old values, the rest as they are. */
function stateBeforeRefresh(plan: PlanJson): { type: string; values: JsonObject }[] {
  const old = new Map((plan.resource_drift ?? []).map((rc) => [rc.address, rc.change.before]));
  return stateResources(plan.prior_state?.values?.root_module)
    .filter((r) => r.mode === "managed")
    .map((r) => ({ type: r.type, values: asObject(old.has(r.address) ? old.get(r.address) : r.values) }));
}

async function findUnmanaged(plan: PlanJson, client: CallplaneClient): Promise<UnmanagedObject[]> {
  const environments = new Set<string>();
  const userIds = new Set<string>();
  const invitationIds = new Set<string>();
  const emails = new Set<string>();
  for (const { type, values } of stateBeforeRefresh(plan)) {
    const id = asString(values.id);
    const email = asString(values.email);
    if (type === "callplane_environment" && id) environments.add(id);
    if (type === "callplane_user" && id) userIds.add(id);
    if (type === "callplane_invitation" && id) invitationIds.add(id);
    if (type === "callplane_role_assignment" && email) emails.add(email.toLowerCase());
    // `members` also holds whom the team resource keeps without listing (the provider's own user).
    if (type === "callplane_role_assignments") for (const email of [...Object.keys(asObject(values.assignments)), ...Object.keys(asObject(values.members))]) emails.add(email.toLowerCase());
  }
  const [users, invitations, envs] = await Promise.all([
    client.users.list().toArray(),
    client.invitations.list().toArray(),
    client.environments.list({ includeHidden: true }).toArray(),
  ]);
  const found: UnmanagedObject[] = [];
  for (const user of users) {
    if (!userIds.has(user.id) && !emails.has(user.email.toLowerCase())) found.push({ kind: "user", id: user.id, name: user.email, detail: `${user.name}, ${user.role}` });
  }
  for (const invitation of invitations) {
    if (invitation.status === "accepted" || invitation.status === "revoked") continue;
    if (!invitationIds.has(invitation.id) && !emails.has(invitation.email.toLowerCase())) {
      found.push({ kind: "invitation", id: invitation.id, name: invitation.email, detail: `${invitation.role}, ${invitation.status}` });
    }
  }
  for (const env of envs) {
    if (!environments.has(env.id)) found.push({ kind: "environment", id: env.id, name: env.name, detail: `${env.maxConcurrentCalls} concurrent calls${env.hidden ? ", hidden" : ""}` });
  }
  return found;
}
