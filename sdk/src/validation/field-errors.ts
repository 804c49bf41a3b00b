/**
 * Field errors: where a value broke a rule, as the API reports them (`{ path, message }`).
 *
 * Paths join property names with dots and put array indexes in brackets:
 * `allocations[1].maxConcurrentCalls`. The empty path means the value as a whole.
 */
export interface FieldError {
  path: string;
  message: string;
}

export type PathSegment = string | number;

export function formatPath(segments: readonly PropertyKey[]): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else path += path ? `.${String(segment)}` : String(segment);
  }
  return path;
}

/** The inverse of {@link formatPath}: `a[1].b` → `["a", 1, "b"]`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

interface IssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Turns validation issues into field errors: one per offending field, unknown keys each on their own path. */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (segments: readonly PropertyKey[], message: string) => {
    const path = formatPath(segments);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push({ path, message });
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) add([...issue.path, key], issue.message);
    } else {
      add(issue.path, issue.message);
    }
  }
  return errors;
}

/** Reads as `billingEmail: must be an email address; zipCode: must be 3 to 10 characters`. */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
}
