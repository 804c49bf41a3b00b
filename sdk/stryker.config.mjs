import { strykerConfig } from "../scripts/stryker-base.mjs";

export default strykerConfig({
  mutate: ["src/core/**/*.ts", "src/validation/**/*.ts", "!src/**/*.test.ts"],
  vitestConfig: "vitest.mutate.config.ts",
});
