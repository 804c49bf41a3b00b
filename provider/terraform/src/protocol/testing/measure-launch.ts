// Measures launch-to-handshake of a plugin command, as Terraform pays it 3-5
// times per command: spawn with Terraform's environment, stop the clock at
// the handshake line, then shut the plugin down like Terraform does.
//   node --import tsx src/protocol/testing/measure-launch.ts [runs] [--baseline] -- <command> [args...]
// --baseline: the command only prints a handshake-like line (e.g. `node -e`); it is killed, not shut down.
import { spawn } from "node:child_process";
import { createSelfSignedCertificate } from "../certificate.js";
import { callUnary, connect, parseHandshake, terraformEnvironment } from "./plugin-harness.js";

const separator = process.argv.indexOf("--");
const [command, ...args] = process.argv.slice(separator + 1);
const options = process.argv.slice(2, Math.max(separator, 2));
const baseline = options.includes("--baseline");
const runs = Number(options.find((option) => /^\d+$/.test(option)) ?? 10);
if (separator < 0 || !command) throw new Error("usage: measure-launch.ts [runs] -- <command> [args...]");

const terraformSide = await createSelfSignedCertificate();
const env = terraformEnvironment(terraformSide.certificatePem);

async function launchOnce(): Promise<{ handshakeMs: number; shutdownMs: number }> {
  const started = performance.now();
  const child = spawn(command ?? "", args, { env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const line = await new Promise<string>((resolve) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("\n")) resolve(stdout.slice(0, stdout.indexOf("\n")));
    });
  });
  const handshakeMs = performance.now() - started;
  if (baseline) {
    child.kill();
    await exited;
    return { handshakeMs, shutdownMs: NaN };
  }
  const client = connect(parseHandshake(line), terraformSide);
  const shutdownStarted = performance.now();
  await callUnary(client, "/plugin.GRPCController/Shutdown", "plugin.Empty", "plugin.Empty", {});
  await exited;
  client.close();
  return { handshakeMs, shutdownMs: performance.now() - shutdownStarted };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const results = [];
for (let i = 0; i < runs; i++) results.push(await launchOnce());
const handshakes = results.map((r) => r.handshakeMs);
console.log(`launch-to-handshake over ${runs} runs: median ${median(handshakes).toFixed(0)} ms`
  + ` (min ${Math.min(...handshakes).toFixed(0)}, max ${Math.max(...handshakes).toFixed(0)});`
  + ` Shutdown-to-exit median ${median(results.map((r) => r.shutdownMs)).toFixed(0)} ms`);
