/**
 * `callplane-server`: runs the local Callplane API. Flags win over environment variables.
 * The first line on stdout is the URL it listens on.
 */
import { parseArgs } from "node:util";
import { DEFAULTS, startServer, type ServerOptions } from "./app.js";

const HELP = `Usage: callplane-server [options]

  --host <host>              Interface to listen on (CALLPLANE_HOST; default ${DEFAULTS.host})
  --port <port>              Port; 0 picks a free one (CALLPLANE_PORT; default ${DEFAULTS.port})
  --db <path>                SQLite file, or :memory: (CALLPLANE_DB; default ${DEFAULTS.db})
  --bootstrap-token <token>  Admin API token to create on first start (CALLPLANE_BOOTSTRAP_TOKEN)
  --platform-token <token>   Token that may list and create tenants (CALLPLANE_PLATFORM_TOKEN)
  --invite-ttl <duration>    Default invitation lifetime: 7d, 12h, 30m, 45s (CALLPLANE_INVITE_TTL; default 7d)
  --rate-limit <n>           Requests per second per credential; off by default (CALLPLANE_RATE_LIMIT)
  --session-ttl <duration>   How long a sign-in with email and password lasts (CALLPLANE_SESSION_TTL; default 12h)
  --allow-signup             Let anyone create a tenant with POST /v1/signup and the console's
                             sign-up page (CALLPLANE_ALLOW_SIGNUP=1; off by default)
  --verbose                  Log one line per request to stderr (CALLPLANE_VERBOSE=1)
  --no-console               Serve only the API under /v1, not the Settings console at /
                             (CALLPLANE_CONSOLE=0; the console is on by default)
  --help                     Show this help
`;

export class UsageError extends Error {}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(value: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (!match || Number(match[1]) <= 0) throw new UsageError(`${name}: "${value}" is not a positive duration such as 7d, 12h, 30m or 45s`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

function parseCount(value: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${name}: "${value}" must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ServerOptions & { help: boolean } {
  const { values } = parseArgs({
    // `pnpm start -- --port 0` passes the `--` through.
    args: argv[0] === "--" ? argv.slice(1) : argv,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      db: { type: "string" },
      "bootstrap-token": { type: "string" },
      "platform-token": { type: "string" },
      "invite-ttl": { type: "string" },
      "rate-limit": { type: "string" },
      "session-ttl": { type: "string" },
      "allow-signup": { type: "boolean" },
      verbose: { type: "boolean" },
      "no-console": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  const port = values.port ?? env.CALLPLANE_PORT;
  const ttl = values["invite-ttl"] ?? env.CALLPLANE_INVITE_TTL;
  const rate = values["rate-limit"] ?? env.CALLPLANE_RATE_LIMIT;
  const sessionTtl = values["session-ttl"] ?? env.CALLPLANE_SESSION_TTL;
  const verbose = values.verbose ?? env.CALLPLANE_VERBOSE === "1";
  const noConsole = values["no-console"] ?? (env.CALLPLANE_CONSOLE === "0" || env.CALLPLANE_CONSOLE === "false");
  return {
    help: values.help ?? false,
    host: values.host ?? env.CALLPLANE_HOST ?? DEFAULTS.host,
    port: port === undefined ? DEFAULTS.port : parseCount(port, "--port", 0, 65535),
    db: values.db ?? env.CALLPLANE_DB ?? DEFAULTS.db,
    bootstrapToken: values["bootstrap-token"] ?? env.CALLPLANE_BOOTSTRAP_TOKEN,
    platformToken: values["platform-token"] ?? env.CALLPLANE_PLATFORM_TOKEN,
    inviteTtlMs: ttl === undefined ? DEFAULTS.inviteTtlMs : parseDuration(ttl, "--invite-ttl"),
    rateLimit: rate === undefined ? undefined : parseCount(rate, "--rate-limit", 1),
    sessionTtlMs: sessionTtl === undefined ? DEFAULTS.sessionTtlMs : parseDuration(sessionTtl, "--session-ttl"),
    allowSignup: values["allow-signup"] ?? (env.CALLPLANE_ALLOW_SIGNUP === "1" || env.CALLPLANE_ALLOW_SIGNUP === "true"),
    log: verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    console: !noConsole,
  };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    process.stderr.write(`callplane-server: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const server = await startServer(options);
  const stop = (signal: string) => {
    process.stderr.write(`callplane-server: ${signal}, shutting down\n`);
    void server.close().then(() => process.exit(0));
  };
  // Handlers first: whoever reads the URL may signal at once, and an unhandled SIGTERM kills.
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  let banner = `${server.url}\n`;
  if (server.bootstrap) {
    banner += `Created tenant ${server.bootstrap.tenantId} (plan limit 40, environment "default") and an admin user.\n`;
    if (!options.bootstrapToken) banner += `Admin API token, shown once: ${server.bootstrap.token}\n`;
  }
  // One write, so the URL never arrives without the lines that belong to it.
  process.stdout.write(banner);
  if (options.console !== false) process.stderr.write(`callplane-server: Settings console at ${server.url}/\n`);
}
