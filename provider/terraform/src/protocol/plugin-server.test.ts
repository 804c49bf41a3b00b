// Talks to the fake provider over the real transport, as Terraform would.
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { decode, encode, ExtData } from "@msgpack/msgpack";
import type * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "./certificate.js";
import {
  callProvider,
  callUnary,
  connect,
  fakeProviderPath,
  launchFakeProvider,
  parseHandshake,
  terraformEnvironment,
  tsxLoaderPath,
  type LaunchedPlugin,
} from "./testing/plugin-harness.js";
import type { WireMessage } from "./wire-codec.js";

const grpcStatus = { unavailable: 14, unimplemented: 12 };

function msgpackOf(value: unknown): WireMessage {
  return { msgpack: encode(value) };
}

function decodeMsgpack(value: unknown): unknown {
  return decode((value as { msgpack: Uint8Array }).msgpack);
}

describe("plugin server", () => {
  let terraformSide: SelfSignedCertificate;
  let plugin: LaunchedPlugin;
  let client: grpc.Client;

  beforeAll(async () => {
    terraformSide = await createSelfSignedCertificate();
    plugin = await launchFakeProvider(terraformEnvironment(terraformSide.certificatePem));
    client = connect(plugin.handshake, terraformSide);
  });

  afterAll(() => {
    client?.close();
    plugin?.child.kill("SIGKILL");
  });

  it("announces a unix socket and a localhost CA certificate valid for a short time", () => {
    const { socketPath, serverCertificatePem } = plugin.handshake;
    expect(statSync(socketPath).isSocket()).toBe(true);
    const certificate = new X509Certificate(serverCertificatePem);
    expect(certificate.subjectAltName).toBe("DNS:localhost");
    expect(certificate.ca).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(certificate.keyUsage).toEqual(expect.arrayContaining(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]));
    const lifetimeMs = Date.parse(certificate.validTo) - Date.parse(certificate.validFrom);
    expect(lifetimeMs).toBeLessThanOrEqual(2 * 24 * 3600 * 1000);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });

  it("answers GetProviderSchema with the handler's schemas and capabilities", async () => {
    const response = await callProvider(client, "GetProviderSchema");
    const resource = response.resource_schemas as Record<string, { block: { attributes: WireMessage[] } }>;
    const attributes = resource.callplane_smoke?.block.attributes ?? [];
    expect(attributes.map((a) => [a.name, Buffer.from(a.type as Uint8Array).toString(), a.required ?? false, a.computed ?? false])).toEqual([
      ["id", '"string"', false, true],
      ["name", '"string"', true, false],
    ]);
    expect(response.server_capabilities).toEqual({ plan_destroy: true, get_provider_schema_optional: true });
    expect((response.provider as { block: { attributes: WireMessage[] } }).block.attributes[0]).toMatchObject({
      name: "endpoint",
      optional: true,
    });
    expect(response.diagnostics).toEqual([]);
  });

  it("plans a create with an unknown id and a rename as a replacement", async () => {
    const created = await callProvider(client, "PlanResourceChange", {
      type_name: "callplane_smoke",
      prior_state: { msgpack: Uint8Array.of(0xc0) },
      proposed_new_state: msgpackOf({ id: null, name: "first" }),
      config: msgpackOf({ id: null, name: "first" }),
    });
    // d4 00 00 is msgpack's unknown, which Terraform shows as "(known after apply)".
    const expected = encode({ id: new ExtData(0, Uint8Array.of(0)), name: "first" });
    expect(Buffer.from((created.planned_state as { msgpack: Uint8Array }).msgpack)).toEqual(Buffer.from(expected));

    const renamed = await callProvider(client, "PlanResourceChange", {
      type_name: "callplane_smoke",
      prior_state: msgpackOf({ id: "smoke-first", name: "first" }),
      proposed_new_state: msgpackOf({ id: "smoke-first", name: "second" }),
      config: msgpackOf({ id: null, name: "second" }),
    });
    expect(decodeMsgpack(renamed.planned_state)).toEqual({ id: "smoke-first", name: "second" });
    expect(renamed.requires_replace).toEqual([{ steps: [{ attribute_name: "name", selector: "attribute_name" }] }]);
  });

  it("answers UNIMPLEMENTED for RPCs without a handler", async () => {
    await expect(callProvider(client, "ReadDataSource", { type_name: "callplane_anything" })).rejects.toMatchObject({
      code: grpcStatus.unimplemented,
    });
    await expect(callProvider(client, "GetMetadata")).rejects.toMatchObject({ code: grpcStatus.unimplemented });
  });

  it("turns a throwing handler into an error diagnostic and keeps serving", async () => {
    const response = await callProvider(client, "ValidateResourceConfig", {
      type_name: "callplane_explode",
      config: msgpackOf({}),
    });
    expect(response.diagnostics).toEqual([
      expect.objectContaining({ severity: "ERROR", detail: expect.stringContaining("kaboom") as unknown }),
    ]);
    // stderr is a separate pipe from the socket: the line may arrive just after the answer.
    await vi.waitFor(() => expect(plugin.stderr()).toContain("kaboom"));
    await expect(callProvider(client, "ValidateProviderConfig", { config: msgpackOf({}) })).resolves.toEqual({
      diagnostics: [],
    });
  });

  it("refuses a client without the certificate Terraform announced", async () => {
    const stranger = await createSelfSignedCertificate();
    for (const credentials of [stranger, undefined]) {
      const other = connect(plugin.handshake, credentials);
      await expect(callProvider(other, "GetProviderSchema")).rejects.toMatchObject({ code: grpcStatus.unavailable });
      other.close();
    }
  });
});

