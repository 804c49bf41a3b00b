/**
 * Attribute paths: where in a value something is.
 *
 * A path is a list of steps from the root value: an object attribute, a map key or a list/tuple
 * index. Terraform diagnostics point at attributes with the same three kinds of steps, so the
 * provider framework can turn a `PathStep[]` into a tfplugin6 `AttributePath` one to one.
 */
import type { Type } from "./types.js";

export type PathStep = { attribute: string } | { key: string } | { index: number };
export type Path = readonly PathStep[];

/**
 * Formats a path the way Terraform shows one: `allocations[2].environment_id`,
 * `assignments["ops@acme.test"]`. The empty path (the value as a whole) is `""`.
 */
export function formatPath(steps: Path): string {
  let out = "";
  for (const step of steps) {
    if ("attribute" in step) out += out === "" ? step.attribute : `.${step.attribute}`;
    else if ("key" in step) out += `[${JSON.stringify(step.key)}]`;
    else out += `[${step.index}]`;
  }
  return out;
}

/**
 * `maxConcurrentCalls` → `max_concurrent_calls`, `logoUrl` → `logo_url`, `URLPath` → `url_path`,
 * `e164Number` → `e164_number`. Names already in snake_case are returned unchanged.
 */
export function camelToSnake(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

type Token = { name: string } | { key: string } | { index: number };

/**
 * Splits an API field path into tokens. Grammar: `name`, `.name`, `[12]`, `["quoted key"]`
 * (a JSON string) and `[unquoted key]`. Stops at the first character that does not fit, keeping
 * what came before.
 */
function tokenize(path: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === "[") {
      if (path[i + 1] === '"') {
        // A JSON string: find its closing quote, skipping escapes.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === "\\" ? 2 : 1;
        if (path[j + 1] !== "]") break;
        let key: unknown;
        try {
          key = JSON.parse(path.slice(i + 1, j + 1));
        } catch {
          break;
        }
        tokens.push({ key: String(key) });
        i = j + 2;
      } else {
        const close = path.indexOf("]", i + 1);
        if (close < 0) break;
        const inner = path.slice(i + 1, close);
        if (/^\d+$/.test(inner)) tokens.push({ index: Number(inner) });
        else if (inner !== "") tokens.push({ key: inner });
        else break;
        i = close + 1;
      }
      continue;
    }
    if (c === ".") {
      if (tokens.length === 0) break;
      i++;
    } else if (tokens.length > 0) {
      break; // a name must follow a dot (or start the path)
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
    if (j === i) break;
    tokens.push({ name: path.slice(i, j) });
    i = j;
  }
  return tokens;
}

/**
 * Turns a Callplane API field path (`allocations[1].maxConcurrentCalls`, camelCase, dots between
 * names, indexes in brackets) into Terraform path steps with snake_case attribute names:
 * `[{attribute: "allocations"}, {index: 1}, {attribute: "max_concurrent_calls"}]`.
 * The empty path (the request body as a whole) gives `[]`.
 *
 * Without a type, every name is an attribute, `[n]` an index and `["k"]` a map key.
 *
 * With the resource's `type`, the path is checked against it and stops at the last step that
 * exists, so a diagnostic always lands on a real attribute:
 * - an object name is looked up in snake_case first, then as given;
 * - inside a map the next name is a key, not an attribute, and is not renamed; keys written with
 *   dots (`assignments.ops@acme.test.role`) take every name up to the next one that is an
 *   attribute of the map's element object (or the rest of the path);
 * - set elements cannot be addressed in Terraform, so the path stops at the set; also at dynamic.
 *
 * A malformed path is read up to the first character that does not fit.
 */
export function parseApiPath(path: string, type?: Type): PathStep[] {
  const tokens = tokenize(path);
  if (type === undefined) {
    return tokens.map((token): PathStep => ("name" in token ? { attribute: camelToSnake(token.name) } : token));
  }

  const steps: PathStep[] = [];
  let current: Type = type;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    switch (current.kind) {
      case "object": {
        if (!("name" in token)) return steps;
        const snake = camelToSnake(token.name);
        const name = Object.hasOwn(current.attributes, snake)
          ? snake
          : Object.hasOwn(current.attributes, token.name)
            ? token.name
            : undefined;
        if (name === undefined) return steps;
        steps.push({ attribute: name });
        current = current.attributes[name]!;
        i++;
        break;
      }
      case "list":
      case "tuple": {
        if (!("index" in token)) return steps;
        const element: Type | undefined =
          current.kind === "list" ? current.element : current.elements[token.index];
        if (element === undefined) return steps;
        steps.push({ index: token.index });
        current = element;
        i++;
        break;
      }
      case "map": {
        const element: Type = current.element;
        if ("key" in token) {
          steps.push({ key: token.key });
          i++;
        } else if ("index" in token) {
          steps.push({ key: String(token.index) });
          i++;
        } else {
          // A dotted key: gather names until one is an attribute of the element object.
          const parts = [token.name];
          i++;
          while (i < tokens.length) {
            const next = tokens[i]!;
            if (!("name" in next)) break;
            if (element.kind === "object" && isAttributeName(element, next.name)) break;
            parts.push(next.name);
            i++;
          }
          steps.push({ key: parts.join(".") });
        }
        current = element;
        break;
      }
      default:
        return steps;
    }
  }
  return steps;
}

function isAttributeName(type: Type & { kind: "object" }, name: string): boolean {
  return Object.hasOwn(type.attributes, camelToSnake(name)) || Object.hasOwn(type.attributes, name);
}
