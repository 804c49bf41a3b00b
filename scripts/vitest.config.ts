import { defineConfig } from "vitest/config";

// The root scripts' own tests (npm test runs every folder with a vitest config). The cache goes
// to the root's node_modules: a node_modules folder here would make `pnpm exec` look for a package.
export default defineConfig({
  cacheDir: "../node_modules/.vite/scripts",
  test: {
    include: ["*.test.ts"],
  },
});
