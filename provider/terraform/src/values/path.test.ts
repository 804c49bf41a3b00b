import { describe, expect, it } from "vitest";
import { ValueError } from "./errors.js";
import { camelToSnake, formatPath, parseApiPath } from "./path.js";
import { t } from "./types.js";

describe("formatPath", () => {
  it("formats attributes, indexes and keys as Terraform does", () => {
    expect(formatPath([{ attribute: "allocations" }, { index: 2 }, { attribute: "environment_id" }])).toBe("allocations[2].environment_id");
    expect(formatPath([{ attribute: "assignments" }, { key: "ops@acme.test" }])).toBe('assignments["ops@acme.test"]');
    expect(formatPath([{ attribute: "a" }, { key: 'q"uote' }, { attribute: "b" }])).toBe('a["q\\"uote"].b');
    expect(formatPath([])).toBe("");
    expect(formatPath([{ index: 0 }])).toBe("[0]");
  });

  it("starts ValueError messages", () => {
    const e = new ValueError([{ attribute: "a" }, { index: 1 }], "boom");
    expect(e.message).toBe("a[1]: boom");
    expect(e.detail).toBe("boom");
    expect(e.name).toBe("ValueError");
    expect(new ValueError([], "whole").message).toBe("whole");
  });
});

describe("camelToSnake", () => {
  it.each([
    ["maxConcurrentCalls", "max_concurrent_calls"],
    ["environmentId", "environment_id"],
    ["billingEmail", "billing_email"],
    ["logoUrl", "logo_url"],
    ["apiKeyMasked", "api_key_masked"],
    ["name", "name"],
    ["already_snake", "already_snake"],
    ["URLPath", "url_path"],
    ["sipURI", "sip_uri"],
    ["e164Number", "e164_number"],
  ])("%s → %s", (input, expected) => {
    expect(camelToSnake(input)).toBe(expected);
  });
});

describe("parseApiPath", () => {
  it("turns API field paths into steps with snake_case attributes", () => {
    expect(parseApiPath("allocations[1].maxConcurrentCalls")).toEqual([{ attribute: "allocations" }, { index: 1 }, { attribute: "max_concurrent_calls" }]);
    expect(parseApiPath("billingEmail")).toEqual([{ attribute: "billing_email" }]);
    expect(parseApiPath("")).toEqual([]);
  });

  it("reads quoted keys without renaming them", () => {
    expect(parseApiPath('assignments["ops@acme.test"]')).toEqual([{ attribute: "assignments" }, { key: "ops@acme.test" }]);
    expect(parseApiPath('assignments["ops@acme.test"].operatorSchedule')).toEqual([
      { attribute: "assignments" },
      { key: "ops@acme.test" },
      { attribute: "operator_schedule" },
    ]);
    expect(parseApiPath('m["a\\"b"]')).toEqual([{ attribute: "m" }, { key: 'a"b' }]);
    expect(parseApiPath("m[someKey]")).toEqual([{ attribute: "m" }, { key: "someKey" }]);
  });

  it("round-trips with formatPath", () => {
    for (const p of ["allocations[2].environment_id", 'assignments["ops@acme.test"]', "a[0][1].b"]) {
      expect(formatPath(parseApiPath(p))).toBe(p);
    }
  });

  it("keeps the well-formed start of a malformed path", () => {
    expect(parseApiPath("allocations[1")).toEqual([{ attribute: "allocations" }]);
    expect(parseApiPath("a..b")).toEqual([{ attribute: "a" }]);
    expect(parseApiPath("a[0]b")).toEqual([{ attribute: "a" }, { index: 0 }]);
    expect(parseApiPath(".a")).toEqual([]);
  });

  describe("with the resource's type", () => {
    const type = t.object({
      plan_limit: t.number,
      allocations: t.list(t.object({ environment_id: t.string, max_concurrent_calls: t.number })),
      assignments: t.map(t.object({ role: t.string, operator_schedule: t.map(t.list(t.number)) })),
      emails: t.map(t.string),
      regions: t.set(t.string),
      pair: t.tuple([t.string, t.object({ zip_code: t.string })]),
      legacyName: t.string,
    });

    it("follows attributes and indexes", () => {
      expect(parseApiPath("allocations[1].maxConcurrentCalls", type)).toEqual([
        { attribute: "allocations" },
        { index: 1 },
        { attribute: "max_concurrent_calls" },
      ]);
      expect(parseApiPath("pair[1].zipCode", type)).toEqual([{ attribute: "pair" }, { index: 1 }, { attribute: "zip_code" }]);
      expect(parseApiPath("legacyName", type)).toEqual([{ attribute: "legacyName" }]);
    });

    it("reads names inside maps as keys, dotted keys included", () => {
      expect(parseApiPath("assignments.ops@acme.test.role", type)).toEqual([
        { attribute: "assignments" },
        { key: "ops@acme.test" },
        { attribute: "role" },
      ]);
      expect(parseApiPath("assignments.ops@acme.test.operatorSchedule.monday[0]", type)).toEqual([
        { attribute: "assignments" },
        { key: "ops@acme.test" },
        { attribute: "operator_schedule" },
        { key: "monday" },
        { index: 0 },
      ]);
      expect(parseApiPath("emails.someKeyName", type)).toEqual([{ attribute: "emails" }, { key: "someKeyName" }]);
      expect(parseApiPath('assignments["ops@acme.test"].role', type)).toEqual([
        { attribute: "assignments" },
        { key: "ops@acme.test" },
        { attribute: "role" },
      ]);
    });

    it("stops at the last step that exists", () => {
      expect(parseApiPath("allocations[1].apiKeyMasked", type)).toEqual([{ attribute: "allocations" }, { index: 1 }]);
      expect(parseApiPath("regions[0]", type)).toEqual([{ attribute: "regions" }]);
      expect(parseApiPath("pair[5]", type)).toEqual([{ attribute: "pair" }]);
      expect(parseApiPath("planLimit[0]", type)).toEqual([{ attribute: "plan_limit" }]);
      expect(parseApiPath("unknownField", type)).toEqual([]);
    });
  });
});

