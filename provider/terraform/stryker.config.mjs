import { strykerConfig } from "../../scripts/stryker-base.mjs";

export default strykerConfig({
  mutate: ["src/framework/**/*.ts", "src/values/**/*.ts", "!src/**/*.test.ts"],
  vitestConfig: "vitest.mutate.config.ts",
  // values/types.ts and msgpack.ts build tables and constants at load time: each such mutant
  // would rerun all ~300 tests. They are listed as ignored in the report (see docs/testing.md).
  ignoreStatic: true,
});
