/**
 * The provider's version: package.json's `version`, nowhere else. Bundles (the mirror's
 * provider.mjs and the single executables) have it put in by esbuild's `define`; run from source
 * or from tsc's output, it is read from package.json.
 */
import { readFileSync } from "node:fs";

declare const CALLPLANE_PROVIDER_VERSION: string | undefined;

export const PROVIDER_VERSION: string =
  typeof CALLPLANE_PROVIDER_VERSION === "string" ? CALLPLANE_PROVIDER_VERSION : readPackageVersion();

function readPackageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const version = typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined;
  if (typeof version !== "string") throw new Error("provider/terraform/package.json has no version");
  return version;
}
