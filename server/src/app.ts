/** Starting and stopping a Callplane server: database, bootstrap, HTTP. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { bootstrap, type BootstrapResult } from "./bootstrap.js";
import { systemClock, type Clock } from "./clock.js";
import { openDatabase } from "./db/database.js";
import { Store } from "./db/store.js";
import { routes } from "./domain/routes.js";
import type { SignInLimits } from "./auth/sign-in-limiter.js";
import { createHttpServer, type Timeouts } from "./http/server.js";
import { consoleHandler, isLoopbackInterface, type ConsoleOptions } from "./http/static.js";

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** A file path, or `:memory:` for a throwaway database. */
  db?: string;
  /** Use this exact token for the bootstrap admin (first start only). */
  bootstrapToken?: string | undefined;
  /** A token that may list and create tenants. */
  platformToken?: string | undefined;
  /** How long invitations last by default, in milliseconds. */
  inviteTtlMs?: number;
  /**
   * Requests per second per credential, and per client address for failed authentication and
   * for the public route; unlimited when undefined.
   */
  rateLimit?: number | undefined;
  /** How long a session from signing in with email and password lasts, in milliseconds (12 h). */
  sessionTtlMs?: number;
  /** Let anyone create a tenant with `POST /v1/signup` (and the console's sign-up page). Off by default. */
  allowSignup?: boolean;
  /** Limits on failed sign-ins (per email, per client address) and sign-ups (per address). */
  signInLimits?: Partial<SignInLimits> | undefined;
  /** Header, request and keep-alive timeouts; defaults in `DEFAULT_TIMEOUTS`. */
  timeouts?: Partial<Timeouts> | undefined;
  log?: ((line: string) => void) | undefined;
  /**
   * Where the server reads the time for every expiry, TTL and rate limit; the system clock by
   * default. Tests pass one they move forward themselves.
   */
  clock?: Clock | undefined;
  /**
   * The Settings console at `/` (the API stays under `/v1`). On by default; `false` turns it
   * off, so only the API answers. See docs/console.md.
   */
  console?: boolean | ConsoleOptions | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Set on the first start of an empty database. */
  bootstrap: BootstrapResult | undefined;
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 1000;

export const DEFAULTS = { host: "127.0.0.1", port: 8787, db: ".callplane/callplane.db", inviteTtlMs: 7 * 24 * 60 * 60 * 1000, sessionTtlMs: 12 * 60 * 60 * 1000 };

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const store = new Store(openDatabase(options.db ?? DEFAULTS.db));
  const clock = options.clock ?? systemClock;
  const host = options.host ?? DEFAULTS.host;
  // The token to prefill is known only once bootstrap has run (after listening): read it late.
  let prefillToken: string | undefined;
  const consoleOptions = options.console === false ? undefined : options.console === true || options.console === undefined ? {} : options.console;
  const allowSignup = options.allowSignup ?? false;
  const fallback = consoleOptions && consoleHandler({ dir: consoleOptions.dir, prefillToken: () => consoleOptions.prefillToken ?? prefillToken, allowSignup });
  const server: Server = createHttpServer({
    store,
    routes,
    settings: { inviteTtlMs: options.inviteTtlMs ?? DEFAULTS.inviteTtlMs, sessionTtlMs: options.sessionTtlMs ?? DEFAULTS.sessionTtlMs, allowSignup },
    platformToken: options.platformToken,
    rateLimit: options.rateLimit,
    signInLimits: options.signInLimits,
    timeouts: options.timeouts,
    log: options.log,
    clock,
    fallback,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? DEFAULTS.port, host, () => resolve());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  // Only once listening: a start that fails must not create a token nobody gets to see.
  const created = bootstrap(store, { token: options.bootstrapToken, now: new Date(clock.now()) });
  // Local mode: a server only this machine can reach offers its bootstrap token in the console.
  if (isLoopbackInterface(host)) prefillToken = created?.token ?? options.bootstrapToken;
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    store,
    bootstrap: created,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          clearTimeout(deadline);
          store.close();
          resolve();
        });
        server.closeIdleConnections();
        // Requests in flight get a grace period; connections that never finish a request
        // (a browser's preconnect) would otherwise keep the server open for ever.
        const deadline = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      })),
  };
}
