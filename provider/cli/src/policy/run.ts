/** `callplane policy`: a policy file checked against a plan, with the live tenant when a token is given. */
import { attachLocations, evaluatePolicy, type Policy, type PolicyReport } from "@callplane/policy";
import type { CallplaneClient } from "@callplane/sdk";
import { fetchLiveTeam } from "../live-team.js";
import type { PlanJson } from "../terraform/plan-json.js";
import { locateResources } from "./locations.js";
import { planSubject, type LiveFacts } from "./subject.js";

export interface PolicyRunOptions {
  /** Reads the live tenant: admins and environments the plan leaves alone. */
  client?: CallplaneClient | undefined;
  /** The configuration's folder, for file and line of each resource. */
  configDir: string;
  /** Files are named relative to this folder. */
  base: string;
  /** Told when the API could not be read (the check goes on from the plan alone). */
  warn?: (message: string) => void;
}

export async function liveFacts(client: CallplaneClient | undefined, warn?: (message: string) => void): Promise<LiveFacts> {
  if (!client) return {};
  try {
    const [team, concurrency] = await Promise.all([fetchLiveTeam(client), client.concurrency.get()]);
    return { team, planLimit: concurrency.planLimit };
  } catch (error) {
    warn?.(`the API could not be read, so the policy is checked against the plan alone: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

export async function checkPolicy(plan: PlanJson, policy: Policy, options: PolicyRunOptions): Promise<PolicyReport> {
  const live = await liveFacts(options.client, options.warn);
  const report = evaluatePolicy(policy, planSubject(plan, live));
  return attachLocations(report, locateResources(plan, options.configDir, options.base));
}
