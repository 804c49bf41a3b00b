import type { CallplaneCore, RequestOptions } from "../core/core.js";
import type { WithResponse } from "../core/response.js";
import type { Session, SessionCreate, SessionWithToken, SignedUp, SignUp } from "../types.js";

/**
 * Signing in with email and password, signing out, and signing up.
 *
 * A session token acts like an API token with the user's role (read again at every call)
 * until it expires or the user signs out. Hand it to a new client:
 *
 * ```ts
 * const anonymous = createCallplaneClient({ endpoint: "http://127.0.0.1:8787" });
 * const { token, user, expiresAt } = await anonymous.sessions.create({ email: "lee@acme.test", password: "correct-horse-battery" });
 * const callplane = createCallplaneClient({ endpoint: "http://127.0.0.1:8787", token });
 * console.log(`${user.name} (${user.role}) until ${expiresAt}`);
 * await callplane.sessions.signOut();
 * ```
 */
export class SessionsResource {
  constructor(private readonly core: CallplaneCore) {}

  /**
   * Signs in. The answer's `token` is the session's credential, seen only here: pass it as
   * `token` to `createCallplaneClient`. A wrong email or password rejects with
   * `AuthenticationError`; too many failures with `RateLimitError` (see its `retryAfterMs`).
   *
   * @example
   * ```ts
   * const { token } = await createCallplaneClient({ endpoint }).sessions.create({ email, password });
   * const callplane = createCallplaneClient({ endpoint, token });
   * ```
   */
  create(body: SessionCreate, options?: RequestOptions): Promise<WithResponse<SessionWithToken>> {
    return this.core.call("createSession", options, (init) => this.core.api.POST("/v1/sessions", { ...init, body }));
  }

  /**
   * The session this client signs in with: its user (with their current role) and expiry.
   *
   * @example
   * ```ts
   * const { user } = await callplane.sessions.current();
   * if (user.role !== "admin") console.log("Read-only: only admins change settings.");
   * ```
   */
  current(options?: RequestOptions): Promise<WithResponse<Session>> {
    return this.core.call("getCurrentSession", options, (init) => this.core.api.GET("/v1/sessions/current", init));
  }

  /**
   * Signs out: this client's session token stops working at once.
   *
   * @example
   * ```ts
   * await callplane.sessions.signOut();
   * ```
   */
  async signOut(options?: RequestOptions): Promise<void> {
    await this.core.call("deleteCurrentSession", options, (init) => this.core.api.DELETE("/v1/sessions/current", init));
  }

  /**
   * Creates a tenant (default plan limit, a `default` environment) with the caller as its
   * admin, and signs them in. Only on servers started with `--allow-signup`; others reject
   * with `PermissionError`.
   *
   * @example
   * ```ts
   * const { tenant, session } = await createCallplaneClient({ endpoint }).sessions.signUp({
   *   tenantName: "Acme Voice", name: "Olivia Stone", email: "ops@acme.test", password: "a-long-passphrase",
   * });
   * const callplane = createCallplaneClient({ endpoint, token: session.token });
   * ```
   */
  signUp(body: SignUp, options?: RequestOptions): Promise<WithResponse<SignedUp>> {
    return this.core.call("signUp", options, (init) => this.core.api.POST("/v1/signup", { ...init, body }));
  }
}
