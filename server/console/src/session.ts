/**
 * Signing in: an SDK client for this server that says `console` to the audit log, and who it
 * acts as.
 *
 * With email and password the server answers with a session token and its user. The session
 * token is kept in `sessionStorage` (this tab only, gone when it closes; never `localStorage`
 * and never in a URL), so a reload stays signed in; the user is read again from the API.
 *
 * With an API token (the local-development form), the console finds its own token among the
 * tenant's API tokens by its masked form (prefix and last four characters) and reads the
 * owner's role. An API token lives only in memory.
 *
 * Any call answered 401 (the session ended, the user was deleted) ends the console's session:
 * `onSessionEnded` tells the app, which returns to the sign-in page.
 */
import {
  AuthenticationError,
  CallplaneError,
  ConnectionError,
  PermissionError,
  PreconditionFailedError,
  createCallplaneClient,
  maskSecret,
  type CallplaneClient,
  type Middleware,
  type Role,
  type SessionWithToken,
  type SignUp,
  type Tenant,
  type User,
} from "@callplane/sdk";
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export interface Identity {
  /** Who acts: a user's name, or "Tenant API key". */
  name: string;
  /** Undefined when it could not be told (the API still decides every write). */
  role: Role | undefined;
  scope: "read" | "write" | undefined;
}

export interface Session {
  /** `session`: signed in with email and password; `token`: with an API token or key. */
  kind: "session" | "token";
  client: CallplaneClient;
  /** The signed-in user, for sessions (and API tokens owned by a user). */
  user: User | undefined;
  tenant: Tenant;
  who: Identity;
  /** Why this session may not change settings; undefined when it may. */
  readOnlyReason: string | undefined;
}

const STORAGE_KEY = "callplane.session";

const ended = new Set<(client: CallplaneClient) => void>();

/** Called with the client whose credential stopped working (a 401 answer). */
export function onSessionEnded(listener: (client: CallplaneClient) => void): () => void {
  ended.add(listener);
  return () => ended.delete(listener);
}

export function consoleClient(token: string | undefined, endpoint = globalThis.location.origin): CallplaneClient {
  const watch: Middleware = async (request, next) => {
    const response = await next(request);
    if (response.status === 401 && token) for (const listener of ended) listener(client);
    return response;
  };
  const client = createCallplaneClient({
    endpoint,
    ...(token ? { token } : {}),
    source: "console",
    // Signing in is never retried: a 429 there asks for minutes, not seconds.
    maxRetries: token ? 1 : 0,
    timeoutMs: 15_000,
    fetch: (request) => globalThis.fetch(request),
    middleware: [watch],
  });
  return client;
}

export async function signIn(token: string, endpoint?: string): Promise<Session> {
  const trimmed = token.trim();
  if (!trimmed) throw new Error("Enter an API token or the tenant API key.");
  if (trimmed.startsWith("cps_")) return resume(trimmed, endpoint);
  const client = consoleClient(trimmed, endpoint);
  const tenant = await client.tenant.get();
  const who = await identify(client, trimmed);
  return { kind: "token", client, user: undefined, tenant, who, readOnlyReason: readOnlyReason(tenant, who) };
}

/** Signs in with email and password. */
export async function signInWithPassword(email: string, password: string, endpoint?: string): Promise<Session> {
  const session = await consoleClient(undefined, endpoint).sessions.create({ email: email.trim(), password });
  return started(session, endpoint);
}

/** Creates a tenant with this person as its admin, signed in. */
export async function signUp(input: SignUp, endpoint?: string): Promise<Session> {
  const { session } = await consoleClient(undefined, endpoint).sessions.signUp(input);
  return started(session, endpoint);
}

/** Accepts an invitation, which signs the new user in. */
export async function acceptInvitation(input: { secret: string; name: string; password: string }, endpoint?: string): Promise<Session> {
  const accepted = await consoleClient(undefined, endpoint).invitations.accept(input);
  return started(accepted.session, endpoint);
}

async function started(session: SessionWithToken, endpoint: string | undefined): Promise<Session> {
  const signedIn = await withSession(consoleClient(session.token, endpoint), session.user);
  globalThis.sessionStorage?.setItem(STORAGE_KEY, session.token);
  return signedIn;
}

