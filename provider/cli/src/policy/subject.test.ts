import { describe, expect, it } from "vitest";
import type { PlanJson } from "../terraform/plan-json.js";
import { planSubject } from "./subject.js";

describe("planSubject", () => {
  it("leaves unknown values out, and counts unmanaged environments in the total but not as an environment", () => {
    const plan: PlanJson = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "callplane_concurrency_split.this",
          mode: "managed",
          type: "callplane_concurrency_split",
          name: "this",
          change: {
            actions: ["update"],
            before: { plan_limit: 40, allocated: 40, allocations: [{ environment_id: "env_a", max_concurrent_calls: 10 }] },
            after: { plan_limit: 40, allocations: [{ environment_id: "env_a", max_concurrent_calls: 12 }] },
            after_unknown: { allocated: true },
          },
        },
      ],
    };
    const subject = planSubject(plan);
    expect(subject.resources[0]!.after).toEqual({ plan_limit: 40, allocations: [{ environment_id: "env_a", max_concurrent_calls: 12 }] });
    expect(subject.budget).toEqual({
      planLimit: 40,
      address: "callplane_concurrency_split.this",
      environments: [{ name: "env_a", address: "callplane_concurrency_split.this", before: 10, after: 12 }],
      allocatedAfter: 42,
    });
  });
});
