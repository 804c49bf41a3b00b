/**
 * Who made a drifted change: the newest audit event on the same object that touched the same
 * field. Terraform attribute names map to the API's camelCase fields.
 */
import type { AuditEvent, CallplaneClient } from "@callplane/sdk";
import type { ChangedBy } from "./model.js";

export interface AuditTarget {
  resourceType: "tenant" | "environment" | "concurrency" | "user" | "invitation";
  resourceId: string | null;
  /** API field names that carry the attribute. */
  fields: string[];
  /** Match an event that created or deleted the object, too. */
  lifecycle?: boolean;
  /** For split events: the environment whose allocation changed. */
  environmentId?: string;
}

export const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export class AuditLog {
  private readonly pages = new Map<string, Promise<AuditEvent[]>>();

  constructor(private readonly client: CallplaneClient) {}

  private events(target: AuditTarget): Promise<AuditEvent[]> {
    const key = `${target.resourceType}/${target.resourceId ?? ""}`;
    let page = this.pages.get(key);
    if (!page) {
      // Newest first; the newest hundred events on one object are plenty to find the last edit.
      const query = { resourceType: target.resourceType, limit: 100, ...(target.resourceId ? { resourceId: target.resourceId } : {}) };
      page = this.client.auditEvents.list(query).then((p) => p.data);
      this.pages.set(key, page);
    }
    return page;
  }

  async whoChanged(targets: AuditTarget[]): Promise<ChangedBy | undefined> {
    let newest: AuditEvent | undefined;
    for (const target of targets) {
      const match = (await this.events(target)).find((event) => touches(event, target));
      if (match && (!newest || match.occurredAt > newest.occurredAt)) newest = match;
    }
    return newest && { actor: newest.actor.name ?? newest.actor.id ?? newest.actor.type, source: newest.source, at: newest.occurredAt, action: newest.action };
  }
}

function touches(event: AuditEvent, target: AuditTarget): boolean {
  if (target.lifecycle && (event.before === null || event.after === null || /\.(create|delete|revoke|accept)$/.test(event.action))) return true;
  const before = event.before ?? {};
  const after = event.after ?? {};
  return target.fields.some((field) => {
    if (!(field in after) && !(field in before)) return false;
    if (field === "allocations" && target.environmentId) return allocationOf(before[field], target.environmentId) !== allocationOf(after[field], target.environmentId);
    return JSON.stringify(before[field]) !== JSON.stringify(after[field]);
  });
}

function allocationOf(list: unknown, environmentId: string): unknown {
  if (!Array.isArray(list)) return undefined;
  return (list as { environmentId?: unknown; maxConcurrentCalls?: unknown }[]).find((a) => a.environmentId === environmentId)?.maxConcurrentCalls;
}
