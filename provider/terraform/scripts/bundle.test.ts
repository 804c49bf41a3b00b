import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROVIDER_VERSION } from "../src/provider.js";
import { bundleProvider, packageDir, packageVersion } from "./bundle.js";

const dir = mkdtempSync(join(tmpdir(), "callplane-bundle-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the provider's version", () => {
  it("is package.json's, run from source", () => {
    expect(PROVIDER_VERSION).toBe(JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).version);
    expect(packageVersion()).toBe(PROVIDER_VERSION);
  });

  it("is put into the single executable's bundle, which reads no package.json at run time", async () => {
    const outfile = join(dir, "provider.cjs");
    await bundleProvider({ entry: "single-executable-main.ts", outfile, format: "cjs", target: "node24" });
    const bundle = readFileSync(outfile, "utf8");
    expect(bundle).toContain(`terraform-provider-callplane/\${`);
    expect(bundle).toContain(JSON.stringify(packageVersion()));
    expect(bundle).not.toContain("package.json");
  });
});
