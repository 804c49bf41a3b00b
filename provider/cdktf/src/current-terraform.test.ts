/** Unit tests of the constructs for what the provider gained for current Terraform: ApiToken, Tenant, and team members created with a write-only password. */
import { describe, expect, it } from "vitest";
import { Aspects, TerraformStack, Testing } from "./cdk.js";
import {
  ApiToken,
  CallplaneProvider,
  CallplaneRoleAssignment,
  CallplaneRoleAssignments,
  CallplaneUser,
  callplaneMatchers,
  PolicyAspect,
  SecretVariable,
  Team,
  Tenant,
  type CallplaneMatchers,
} from "./index.js";

expect.extend(callplaneMatchers);
declare module "vitest" {
  interface Matchers<T = any> extends CallplaneMatchers<T> {}
}

type Synth = { resource: Record<string, Record<string, Record<string, unknown>>>; variable?: Record<string, Record<string, unknown>>; provider: Record<string, Record<string, unknown>[]> };

function stackWith(build: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "settings");
  new CallplaneProvider(stack, "callplane");
  build(stack);
  return stack;
}
const synth = (stack: TerraformStack): Synth => JSON.parse(Testing.synth(stack, true)) as Synth;
const failure = (build: (stack: TerraformStack) => void) => () => Testing.synth(stackWith(build), true);

describe("ApiToken", () => {
  it("declares a callplane_api_token with name, scope and an expiry from a Date", () => {
    const stack = stackWith((s) => {
      new ApiToken(s, "ci", { name: "ci-deploy", scope: "write", expiresAt: new Date("2027-01-01T00:00:00Z") });
      new ApiToken(s, "dashboard", { name: "dashboard", scope: "read" });
    });
    expect(stack).toHaveResourceWithProperties(ApiToken, { name: "ci-deploy", scope: "write", expiresAt: "2027-01-01T00:00:00Z" });
    const dashboard = Object.values(synth(stack).resource.callplane_api_token!).find((t) => t.name === "dashboard");
    expect(dashboard).toEqual({ name: "dashboard", scope: "read" });
  });

  it("exposes the token as a reference to the resource's sensitive attribute, not a value", () => {
    const stack = stackWith((s) => {
      const token = new ApiToken(s, "ci", { name: "ci", scope: "read" });
      new CallplaneProvider(s, "as-ci", { alias: "ci", token: token.token });
    });
    const providers = synth(stack).provider.callplane!;
    expect(providers).toContainEqual({ alias: "ci", token: expect.stringMatching(/^\$\{callplane_api_token\.ci_token_\w+\.token\}$/) });
  });

  it("uses the provider configuration it is given", () => {
    const stack = stackWith((s) => {
      const user = new CallplaneProvider(s, "as-user", { alias: "user" });
      new ApiToken(s, "ci", { name: "ci", scope: "read", provider: user });
    });
    expect(stack).toHaveResourceWithProperties(ApiToken, { provider: "callplane.user" });
  });

  it("fails at synth on a bad name, scope or expiry, naming the field (SDK rules)", () => {
    const run = failure((s) => new ApiToken(s, "ci", { name: "", scope: "admin" as "read", expiresAt: "next year" }));
    expect(run).toThrow('settings/ci: rule "name-format" failed: name must not be empty (got "")');
    expect(run).toThrow('settings/ci: rule "scope-format" failed: scope must be one of');
    expect(run).toThrow('settings/ci: rule "expiresAt-format" failed: expiresAt');
    expect(failure((s) => new ApiToken(s, "ci", { name: "x".repeat(101), scope: "read" }))).toThrow("name must be 1 to 100 characters");
  });
});

describe("Tenant", () => {
  const platformStack = (props: Partial<ConstructorParameters<typeof Tenant>[2]> = {}) =>
    stackWith((s) => {
      const platform = new CallplaneProvider(s, "platform", { alias: "platform" });
      new Tenant(s, "globex", { provider: platform, name: "Globex Calling", billingEmail: "finance@globex.test", planLimit: 25, timezone: "America/New_York", ...props });
    });

  it("declares a callplane_tenant on the platform provider, protected and writable by default", () => {
    const stack = platformStack();
    expect(stack).toHaveResourceWithProperties(Tenant, {
      provider: "callplane.platform", name: "Globex Calling", billingEmail: "finance@globex.test", planLimit: 25,
      timezone: "America/New_York", readOnly: false, deletionProtection: true,
    });
    expect(stack).not.toHaveResourceWithProperties(Tenant, { phone: expect.anything() });
  });

  it("passes read-only, deletion protection and the rotation keeper through", () => {
    expect(platformStack({ readOnly: true, deletionProtection: false, apiKeyRotation: "2026-11" }))
      .toHaveResourceWithProperties(Tenant, { read_only: true, deletion_protection: false, api_key_rotation: "2026-11" });
  });

  it("fails at synth on a bad field, naming it (SDK rules)", () => {
    const run = () => Testing.synth(platformStack({ name: "AB", billingEmail: "finance", planLimit: -1, website: "globex.test" }), true);
    expect(run).toThrow('settings/globex: rule "name-format" failed: name must be 3 to 100 characters (got "AB")');
    expect(run).toThrow('settings/globex: rule "billingEmail-format" failed: billingEmail');
    expect(run).toThrow('settings/globex: rule "planLimit-format" failed: planLimit');
    expect(run).toThrow('settings/globex: rule "website-format" failed: website must start with http:// or https:// (got "globex.test")');
  });
});

