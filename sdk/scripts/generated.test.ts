import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "./generated-files.js";

describe("src/generated", () => {
  it("matches what the spec generates (run `pnpm generate` after changing openapi/callplane.yaml)", async () => {
    for (const file of await generatedFiles()) {
      const committed = await readFile(file.path, "utf8").catch(() => "");
      expect(committed === file.content, `${relative(process.cwd(), file.path)} is stale: run \`pnpm generate\``).toBe(true);
    }
  });
});
