// Plays Terraform's part for tests: launches the fake provider the way
// Terraform does, reads the handshake, and calls it over mutual TLS.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import { toPem, type SelfSignedCertificate } from "../certificate.js";
import { terraformMagicCookieKey, terraformMagicCookieValue } from "../handshake.js";
import { messageCodec, type WireMessage } from "../wire-codec.js";

export const fakeProviderPath = fileURLToPath(new URL("fake-provider.ts", import.meta.url));
/** tsx's loader by absolute path, so the plugin can start from any working directory. */
export const tsxLoaderPath = createRequire(import.meta.url).resolve("tsx");

export interface Handshake {
  line: string;
  socketPath: string;
  serverCertificatePem: string;
}

export interface LaunchedPlugin {
  child: ChildProcess;
  handshake: Handshake;
  stderr: () => string;
  exited: Promise<number | null>;
}

export function terraformEnvironment(clientCertificatePem: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    [terraformMagicCookieKey]: terraformMagicCookieValue,
    PLUGIN_PROTOCOL_VERSIONS: "6",
    PLUGIN_CLIENT_CERT: clientCertificatePem,
  };
}

export function parseHandshake(line: string): Handshake {
  const match = /^1\|6\|unix\|([^|]+)\|grpc\|([A-Za-z0-9+/]+)$/.exec(line);
  if (!match?.[1] || !match[2]) throw new Error(`not a handshake line: ${JSON.stringify(line)}`);
  return { line, socketPath: match[1], serverCertificatePem: toPem("CERTIFICATE", Buffer.from(match[2], "base64")) };
}

export async function launchFakeProvider(env: NodeJS.ProcessEnv): Promise<LaunchedPlugin> {
  const child = spawn(process.execPath, ["--import", tsxLoaderPath, fakeProviderPath], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    void exited.then((code) => reject(new Error(`plugin exited (${String(code)}) before handshake: ${stderr}`)));
  });
  return { child, handshake: parseHandshake(firstLine), stderr: () => stderr, exited };
}

export function connect(handshake: Handshake, client: SelfSignedCertificate | undefined): grpc.Client {
  const credentials = grpc.credentials.createSsl(
    Buffer.from(handshake.serverCertificatePem),
    client ? Buffer.from(client.privateKeyPem) : null,
    client ? Buffer.from(client.certificatePem) : null,
  );
  return new grpc.Client(`unix://${handshake.socketPath}`, credentials, {
    "grpc.ssl_target_name_override": "localhost",
    "grpc.default_authority": "localhost",
  });
}

/** Calls `/<service>/<method>` with messages named like our .proto ("tfplugin6.X.Request"). */
export function callUnary(
  client: grpc.Client,
  path: string,
  requestType: string,
  responseType: string,
  request: WireMessage,
): Promise<WireMessage> {
  const requestCodec = messageCodec(requestType);
  const responseCodec = messageCodec(responseType);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      path,
      requestCodec.encode,
      responseCodec.decode,
      request,
      new grpc.Metadata(),
      { deadline: Date.now() + 5000 },
      (error, response) => (error || !response ? reject(error ?? new Error("no response")) : resolve(response)),
    );
  });
}

/** Shorthand for tfplugin6.Provider calls. */
export function callProvider(client: grpc.Client, rpc: string, request: WireMessage = {}): Promise<WireMessage> {
  return callUnary(client, `/tfplugin6.Provider/${rpc}`, `tfplugin6.${rpc}.Request`, `tfplugin6.${rpc}.Response`, request);
}
