import { strykerConfig } from "../scripts/stryker-base.mjs";

export default {
  ...strykerConfig({
    mutate: ["src/domain/**/*.ts", "src/auth/**/*.ts", "!src/**/*.test.ts"],
    vitestConfig: "vitest.mutate.config.ts",
  }),
  // The suites start their server in `beforeAll`, outside any test, and the route tables are
  // built when a module loads: mutants reached only there are "static", and Stryker would run
  // the whole suite (about a minute here) for each. They are left out and counted apart
  // (docs/testing.md); mutants reached by a test as well are still tested by those tests.
  ignoreStatic: true,
};
