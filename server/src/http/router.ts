/**
 * A small router: `GET /v1/environments/{environmentId}` patterns, matched segment by segment.
 * Unknown paths answer 404 and known paths with another method 405, both as problems.
 */
import { problems } from "./problem.js";

export type Params = Record<string, string>;

interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

export interface Match<H> {
  handler: H;
  params: Params;
  /** The pattern, e.g. `/v1/environments/{environmentId}`. */
  pattern: string;
}

export class Router<H> {
  readonly #routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.#routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): Match<H> {
    const parts = path.split("/").filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params, pattern: `/${route.segments.join("/")}` };
      allowed.push(route.method);
    }
    if (allowed.length) throw problems.methodNotAllowed(allowed);
    throw problems.notFound(`No route for ${method} ${path}.`);
  }
}

function matchSegments(pattern: string[], parts: string[]): Params | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = parts[i]!;
    if (expected.startsWith("{")) {
      try {
        params[expected.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
