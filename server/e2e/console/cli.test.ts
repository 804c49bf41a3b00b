/** `callplane-server --no-console`, and the console line the CLI prints. Runs the built CLI. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../../src/cli.js";
import { SERVER_BIN, cleanEnv } from "../built-cli.js";
import { ADMIN_TOKEN } from "./browser.js";

/** Starts the CLI, waits for its URL, fetches `/`, stops it. */
async function startAndGetRoot(args: string[]): Promise<{ url: string; status: number; body: string; stderr: string }> {
  const child = spawn(process.execPath, [SERVER_BIN, "--db", ":memory:", "--port", "0", "--bootstrap-token", ADMIN_TOKEN, ...args], { env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
      });
      void closed.then(() => reject(new Error(`exited before printing a URL: ${stderr}`)));
    });
    const answer = await fetch(`${url}/`);
    const body = await answer.text();
    // With the console on, a line on stderr says where it is; it may arrive after the URL.
    if (!args.includes("--no-console")) await expect.poll(() => stderr.includes("Settings console"), { timeout: 10_000 }).toBe(true);
    return { url, status: answer.status, body, stderr };
  } finally {
    child.kill("SIGTERM");
    await closed;
  }
}

describe("callplane-server and the console", () => {
  it("parses --no-console and CALLPLANE_CONSOLE=0; the console is on by default", () => {
    expect(parseOptions([], {}).console).toBe(true);
    expect(parseOptions(["--no-console"], {}).console).toBe(false);
    expect(parseOptions([], { CALLPLANE_CONSOLE: "0" }).console).toBe(false);
    expect(parseOptions([], { CALLPLANE_CONSOLE: "1" }).console).toBe(true);
  });

  it("serves the console at / and says where, without printing the token", async () => {
    const started = await startAndGetRoot([]);
    expect(started.status).toBe(200);
    expect(started.body).toContain("<title>Callplane Settings</title>");
    expect(started.stderr).toContain(`Settings console at ${started.url}/`);
    expect(started.stderr).not.toContain(ADMIN_TOKEN);
  });

  it("with --no-console serves only the API", async () => {
    const started = await startAndGetRoot(["--no-console"]);
    expect(started.status).toBe(404);
    expect(started.body).toContain('"status":404');
    expect(started.stderr).not.toContain("Settings console");
  });
});
