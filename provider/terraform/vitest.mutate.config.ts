import { defineConfig } from "vitest/config";

// `pnpm mutate provider`: the unit tests of src/values and src/framework. The real-Terraform
// suites (e2e/, src/protocol/terraform-smoke.test.ts) also run the framework, but a run of them
// per mutant would take hours; what only they catch counts as not covered here.
export default defineConfig({
  test: {
    include: ["src/values/**/*.test.ts", "src/framework/**/*.test.ts"],
    // The 65,535/65,536-item round trips cost seconds per mutant when instrumented; the headers
    // they check are checked on cheaper values in msgpack.test.ts (the normal suite runs both).
    exclude: ["src/values/msgpack-large.test.ts"],
    // Instrumented code is slower: the 65,535-item header tests need the room.
    testTimeout: 180_000,
  },
});