async function resume(token: string, endpoint: string | undefined): Promise<Session> {
  const client = consoleClient(token, endpoint);
  const { user } = await client.sessions.current();
  return withSession(client, user);
}

async function withSession(client: CallplaneClient, user: User): Promise<Session> {
  const tenant = await client.tenant.get();
  const who: Identity = { name: user.name, role: user.role, scope: "write" };
  return { kind: "session", client, user, tenant, who, readOnlyReason: readOnlyReason(tenant, who) };
}

/** The session this tab signed in with before a reload, if it is still good. */
export async function restoreSession(endpoint?: string): Promise<Session | undefined> {
  const token = globalThis.sessionStorage?.getItem(STORAGE_KEY);
  if (!token) return undefined;
  try {
    return await resume(token, endpoint);
  } catch {
    forgetSession();
    return undefined;
  }
}

export function forgetSession(): void {
  globalThis.sessionStorage?.removeItem(STORAGE_KEY);
}

/** Ends a session on the server too; an API token is just forgotten. */
export async function signOut(session: Session): Promise<void> {
  forgetSession();
  if (session.kind === "session") await session.client.sessions.signOut().catch(() => undefined);
}

async function identify(client: CallplaneClient, token: string): Promise<Identity> {
  if (token.startsWith("cpk_")) return { name: "Tenant API key", role: "admin", scope: "write" };
  const masked = maskSecret(token);
  const tokens = (await client.apiTokens.list({ limit: 100 }).toArray(1000)).filter((t) => t.tokenMasked === masked);
  // The token in use was just used: prefer the most recently used match.
  tokens.sort((a, b) => (b.lastUsedAt ?? "").localeCompare(a.lastUsedAt ?? ""));
  const mine = tokens[0];
  if (!mine) return { name: "API token", role: undefined, scope: undefined };
  if (mine.owner.type === "user" && mine.owner.id) {
    try {
      const user = await client.users.get(mine.owner.id);
      return { name: user.name, role: user.role, scope: mine.scope };
    } catch {
      return { name: mine.owner.name, role: undefined, scope: mine.scope };
    }
  }
  return { name: mine.owner.name, role: "admin", scope: mine.scope };
}

export function readOnlyReason(tenant: Tenant, who: Identity): string | undefined {
  if (tenant.readOnly) return "This tenant is read-only: it cannot be edited from the console. Contact support to change it.";
  if (who.role && who.role !== "admin") {
    return `You are signed in as ${article(who.role)} ${who.role}. Only admins may change settings; ask an admin to change your role or to make the change for you.`;
  }
  if (who.scope === "read") return "This API token has read scope: it can read settings but not change them. Sign in with a write token.";
  return undefined;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

/** A sentence for people, for any failure of a call. Secrets never appear (the SDK redacts them). */
export function describeError(error: unknown): string {
  if (error instanceof PermissionError) {
    const detail = error.detail ?? error.title;
    return /^permission denied/i.test(detail) ? detail : `Permission denied: ${detail}`;
  }
  if (error instanceof AuthenticationError) return `Not signed in: ${error.detail ?? error.title} Sign in again with a valid token.`;
  if (error instanceof PreconditionFailedError) return "Someone changed this since you opened it. Close this form, look at the new values and try again.";
  if (error instanceof ConnectionError) return "The Callplane server does not answer. Is it still running?";
  if (error instanceof CallplaneError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The API's field errors by path (the first message for each). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (error instanceof CallplaneError) for (const { path, message } of error.fieldErrors) errors[path] ??= message;
  return errors;
}

export type SessionValue = Session & {
  /** Keeps the header and the read-only state in step after the tenant changed. */
  setTenant: (tenant: Tenant) => void;
};

export const SessionContext = createContext<SessionValue | undefined>(undefined);

/** The signed-in session, and whether it may change settings. */
export function useSession(): SessionValue & { canWrite: boolean } {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in console");
  return { ...session, canWrite: session.readOnlyReason === undefined };
}
