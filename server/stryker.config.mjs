import { strykerConfig } from "../scripts/stryker-base.mjs";

export default strykerConfig({
  mutate: ["src/domain/**/*.ts", "src/auth/**/*.ts", "!src/**/*.test.ts"],
  vitestConfig: "vitest.mutate.config.ts",
});
