import { strykerConfig } from "../../scripts/stryker-base.mjs";

export default strykerConfig({
  // test-support.ts holds the values tests' helpers (bytes, hex, errorOf), not provider code.
  mutate: ["src/framework/**/*.ts", "src/values/**/*.ts", "!src/**/*.test.ts", "!src/values/test-support.ts"],
  vitestConfig: "vitest.mutate.config.ts",
  // values/types.ts and msgpack.ts build tables and constants at load time: each such mutant
  // would rerun all ~300 tests. They are listed as ignored in the report (see docs/testing.md).
  ignoreStatic: true,
});
