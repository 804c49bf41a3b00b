import { describe, expect, it } from "vitest";
import { measureBundle } from "./bundle-size.js";

describe("the SDK bundle", () => {
  it("imports no Node built-in, so it runs in browsers, Deno, Bun and edge runtimes", async () => {
    const bundle = await measureBundle();
    expect(bundle.nodeImports).toEqual([]);
    expect(bundle.minifiedBytes).toBeGreaterThan(0);
  });
});
