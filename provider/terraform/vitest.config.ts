import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts", "e2e/**/*.test.ts"],
    testTimeout: 30_000,
    // The e2e tests run the single executable: build it (or find it in the cache) once.
    globalSetup: ["e2e/global-setup.ts"],
  },
});
