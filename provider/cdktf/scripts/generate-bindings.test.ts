import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GENERATED_DIR, renderBindings } from "./generate-bindings.js";
import { readProviderSchema, type ProviderSchema } from "./provider-schema.js";

describe("generated L1 bindings", () => {
  let schema: ProviderSchema;
  let expected: Map<string, string>;

  beforeAll(async () => {
    const read = await readProviderSchema();
    schema = read.schema;
    expected = renderBindings(read.schema, read.version);
  }, 120_000);

  it("are up to date with the provider's schema as Terraform reports it (run `pnpm run generate` if this fails)", () => {
    expect(readdirSync(GENERATED_DIR).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(GENERATED_DIR, name), "utf8"), `src/generated/${name} is stale`).toBe(text);
  });

  it("cover every resource and data source Terraform reports", () => {
    const count = Object.keys(schema.resource_schemas ?? {}).length + Object.keys(schema.data_source_schemas ?? {}).length;
    expect(count).toBeGreaterThanOrEqual(7 + 5);
    expect((expected.get("index.ts") ?? "").match(/^export \* from/gm)).toHaveLength(1 + count);
    expect(expected.get("environment.ts")).toContain("export class CallplaneEnvironment extends TerraformResource");
    expect(expected.get("data-tenant.ts")).toContain("export class DataCallplaneTenant extends TerraformDataSource");
    expect(expected.get("provider.ts")).toContain('terraformProviderSource: "callplane/callplane"');
  });

  it("turns a nested attribute type into an object type and rejects nested blocks by name", () => {
    const nested: ProviderSchema = {
      provider: { block: {} },
      resource_schemas: {
        callplane_example: { block: { attributes: { rules: { nested_type: { nesting_mode: "list", attributes: { max_calls: { type: "number", optional: true } } }, optional: true } } } },
      },
    };
    expect(renderBindings(nested, "9.9.9").get("example.ts")).toContain('"rules":["list",["object",{"max_calls":"number"}]]');
    const blocks: ProviderSchema = { provider: { block: {} }, resource_schemas: { callplane_example: { block: { block_types: { rule: {} } } } } };
    expect(() => renderBindings(blocks, "9.9.9")).toThrow("callplane_example: nested blocks (rule) are not supported");
  });
});
