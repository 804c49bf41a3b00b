import { strykerConfig } from "../../scripts/stryker-base.mjs";

export default strykerConfig({
  mutate: ["src/summary/**/*.ts", "src/drift/**/*.ts", "!src/**/*.test.ts"],
  vitestConfig: "vitest.mutate.config.ts",
});
