import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedDescriptorPath, renderDescriptorModule } from "./generate-descriptor.js";

describe("descriptor.generated.ts", () => {
  it("matches the .proto files (regenerate: node --import tsx src/protocol/generate-descriptor.ts)", () => {
    expect(readFileSync(generatedDescriptorPath, "utf8")).toBe(renderDescriptorModule());
  });
});
