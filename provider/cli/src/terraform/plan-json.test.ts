import { describe, expect, it } from "vitest";
import { kindOf, parsePlanJson } from "./plan-json.js";

describe("parsePlanJson", () => {
  it.each([
    ["not json", "plan.json is not JSON"],
    ["[]", "plan.json is not a Terraform plan: expected a JSON object"],
    ['{"resource_changes": []}', "format_version is missing"],
    ['{"format_version": "2.0"}', "format_version 2.0 is not supported"],
    ['{"format_version": "1.0", "values": {}}', "is Terraform state, not a plan"],
    ['{"format_version": "1.2", "resource_changes": [{"address": "x"}]}', "resource_changes[0] is not a resource change"],
  ])("refuses %s with a message saying what is wrong", (text, message) => {
    expect(() => parsePlanJson(text, "plan.json")).toThrow(message);
  });

  it("accepts a plan", () => {
    expect(parsePlanJson('{"format_version": "1.2", "resource_changes": []}').resource_changes).toEqual([]);
  });
});

describe("kindOf", () => {
  it.each([
    [["create"], "create"],
    [["delete", "create"], "replace"],
    [["create", "delete"], "replace"],
    [["delete"], "destroy"],
    [["update"], "update"],
    [["forget"], "forget"],
    [["no-op"], "none"],
    [["read"], "none"],
  ] as const)("%j is %s", (actions, kind) => {
    expect(kindOf(actions)).toBe(kind);
  });
});