describe("parseApiPath, edges", () => {
  it("keeps the well-formed start when a bracket is cut short or holds nothing", () => {
    expect(parseApiPath("a[12")).toEqual([{ attribute: "a" }]);
    expect(parseApiPath('a["b"c].d')).toEqual([{ attribute: "a" }]);
    expect(parseApiPath('a["b')).toEqual([{ attribute: "a" }]);
    expect(parseApiPath('a["\\q"].b')).toEqual([{ attribute: "a" }]);
    expect(parseApiPath("a[].b")).toEqual([{ attribute: "a" }]);
  });

  it("reads a bracket of digits only as an index, anything else as a key", () => {
    expect(parseApiPath("m[a1]")).toEqual([{ attribute: "m" }, { key: "a1" }]);
    expect(parseApiPath("m[1a]")).toEqual([{ attribute: "m" }, { key: "1a" }]);
    expect(parseApiPath("m[12]")).toEqual([{ attribute: "m" }, { index: 12 }]);
  });

  describe("with a type", () => {
    const type = t.object({
      settings: t.object({ name: t.string }),
      items: t.list(t.string),
      labels: t.map(t.string),
    });

    it("ends at an object attribute that is the last step", () => {
      expect(parseApiPath("settings", type)).toEqual([{ attribute: "settings" }]);
    });

    it("stops where an object meets an index or a list meets a name", () => {
      expect(parseApiPath("[0]", type)).toEqual([]);
      expect(parseApiPath("items.name", type)).toEqual([{ attribute: "items" }]);
    });

    it("reads an index inside a map as a key", () => {
      expect(parseApiPath("labels[3]", type)).toEqual([{ attribute: "labels" }, { key: "3" }]);
      const byKey = t.map(t.object({ role: t.string }));
      expect(parseApiPath("[3].role", byKey)).toEqual([{ key: "3" }, { attribute: "role" }]);
    });

    it("takes a dotted key whole when the map's elements are not objects", () => {
      expect(parseApiPath("labels.a.name", type)).toEqual([{ attribute: "labels" }, { key: "a.name" }]);
    });
  });
});
