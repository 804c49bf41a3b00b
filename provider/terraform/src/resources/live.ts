/**
 * Reads shared by every resource's plan in one plugin process (cached until the next apply),
 * so a plan of many resources asks for each of these once.
 */
import type { Concurrency, Tenant } from "@callplane/sdk";
import type { CallplaneContext } from "./callplane-api.js";

export function liveSplit(ctx: CallplaneContext): Promise<Concurrency> {
  return ctx.cached("concurrency:get", () => ctx.client.concurrency.get());
}

export function liveTenant(ctx: CallplaneContext): Promise<Tenant> {
  return ctx.cached("tenant:get", () => ctx.client.tenant.get());
}
