import { describe, expect, it } from "vitest";
import { Diagnostics, placeablePath } from "./diagnostics.js";

describe("diagnostic paths", () => {
  it("stop at an attribute's element, the deepest place Terraform shows in the configuration", () => {
    expect(placeablePath([{ attribute: "allocations" }, { index: 2 }, { attribute: "max_concurrent_calls" }])).toEqual([{ attribute: "allocations" }, { index: 2 }]);
    expect(placeablePath([{ attribute: "assignments" }, { key: "lee@acme.test" }])).toEqual([{ attribute: "assignments" }, { key: "lee@acme.test" }]);
    expect(placeablePath([{ attribute: "operator_schedule" }, { attribute: "timezone" }])).toEqual([{ attribute: "operator_schedule" }]);
    expect(placeablePath([{ attribute: "name" }])).toEqual([{ attribute: "name" }]);
  });

  it("are cut when added, errors and warnings alike", () => {
    const diagnostics = new Diagnostics();
    diagnostics.error("Bad", "allocations[1].max_concurrent_calls: too many", [{ attribute: "allocations" }, { index: 1 }, { attribute: "max_concurrent_calls" }]);
    diagnostics.warning("Odd", undefined, [{ attribute: "operator_schedule" }, { attribute: "ranges" }, { index: 0 }]);
    expect(diagnostics.items.map((d) => d.attribute)).toEqual([[{ attribute: "allocations" }, { index: 1 }], [{ attribute: "operator_schedule" }]]);
  });

  it("leave an empty path as it is", () => {
    expect(placeablePath([])).toEqual([]);
  });
});

describe("Diagnostics", () => {
  it("have errors only when one is an error, not a warning", () => {
    const diagnostics = new Diagnostics();
    diagnostics.warning("Deprecated");
    expect(diagnostics.hasErrors).toBe(false);
    diagnostics.error("Broken");
    expect(diagnostics.hasErrors).toBe(true);
  });
});
