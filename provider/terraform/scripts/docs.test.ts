import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { callplaneProvider } from "../src/provider.js";
import { generateDocs, repoRoot } from "./docs.js";

describe("provider docs", () => {
  const files = generateDocs();

  it("match the schema and examples (run `pnpm --filter @callplane/terraform-provider run docs` after changing them)", () => {
    for (const file of files) {
      const committed = existsSync(file.path) ? readFileSync(file.path, "utf8") : "";
      expect(committed === file.content, `${relative(repoRoot, file.path)} is stale`).toBe(true);
    }
  });

  it("have a page, an example and descriptions for every resource and data source", () => {
    for (const item of [...callplaneProvider.resources, ...callplaneProvider.dataSources, ...(callplaneProvider.ephemeralResources ?? [])]) {
      const page = files.find((f) => f.path.endsWith(`/${item.typeName.replace("callplane_", "")}.md`));
      expect(page?.content, item.typeName).toContain("## Example Usage");
      for (const [name, attribute] of Object.entries(item.schema.attributes)) {
        expect(attribute.description.length, `${item.typeName}.${name} needs a description`).toBeGreaterThan(8);
      }
    }
  });

  it("have a page with an example and a description for every function", () => {
    for (const fn of callplaneProvider.functions ?? []) {
      const page = files.find((f) => f.path.endsWith(`/functions/${fn.name}.md`));
      expect(page?.content, fn.name).toContain("## Example Usage");
      for (const parameter of [...fn.parameters, ...(fn.variadic ? [fn.variadic] : [])]) {
        expect(parameter.description.length, `${fn.name}(${parameter.name}) needs a description`).toBeGreaterThan(8);
      }
    }
  });
});