describe("plugin with a method wrapper (servePlugin's wrapMethod)", () => {
  it("sees the path of every provider call and may answer in the method's place", async () => {
    const terraformSide = await createSelfSignedCertificate();
    const callLog = join(mkdtempSync(join(tmpdir(), "callplane-wrap-")), "calls.txt");
    const plugin = await launchFakeProvider({ ...terraformEnvironment(terraformSide.certificatePem), FAKE_PROVIDER_CALL_LOG: callLog });
    const client = connect(plugin.handshake, terraformSide);
    try {
      // The wrapper answers GetProviderSchema with an empty message: no schemas at all.
      const schema = await callProvider(client, "GetProviderSchema");
      expect(schema.resource_schemas ?? {}).toEqual({});
      // Other calls go through to the provider's own method.
      const planned = await callProvider(client, "PlanResourceChange", {
        type_name: "callplane_smoke",
        prior_state: msgpackOf({ id: "smoke-a", name: "a" }),
        proposed_new_state: msgpackOf({ id: "smoke-a", name: "a" }),
        config: msgpackOf({ id: null, name: "a" }),
      });
      expect(decodeMsgpack(planned.planned_state)).toEqual({ id: "smoke-a", name: "a" });
      expect(readFileSync(callLog, "utf8").trim().split("\n")).toEqual([
        "/tfplugin6.Provider/GetProviderSchema",
        "/tfplugin6.Provider/PlanResourceChange",
      ]);
    } finally {
      client.close();
      plugin.child.kill("SIGKILL");
    }
  });
});

describe("plugin Shutdown", () => {
  it("exits promptly (before go-plugin's 2 s kill) and removes its socket directory", async () => {
    // A plugin of its own: the other tests need theirs running, in whatever order they run.
    const terraformSide = await createSelfSignedCertificate();
    const plugin = await launchFakeProvider(terraformEnvironment(terraformSide.certificatePem));
    const client = connect(plugin.handshake, terraformSide);
    try {
      const socketDir = dirname(plugin.handshake.socketPath);
      // An open stdio stream, as Terraform keeps one, must not hold the process.
      const stdio = client.makeServerStreamRequest(
        "/plugin.GRPCStdio/StreamStdio",
        () => Buffer.alloc(0),
        (bytes: Buffer) => bytes,
        {},
      );
      stdio.on("error", () => undefined);
      const started = Date.now();
      await callUnary(client, "/plugin.GRPCController/Shutdown", "plugin.Empty", "plugin.Empty", {});
      await expect(plugin.exited).resolves.toBe(0);
      // Typically ~100 ms. Terraform (go-plugin) kills a plugin still running 2 s after Shutdown.
      expect(Date.now() - started).toBeLessThan(2000);
      expect(existsSync(socketDir)).toBe(false);
    } finally {
      client.close();
      plugin.child.kill("SIGKILL");
    }
  });
});

describe("plugin launch outside Terraform", () => {
  it("explains itself on stderr, prints nothing on stdout and exits 1", async () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const child = spawn(process.execPath, ["--import", tsxLoaderPath, fakeProviderPath], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("Terraform plugin");
  });
});

describe("plugin whose Terraform is killed", () => {
  /** A stand-in for Terraform: starts the plugin, hands its handshake and pid up, then waits. */
  const parentScript = `
    const { spawn } = require("node:child_process");
    const plugin = spawn(process.execPath, ["--import", process.argv[1], process.argv[2]], { stdio: ["ignore", "pipe", "inherit"] });
    plugin.stdout.once("data", (line) => process.stdout.write(JSON.stringify({ pid: plugin.pid, handshake: String(line).trim() }) + "\\n"));
    setInterval(() => {}, 60000);
  `;

  /** Gone, or a zombie nobody has reaped yet: either way no longer running. */
  function running(pid: number): boolean {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[2] !== "Z";
    } catch {
      return false;
    }
  }

  it.runIf(process.platform === "linux")("exits within 2 s when the process that started it is killed with SIGKILL", async () => {
    const terraformSide = await createSelfSignedCertificate();
    const parent = spawn(process.execPath, ["-e", parentScript, tsxLoaderPath, fakeProviderPath], {
      env: terraformEnvironment(terraformSide.certificatePem),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const started = await new Promise<{ pid: number; handshake: string }>((resolve, reject) => {
      parent.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString())));
      parent.once("exit", () => reject(new Error("the stand-in parent exited early")));
    });
    const socketDir = dirname(parseHandshake(started.handshake).socketPath);
    expect(running(started.pid)).toBe(true);

    parent.kill("SIGKILL");
    const killedAt = Date.now();
    try {
      while (running(started.pid) && Date.now() - killedAt < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(running(started.pid)).toBe(false);
      expect(Date.now() - killedAt).toBeLessThan(2000);
      expect(existsSync(socketDir)).toBe(false);
    } finally {
      if (running(started.pid)) process.kill(started.pid, "SIGKILL");
    }
  });
});
