/**
 * Helpers for the summary's tests: hand-written plan entries (not part of the CLI; left out of
 * the build and of mutation testing).
 */
import type { PlanJson, ResourceChange, StateResource } from "../terraform/plan-json.js";

/** A managed resource's change in a plan, its type and name read from `address`. */
export const change = (address: string, actions: ResourceChange["change"]["actions"], before: unknown, after: unknown, extra: Partial<ResourceChange["change"]> = {}): ResourceChange => ({
  address,
  mode: "managed",
  type: address.split(".")[0]!,
  name: address.split(".")[1]!,
  change: { actions, before, after, ...extra },
});

/** A resource in a state, its type and name the last two parts of `address` (which may be in a module). */
export const resource = (address: string, values: Record<string, unknown>, mode: "managed" | "data" = "managed"): StateResource => {
  const parts = address.split(".");
  return { address, mode, type: parts.at(-2)!, name: parts.at(-1)!, values };
};

/** A configuration in which each of `changes` sets the attributes `attributesOf` names for it. */
export const configuration = (changes: ResourceChange[], attributesOf: (rc: ResourceChange) => string[]): PlanJson["configuration"] => ({
  root_module: {
    resources: changes.map((rc) => ({
      address: rc.address,
      mode: "managed" as const,
      type: rc.type,
      name: rc.name,
      expressions: Object.fromEntries(attributesOf(rc).map((a) => [a, {}])),
    })),
  },
});
