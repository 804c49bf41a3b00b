/** The built `callplane-server` CLI, as the CLI and durability tests run it. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The CLI entry; it runs `dist/`, so the package must be built first. */
export const SERVER_BIN = join(SERVER_DIR, "bin", "callplane-server.js");
if (!existsSync(join(SERVER_DIR, "dist", "cli.js"))) {
  throw new Error("server/dist/cli.js is missing: these tests run the built CLI; run `pnpm run build` in server/ first.");
}

/** The caller's own CALLPLANE_* variables must not leak into the child. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("CALLPLANE_")));
  return { ...env, ...extra };
}
