/** Realistic API objects for tests: the examples of the spec itself. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../../openapi/callplane.yaml", import.meta.url), "utf8"), { maxAliasCount: -1 });
const example = (name: string) => structuredClone(spec.components.examples[name].value);

export const ENDPOINT = "http://callplane.test";
export const TOKEN = "cpt_supersecrettoken0123456789abcdef";

export const fixtures = {
  tenant: () => example("Tenant"),
  environment: () => example("Environment"),
  environmentWithApiKey: () => example("EnvironmentWithApiKey"),
  concurrency: () => example("Concurrency"),
  user: () => example("User"),
  operatorUser: () => example("OperatorUser"),
  invitation: () => example("Invitation"),
  invitationWithSecret: () => example("InvitationWithSecret"),
  auditEvent: () => structuredClone(spec.components.schemas.AuditEvent.examples[0]),
  apiToken: () => structuredClone(spec.components.schemas.ApiToken.examples[0]),
  session: () => structuredClone(spec.components.schemas.Session.examples[0]),
  sessionWithToken: () => ({ ...structuredClone(spec.components.schemas.Session.examples[0]), token: "cps_session0000000000" }),
};

export function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type: `https://callplane.dev/problems/${title.toLowerCase().replace(/\W+/g, "-")}`, title, status, errors: [], ...extra };
}
