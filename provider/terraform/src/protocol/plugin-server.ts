// Serves a provider the way Terraform launches plugins: gRPC with mutual TLS
// on a private unix socket, announced by one handshake line on stdout.
import { mkdtempSync, rmdirSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSelfSignedCertificate } from "./certificate.js";
import { goPluginMethods } from "./go-plugin-services.js";
import { providerMethods, type LogFunction } from "./grpc-services.js";
import { createGrpcServer, type GrpcServerOptions, type UnaryMethod } from "./grpc-server.js";
import { handshakeLine, launchProblem } from "./handshake.js";
import { watchParent } from "./parent-watch.js";
import type { ProviderHandlers } from "./types.js";

export interface ServePluginOptions {
  /** Where log lines go; stdout is reserved for the handshake, so the default is stderr. */
  log?: LogFunction;
  /**
   * Wraps each provider method (request bytes in, response bytes out), as a gRPC interceptor
   * would: the benchmark answers from recorded calls with it to measure the transport alone.
   */
  wrapMethod?: (path: string, method: UnaryMethod) => UnaryMethod;
}

/** Terraform may send large states and configs; Go providers accept up to 256 MiB too. */
const maxMessageBytes = 256 * 1024 * 1024;
/** After Shutdown, how long open connections may take to close before we stop anyway. */
const shutdownGraceMs = 250;

const logToStderr: LogFunction = (message) => {
  process.stderr.write(`[callplane-provider] ${message}\n`);
};

/** Resolves once the handshake line is out; the process then lives until Terraform shuts it down. */
export async function servePlugin(handlers: ProviderHandlers, options: ServePluginOptions = {}): Promise<void> {
  const log = options.log ?? logToStderr;
  const problem = launchProblem(process.env);
  if (problem !== undefined) {
    process.stderr.write(problem);
    process.exit(1);
  }

  const { tls, certificateDer } = await serverTls(process.env.PLUGIN_CLIENT_CERT, log);

  const socketDir = mkdtempSync(join(process.env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), "callplane-plugin-"));
  const socketPath = join(socketDir, "plugin.sock");
  // The directory holds only the socket: two system calls, where rmSync's recursive removal
  // cost up to ~3 ms of every exit, which Terraform waits for.
  process.on("exit", () => {
    for (const remove of [() => unlinkSync(socketPath), () => rmdirSync(socketDir)]) {
      try {
        remove();
      } catch {
        // never created, or already gone
      }
    }
  });

  const housekeeping = goPluginMethods(shutDown);
  const server = createGrpcServer(
    { unary: new Map([...wrapped(providerMethods(handlers, log), options.wrapMethod), ...housekeeping.unary]), streams: housekeeping.streams },
    { ...(tls ? { tls } : {}), maxMessageBytes },
  );

  let closing = false;
  function shutDown(): void {
    if (closing) return;
    closing = true;
    server.close(shutdownGraceMs, () => process.exit(0)); // the exit hook removes the socket directory
  }

  // Ctrl-C reaches every process in the group; Terraform answers it by calling
  // StopProvider and then Shutdown, so the plugin must not die on its own.
  process.on("SIGINT", () => log("interrupt received; waiting for Terraform to stop the provider"));
  process.on("SIGTERM", () => process.exit(143));
  process.on("SIGHUP", () => process.exit(129));

  await server.listen(socketPath);
  process.stdout.write(handshakeLine(socketPath, certificateDer));
  // Terraform killed outright never calls Shutdown: leave with it rather than live on.
  watchParent(() => {
    log("the Terraform process that started this plugin is gone; exiting");
    process.exit(1);
  });
}

function wrapped(methods: Map<string, UnaryMethod>, wrap: ServePluginOptions["wrapMethod"]): Map<string, UnaryMethod> {
  return wrap ? new Map([...methods].map(([path, method]) => [path, wrap(path, method)])) : methods;
}

async function serverTls(
  clientCertificatePem: string | undefined,
  log: LogFunction,
): Promise<{ tls?: GrpcServerOptions["tls"]; certificateDer?: Uint8Array }> {
  if (!clientCertificatePem) {
    // go-plugin's behaviour: no client certificate means Terraform has AutoMTLS off and speaks plain gRPC.
    log("PLUGIN_CLIENT_CERT is not set; serving without TLS");
    return {};
  }
  const certificate = await createSelfSignedCertificate();
  return {
    tls: {
      // Read when the TLS context is made, after the handshake line (see grpc-server.ts).
      get key() {
        return certificate.privateKeyPem;
      },
      cert: certificate.certificatePem,
      clientCa: clientCertificatePem,
    },
    certificateDer: certificate.der,
  };
}