describe("Team members created directly, with a write-only password", () => {
  const team = (s: TerraformStack, extra: Partial<ConstructorParameters<typeof Team>[2]> = {}) => {
    const password = new SecretVariable(s, "kim_password", { description: "Kim's first password" });
    return new Team(s, "team", {
      members: {
        "ops@acme.test": "admin",
        "kim@acme.test": { role: "operator", name: "Kim Park", initialPassword: password.stringValue },
        "noa@acme.test": { role: "viewer", name: "Noa Levi" },
      },
      ...extra,
    });
  };

  it("creates a callplane_user for each direct member and a role assignment for the others", () => {
    const stack = stackWith((s) => team(s));
    expect(stack).toHaveResourceWithProperties(CallplaneRoleAssignment, { email: "ops@acme.test", role: "admin" });
    expect(stack).toHaveResourceWithProperties(CallplaneUser, { email: "kim@acme.test", role: "operator", name: "Kim Park", initialPasswordWo: "${var.kim_password}", initialPasswordWoVersion: 1 });
    expect(stack).not.toHaveResourceWithProperties(CallplaneRoleAssignment, { email: "kim@acme.test" });
    const users = Object.values(synth(stack).resource.callplane_user!);
    expect(users.find((u) => u.email === "noa@acme.test")).toEqual({ email: "noa@acme.test", role: "viewer", name: "Noa Levi" });
  });

  it("never uses the stored initial_password, and the variable is sensitive and ephemeral", () => {
    const out = synth(stackWith((s) => team(s)));
    for (const user of Object.values(out.resource.callplane_user!)) expect(user).not.toHaveProperty("initial_password");
    expect(out.variable?.kim_password).toEqual({ type: "string", sensitive: true, ephemeral: true, nullable: false, description: "Kim's first password" });
  });

  it("counts direct members' roles for the team (admins, RequireMinimumAdmins)", () => {
    let built: Team | undefined;
    stackWith((s) => (built = new Team(s, "team", { members: { "kim@acme.test": { role: "admin", name: "Kim" }, "lee@acme.test": "member" } })));
    expect(built!.admins).toEqual(["kim@acme.test"]);
    expect(built!.members).toEqual({ "kim@acme.test": "admin", "lee@acme.test": "member" });
    expect(built!.userByEmail.get("kim@acme.test")).toBeInstanceOf(CallplaneUser);
  });

  it("records the password version given", () => {
    const stack = stackWith((s) => {
      const password = new SecretVariable(s, "pw");
      new Team(s, "team", { members: { "kim@acme.test": { role: "admin", name: "Kim", initialPassword: password.stringValue, initialPasswordVersion: 3 } } });
    });
    expect(stack).toHaveResourceWithProperties(CallplaneUser, { initialPasswordWoVersion: 3 });
  });

  it("refuses a literal password without repeating it", () => {
    const run = failure((s) => new Team(s, "team", { members: { "kim@acme.test": { role: "admin", name: "Kim", initialPassword: "hunter2-hunter2" } } }));
    expect(run).toThrow('settings/team: rule "initial-password-write-only" failed: members["kim@acme.test"].initialPassword must be a token, such as a SecretVariable\'s value: a literal password would be written into cdk.tf.json (value hidden)');
    expect(run).not.toThrow(/hunter2/);
  });

  it("refuses direct members in an authoritative team", () => {
    const run = failure((s) => team(s, { authoritative: true }));
    expect(run).toThrow('settings/team: rule "direct-members-additive" failed: members["kim@acme.test"] must be a role in an authoritative team');
    expect(run).not.toThrow(/var\.kim_password/);
  });

  it("an authoritative team of roles still declares only callplane_role_assignments", () => {
    const stack = stackWith((s) => new Team(s, "team", { members: { "ops@acme.test": "admin" }, authoritative: true }));
    expect(stack).toHaveResource(CallplaneRoleAssignments);
    expect(stack).not.toHaveResource(CallplaneUser);
  });

  it("names the field of a bad name, role or version", () => {
    const run = failure((s) => new Team(s, "team", {
      members: { "ops@acme.test": "admin", "kim@acme.test": { role: "boss" as "admin", name: "", initialPasswordVersion: 1.5 } },
    }));
    expect(run).toThrow('rule "role-format" failed: members["kim@acme.test"].role must be one of admin, member, operator, viewer (got "boss")');
    expect(run).toThrow('rule "name-format" failed: members["kim@acme.test"].name must not be empty (got "")');
    expect(run).toThrow('rule "initial-password-version-format" failed: members["kim@acme.test"].initialPasswordVersion must be a whole number, 0 or more (got 1.5)');
  });

  it("are judged by a PolicyAspect like invited members (an outside email domain fails synth)", () => {
    const stack = stackWith((s) => team(s));
    Aspects.of(stack).add(PolicyAspect.fromYaml("version: 1\nrules:\n  allowed_email_domains: [example.org]\n"));
    expect(() => Testing.synth(stack, true)).toThrow(/settings\/team\/kim@acme\.test: policy rule "allowed_email_domains" failed: kim@acme\.test/);
  });
});
