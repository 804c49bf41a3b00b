/**
 * Attribute-level differences of one resource change, with sensitive values masked and unknown
 * values marked. Masking trusts Terraform's sensitivity marks and, in case a provider forgot one,
 * also attribute names that always hold secrets.
 */
import { asObject, isPlainObject } from "./json.js";
import type { Change, Marks } from "./plan-json.js";

/** A value as a reviewer may see it. */
export type Shown =
  | { kind: "value"; value: unknown }
  | { kind: "sensitive" }
  | { kind: "unknown" }
  | { kind: "absent" };

export interface AttributeDiff {
  /** `name`, or `assignments["lee@acme.test"]` for one key of a map. */
  path: string;
  attribute: string;
  key?: string;
  before: Shown;
  after: Shown;
}

const SECRET_NAMES = /(^|_)(api_key|secret|password|token|initial_password)$/;

export function isSecretName(attribute: string): boolean {
  return SECRET_NAMES.test(attribute);
}

export function hasMark(marks: Marks | undefined): boolean {
  if (marks === true) return true;
  if (!marks || typeof marks !== "object") return false;
  return (Array.isArray(marks) ? marks : Object.values(marks)).some(hasMark);
}

function child(marks: Marks | undefined, key: string | number): Marks | undefined {
  if (!marks || typeof marks !== "object") return undefined;
  return (marks as Record<string, Marks>)[key as string];
}

/** Replaces unknown parts of a partly known value with a marker string. */
function fillUnknowns(value: unknown, marks: Marks | undefined): unknown {
  if (marks === true) return "(known after apply)";
  if (!marks || typeof marks !== "object") return value;
  if (Array.isArray(value)) return value.map((item, i) => fillUnknowns(item, child(marks, i)));
  const out: Record<string, unknown> = { ...(value as Record<string, unknown> | null ?? {}) };
  for (const key of Object.keys(marks)) out[key] = fillUnknowns(out[key], child(marks, key));
  return out;
}

export function show(value: unknown, sensitive: Marks | undefined, unknown: Marks | undefined, attribute: string, present: boolean): Shown {
  if (unknown === true) return { kind: "unknown" };
  if (!present) return { kind: "absent" };
  if (hasMark(sensitive) || (isSecretName(attribute) && value !== null && value !== undefined)) return { kind: "sensitive" };
  return { kind: "value", value: fillUnknowns(value, unknown) };
}

function same(a: Shown, b: Shown): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "value" && b.kind === "value") return JSON.stringify(a.value) === JSON.stringify(b.value);
  return a.kind !== "unknown";
}

/**
 * The attributes that differ between before and after. Maps listed in `perKey` are compared key
 * by key, so a team map shows one row per person rather than the whole map twice.
 */
export function attributeDiffs(change: Change, perKey: readonly string[] = []): AttributeDiff[] {
  const before = asObject(change.before);
  const after = asObject(change.after);
  const afterUnknown = change.after_unknown;
  const names = new Set([...Object.keys(before), ...Object.keys(after), ...(isPlainObject(afterUnknown) ? Object.keys(afterUnknown) : [])]);
  const diffs: AttributeDiff[] = [];
  for (const attribute of [...names].sort()) {
    const b = before[attribute];
    const a = after[attribute];
    const bSens = child(change.before_sensitive, attribute);
    const aSens = child(change.after_sensitive, attribute);
    const aUnknown = child(afterUnknown, attribute);
    const isCreate = change.before === null || change.before === undefined;
    const isDestroy = change.after === null || change.after === undefined;
    if (perKey.includes(attribute) && (isPlainObject(b) || isPlainObject(a)) && aUnknown !== true && !hasMark(bSens) && !hasMark(aSens)) {
      const keys = new Set([...Object.keys(isPlainObject(b) ? b : {}), ...Object.keys(isPlainObject(a) ? a : {})]);
      for (const key of [...keys].sort()) {
        const bv = isPlainObject(b) ? b[key] : undefined;
        const av = isPlainObject(a) ? a[key] : undefined;
        const shownBefore = show(bv, child(bSens, key), undefined, attribute, isPlainObject(b) && key in b);
        const shownAfter = show(av, child(aSens, key), child(aUnknown, key), attribute, isPlainObject(a) && key in a);
        if (!same(shownBefore, shownAfter)) diffs.push({ path: `${attribute}[${JSON.stringify(key)}]`, attribute, key, before: shownBefore, after: shownAfter });
      }
      continue;
    }
    const shownBefore = isCreate ? ({ kind: "absent" } as const) : show(b, bSens, undefined, attribute, true);
    const shownAfter = isDestroy ? ({ kind: "absent" } as const) : show(a, aSens, aUnknown, attribute, true);
    // A creation lists what it sets; nulls it leaves alone are noise.
    if (isCreate && shownAfter.kind === "value" && shownAfter.value === null) continue;
    if (isDestroy) continue;
    if (!same(shownBefore, shownAfter)) diffs.push({ path: attribute, attribute, before: shownBefore, after: shownAfter });
  }
  return diffs;
}

/** Inline Markdown for a shown value. */
export function formatShown(shown: Shown): string {
  switch (shown.kind) {
    case "sensitive":
      return "_(sensitive)_";
    case "unknown":
      return "_(known after apply)_";
    case "absent":
      return "—";
    case "value":
      return code(shown.value);
  }
}

export function code(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const safe = text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  // A value holding a backtick needs a longer fence, padded so the value's own backticks stay inside.
  return safe.includes("`") ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}
