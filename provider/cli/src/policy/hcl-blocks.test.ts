import { describe, expect, it } from "vitest";
import { resourceBlocks } from "./hcl-blocks.js";

describe("resourceBlocks", () => {
  it("finds each resource block's first and last line, past comments, strings, interpolations and heredocs", () => {
    const hcl = [
      "# resource \"callplane_user\" \"commented\" {", // 1
      "resource \"callplane_user\" \"a\" {", // 2
      "  email = \"a@acme.test\" // a } brace in a comment", // 3
      "  name  = \"}${lower(\"{X}\")}{\"", // 4
      "  /* resource \"x\" \"y\" { */", // 5
      "}", // 6
      "", // 7
      "resource \"callplane_environment\" \"production\" {", // 8
      "  description = <<-EOT", // 9
      "    } not a brace", // 10
      "    EOT", // 11
      "  lifecycle {", // 12
      "    prevent_destroy = true", // 13
      "  }", // 14
      "}", // 15
      "data \"callplane_tenant\" \"t\" {}", // 16
      "resource \"callplane_user\" \"b\" { email = \"b@acme.test\" }", // 17
    ].join("\n");
    expect(resourceBlocks(hcl)).toEqual([
      { type: "callplane_user", name: "a", startLine: 2, endLine: 6 },
      { type: "callplane_environment", name: "production", startLine: 8, endLine: 15 },
      { type: "callplane_user", name: "b", startLine: 17, endLine: 17 },
    ]);
  });
});
