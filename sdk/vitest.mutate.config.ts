import { defineConfig } from "vitest/config";

// `pnpm mutate sdk`: the tests that exercise src/core and src/validation (directly, or through
// the client every resource module is built on).
export default defineConfig({
  test: {
    include: ["src/core/**/*.test.ts", "src/validation/**/*.test.ts", "src/client.test.ts"],
  },
});
