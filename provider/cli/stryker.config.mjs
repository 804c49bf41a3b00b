import { strykerConfig } from "../../scripts/stryker-base.mjs";

export default strykerConfig({
  // test-support.ts holds the summary tests' helpers, not CLI code.
  mutate: ["src/summary/**/*.ts", "src/drift/**/*.ts", "!src/**/*.test.ts", "!src/summary/test-support.ts"],
  vitestConfig: "vitest.mutate.config.ts",
});
