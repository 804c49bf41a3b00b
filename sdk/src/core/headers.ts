import type { Middleware } from "./middleware.js";
import { withHeaders } from "./middleware.js";

export interface HeaderSettings {
  token: string | undefined;
  userAgent: string;
  source: string;
}

/** Adds the bearer credential, the User-Agent and where the change comes from (for the audit log). */
export function headersMiddleware(settings: HeaderSettings): Middleware {
  const headers: Record<string, string> = {
    "User-Agent": settings.userAgent,
    "X-Callplane-Source": settings.source,
    Accept: "application/json, application/problem+json",
  };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  return (request, next) => next(withHeaders(request, headers));
}
