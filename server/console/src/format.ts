/** How dates, roles and statuses read on the page. */
import type { Role } from "@callplane/sdk";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A timestamp in the browser's local time, e.g. "23 Nov 2026, 14:05". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

export const ROLES: readonly Role[] = ["admin", "member", "operator", "viewer"];

export const ROLE_HELP: Record<Role, string> = {
  admin: "Admin: full configuration, manages users and the tenant",
  member: "Member: works with agents, no configuration",
  operator: "Operator: answers live conversations, has an operator schedule",
  viewer: "Viewer: read-only",
};

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A short, readable form of any JSON value for the audit log. */
export function brief(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") {
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return formatDate(value);
    return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  }
  if (typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // An actor reads as its name; a schedule as its size and zone.
    if (typeof record.name === "string" && "type" in record) return record.name;
    if (typeof record.timezone === "string" && Array.isArray(record.ranges)) return `${record.ranges.length} range${record.ranges.length === 1 ? "" : "s"} (UTC), entered in ${record.timezone}`;
  }
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
