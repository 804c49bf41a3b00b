import { defineConfig } from "vitest/config";

// `pnpm mutate cli`: the unit tests of src/summary and src/drift, and the CLI's own tests. The
// end-to-end suites (e2e/, real Terraform and a real server) are left out: one run per mutant
// would take hours.
export default defineConfig({
  test: {
    include: ["src/summary/**/*.test.ts", "src/drift/**/*.test.ts", "src/cli.test.ts"],
    testTimeout: 30_000,
  },
});
