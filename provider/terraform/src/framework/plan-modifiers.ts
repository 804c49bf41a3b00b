/** How an attribute's planned value is decided beyond "what the configuration says". */
export type PlanModifier =
  /** A change to this attribute replaces the whole object. */
  | { kind: "requiresReplace" }
  /** A computed value that does not change after creation: plan the prior value, not "known after apply". */
  | { kind: "useStateForUnknown" };

export const requiresReplace = (): PlanModifier => ({ kind: "requiresReplace" });
export const useStateForUnknown = (): PlanModifier => ({ kind: "useStateForUnknown" });
