/** Every example in `examples/` (the docs show them) is valid Terraform for this provider. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/docs.js";
import { useTerraform } from "./terraform.js";

const ws = useTerraform();

const FILE_BY_KIND: Record<string, string> = {
  resources: "resource.tf",
  "data-sources": "data-source.tf",
  "ephemeral-resources": "ephemeral-resource.tf",
  functions: "function.tf",
};

const examples = Object.entries(FILE_BY_KIND).flatMap(([kind, fileName]) => {
  const dir = join(repoRoot, "examples", kind);
  return readdirSync(dir).map((type) => [`${kind}/${type}`, join(dir, type, fileName)] as const);
});

describe("examples", () => {
  it("exist for the provider block", () => {
    expect(readFileSync(join(repoRoot, "examples/provider/provider.tf"), "utf8")).toContain('provider "callplane"');
  });

  it.each(examples)("%s validates", async (_name, file) => {
    expect(existsSync(file), `${file} is missing`).toBe(true);
    ws.config(readFileSync(file, "utf8"));
    const validate = await ws.terraform(["validate"]);
    expect(validate.code, validate.output).toBe(0);
  });
});
