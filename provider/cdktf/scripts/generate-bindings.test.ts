import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { callplaneProvider } from "../../terraform/src/provider.js";
import { GENERATED_DIR, renderBindings } from "./generate-bindings.js";

describe("generated L1 bindings", () => {
  const expected = renderBindings();

  it("are up to date with the provider's schema (run `pnpm run generate` if this fails)", () => {
    expect(readdirSync(GENERATED_DIR).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(GENERATED_DIR, name), "utf8"), `src/generated/${name} is stale`).toBe(text);
  });

  it("cover every resource and data source", () => {
    const index = expected.get("index.ts") ?? "";
    // The provider, then one binding per resource and per data source (ephemeral resources and functions have none).
    expect(index.match(/^export \* from/gm)).toHaveLength(1 + callplaneProvider.resources.length + callplaneProvider.dataSources.length);
    expect(expected.get("environment.ts")).toContain("export class CallplaneEnvironment extends TerraformResource");
    expect(expected.get("data-tenant.ts")).toContain("export class DataCallplaneTenant extends TerraformDataSource");
    expect(expected.get("provider.ts")).toContain('terraformProviderSource: "callplane/callplane"');
  });
});
