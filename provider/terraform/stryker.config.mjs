import { strykerConfig } from "../../scripts/stryker-base.mjs";

export default strykerConfig({
  mutate: ["src/framework/**/*.ts", "src/values/**/*.ts", "!src/**/*.test.ts"],
  vitestConfig: "vitest.mutate.config.ts",
});
