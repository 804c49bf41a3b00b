import { defineConfig } from "vitest/config";

// End-to-end tests across packages: installing the packed tarballs like a user, versioning and
// releasing, the README's snippets. Slow (npm installs, builds): one file at a time.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
