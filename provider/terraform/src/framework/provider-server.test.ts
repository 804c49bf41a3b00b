// The provider framework's request handlers driven in-process, as Terraform drives them over
// gRPC: schemas, validation, planning (defaults, computed values, replacement, write-only),
// apply, read, import, data sources, ephemeral resources and functions. Terraform's own runs of
// the Callplane provider are in e2e/; these reach the same code without Terraform.
import { describe, expect, it } from "vitest";
import type { ClientCapabilities, DynamicValue } from "../protocol/index.js";
import { decodeMsgpack, encodeMsgpack, t, UNKNOWN, type Value } from "../values/index.js";
import { ArgumentError, defineFunction } from "./function.js";
import { requiresReplace, useStateForUnknown } from "./plan-modifiers.js";
import { createProviderHandlers } from "./provider-server.js";
import { defineDataSource, defineEphemeralResource, defineResource, type ProviderContext, type ProviderDefinition, type State } from "./resource.js";
import { defineSchema, objectTypeOf, type SchemaDefinition } from "./schema.js";
import { validatorFor } from "./validators.js";

const thingSchema = defineSchema({
  version: 1,
  description: "A thing.",
  attributes: {
    id: { type: t.string, computed: true, planModifiers: [useStateForUnknown()], description: "Id." },
    name: {
      type: t.string, required: true, description: "Name.",
      validators: [validatorFor(t.string, (name) => (name.startsWith("bad") ? [`must not start with "bad" (got "${name}")`] : []))],
    },
    region: {
      type: t.string, optional: true, planModifiers: [requiresReplace()], description: "Region.",
      validators: [validatorFor(t.string, (region) => (region === region.toLowerCase() ? [] : ["must be lower case"]))],
    },
    hidden: { type: t.bool, optional: true, default: false, description: "Hidden." },
    calls: { type: t.number, optional: true, computed: true, description: "Calls." },
    version: { type: t.string, computed: true, description: "Changes on every update." },
    password_wo: { type: t.string, optional: true, sensitive: true, writeOnly: true, description: "Password." },
    legacy: { type: t.string, optional: true, deprecated: "Use name.", description: "Old name." },
    legacy_secret: { type: t.string, optional: true, sensitive: true, deprecated: "Use password_wo.", description: "Old password." },
    tags: { type: t.list(t.string), optional: true, description: "Tags." },
  },
});
const thingType = objectTypeOf(thingSchema);

const lookupSchema = defineSchema({
  version: 0,
  description: "Looks a thing up.",
  attributes: {
    name: { type: t.string, required: true, description: "Name." },
    id: { type: t.string, computed: true, description: "Id." },
    tags: { type: t.list(t.string), optional: true, description: "Tags." },
  },
});
const lookupType = objectTypeOf(lookupSchema);

/** Planning's finer cases: attributes the user may set or leave to the provider. */
const siteSchema = defineSchema({
  version: 0,
  description: "A site.",
  attributes: {
    name: { type: t.string, required: true, description: "Name." },
    // The API picks a region when none is set; moving a site to another region replaces it.
    region: { type: t.string, optional: true, computed: true, planModifiers: [requiresReplace()], description: "Region." },
    // Derived from the name when not set, and kept after that; changing it replaces the site.
    slug: { type: t.string, optional: true, computed: true, planModifiers: [requiresReplace(), useStateForUnknown()], description: "Slug." },
    public: { type: t.bool, optional: true, computed: true, default: false, description: "Public." },
    // Set by the user or else by the API once; changing it is an update.
    motto: { type: t.string, optional: true, computed: true, planModifiers: [useStateForUnknown()], description: "Motto." },
    // What the API reports may hold nulls inside (an owner without a name).
    owners: { type: t.list(t.object({ email: t.string, name: t.string })), computed: true, planModifiers: [useStateForUnknown()], description: "Owners." },
  },
});
const siteType = objectTypeOf(siteSchema);

const tokenSchema = defineSchema({
  version: 0,
  description: "A short-lived token.",
  attributes: {
    name: { type: t.string, required: true, description: "Name.", validators: [validatorFor(t.string, (n) => (n === "" ? ["must not be empty"] : []))] },
    ttl: { type: t.number, optional: true, default: 60, description: "Seconds." },
    label: { type: t.string, optional: true, computed: true, description: "Label." },
    token: { type: t.string, computed: true, sensitive: true, description: "Token." },
  },
});
const tokenType = objectTypeOf(tokenSchema);

const providerSchema = defineSchema({
  version: 0,
  description: "The test provider.",
  attributes: { endpoint: { type: t.string, optional: true, description: "Endpoint." } },
});
const providerType = objectTypeOf(providerSchema);

interface Client { readonly endpoint: string | null }

/** What the resources were called with, in order. */
interface Journal { calls: Array<[string, ...unknown[]]> }

type Live = Record<string, Value>;

function testProvider(options: { refuseConfig?: boolean; noClient?: boolean } = {}) {
  const journal: Journal = { calls: [] };
  const live = new Map<string, Live>();
  let nextId = 1;
  const thing = defineResource<typeof thingSchema, Client>({
    typeName: "test_big_thing",
    schema: thingSchema,
    validateConfig(config, diagnostics) {
      journal.calls.push(["validateConfig", config]);
      if (config.name === "clash" && config.region === "clash") diagnostics.error("Name and region clash");
    },
    async modifyPlan(planned, prior, _ctx, diagnostics) {
      journal.calls.push(["modifyPlan", { ...planned }, prior && { ...prior }]);
      if (planned.name === "taken") diagnostics.error("Name taken", "Another thing has this name.", [{ attribute: "name" }]);
      if (planned.name === "shout") planned.name = "SHOUT";
    },
    async create(planned, _ctx, diagnostics) {
      journal.calls.push(["create", { ...planned }]);
      if (planned.name === "fails") {
        diagnostics.error("Could not create");
        return null;
      }
      const created = { ...planned, id: `t${nextId++}`, calls: planned.calls ?? 5, version: "v1" };
      live.set(created.id, created);
      return created;
    },
    async read(state, _ctx, diagnostics) {
      journal.calls.push(["read", { ...state }]);
      if (state.name === "unreadable") {
        diagnostics.error("Could not read");
        return null;
      }
      if (state.name === "throws") throw new Error("the API answered 500 on read");
      const found = live.get(state.id ?? "");
      return found ? { ...found, password_wo: "leaked?" } as never : null;
    },
    async update(planned, prior) {
      journal.calls.push(["update", { ...planned }, { ...prior }]);
      const updated = { ...planned, id: prior.id, calls: planned.calls ?? prior.calls, version: "v2" };
      live.set(prior.id ?? "", updated);
      return updated;
    },
    async delete(state, _ctx, diagnostics) {
      journal.calls.push(["delete", { ...state }]);
      if (state.name === "undeletable") diagnostics.error("Could not delete");
      else live.delete(state.id ?? "");
    },
    async importState(id) {
      journal.calls.push(["importState", id]);
      const found = live.get(id);
      return found ? { ...found, password_wo: "secret" } as never : null;
    },
  });
  const plain = defineResource<typeof lookupSchema, Client>({
    typeName: "test_plain",
    schema: lookupSchema,
    async create(planned) { return { ...planned, id: "p1" }; },
    async read(state) { return state; },
    async update(planned, prior) { return { ...planned, id: prior.id }; },
    async delete() {},
  });
  const site = defineResource<typeof siteSchema, Client>({
    typeName: "test_site",
    schema: siteSchema,
    async create(planned) { return { ...planned, region: "eu", slug: "s", public: planned.public ?? false, motto: planned.motto ?? "hi", owners: [] }; },
    async read(state) { return state; },
    async update(planned, prior) { return { ...prior, ...planned } as never; },
    async delete() {},
  });
  const lookup = defineDataSource<typeof lookupSchema, Client>({
    typeName: "test_lookup",
    schema: lookupSchema,
    async read(config, ctx, diagnostics) {
      journal.calls.push(["lookup", { ...config }]);
      if (config.name === "missing") {
        diagnostics.error("No such thing");
        return null;
      }
      const count = await ctx.cached("lookups", async () => {
        journal.calls.push(["load"]);
        if (config.name === "flaky") throw new Error("list failed");
        return live.size;
      });
      return { ...config, id: `found-${config.name}-${count}` };
    },
  });
  const token = defineEphemeralResource<typeof tokenSchema, Client>({
    typeName: "test_token",
    schema: tokenSchema,
    validateConfig(config, diagnostics) {
      journal.calls.push(["validateToken", config]);
      if (config.ttl === 0) diagnostics.error("ttl must be positive");
    },
    async open(config, _ctx, diagnostics) {
      journal.calls.push(["open", { ...config }]);
      if (config.name === "refused") {
        diagnostics.error("Refused");
        return { result: { ...config, token: "x" } };
      }
      return { result: { ...config, label: config.label ?? "auto", token: `tok-${config.name}` }, ...(config.name === "forever" ? {} : { closeWith: `close:${config.name}` }) };
    },
    async close(closeWith) {
      journal.calls.push(["close", closeWith]);
    },
  });
  const bare = defineEphemeralResource<typeof tokenSchema, Client>({
    typeName: "test_bare_token",
    schema: tokenSchema,
    async open(config) {
      return { result: { ...config, token: "bare" }, closeWith: "bare" };
    },
  });
  const arity = defineFunction({
    name: "arity",
    summary: "Counts.",
    description: "Counts its fixed and variadic arguments.",
    parameters: [{ name: "first", type: t.string, description: "First." }] as const,
    variadic: { name: "more", type: t.string, description: "More." },
    returns: t.string,
    call(fixed, more) {
      return `${fixed.length} fixed, ${more.length} more`;
    },
  });
  const split = defineFunction({
    name: "split",
    summary: "Splits a limit.",
    description: "Splits a limit by shares.",
    parameters: [
      { name: "limit", type: t.number, description: "The limit." },
      { name: "shares", type: t.map(t.number), description: "Shares." },
    ] as const,
    variadic: undefined,
    returns: t.map(t.number),
    call([limit, shares]) {
      if (limit < 0) throw new ArgumentError(0, "limit must be 0 or more");
      if (limit === 13) throw new Error("unlucky");
      if (limit === 14) throw "plain text";
      const total = Object.values(shares).reduce((a, b) => a + b, 0);
      return Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, Math.floor((limit * v) / total)]));
    },
  });
  const join = defineFunction({
    name: "join",
    summary: "Joins.",
    description: "Joins strings.",
    parameters: [{ name: "separator", type: t.string, description: "Separator." }] as const,
    variadic: { name: "parts", type: t.string, description: "Parts." },
    returns: t.string,
    call([separator], parts) {
      return parts.join(separator);
    },
  });
  const provider: ProviderDefinition<Client, typeof providerSchema> = {
    schema: providerSchema,
    configure(config, diagnostics) {
      journal.calls.push(["configure", { ...config }]);
      if (options.refuseConfig) diagnostics.error("Bad provider configuration");
      if (options.noClient) return undefined;
      return { endpoint: config.endpoint };
    },
    resources: [thing, plain, site],
    dataSources: [lookup],
    ephemeralResources: [token, bare],
    functions: [split, join, arity],
  };
  return { handlers: createProviderHandlers(provider as unknown as ProviderDefinition<Client>), journal, live };
}

const modern: ClientCapabilities = { deferralAllowed: false, writeOnlyAttributesAllowed: true };
const old: ClientCapabilities = { deferralAllowed: false, writeOnlyAttributesAllowed: false };
const NULL: DynamicValue = { msgpack: Uint8Array.of(0xc0) };

const emptyThing: State = {
  id: null, name: null, region: null, hidden: null, calls: null, version: null, password_wo: null, legacy: null, legacy_secret: null, tags: null,
};
function thingValue(values: State): DynamicValue {
  return { msgpack: encodeMsgpack({ ...emptyThing, ...values }, thingType) };
}
function readThing(value: DynamicValue | undefined): Value {
  return decodeMsgpack(value!.msgpack!, thingType);
}
function tokenValue(values: State): DynamicValue {
  return { msgpack: encodeMsgpack({ name: null, ttl: null, label: null, token: null, ...values }, tokenType) };
}
function lookupValue(values: State): DynamicValue {
  return { msgpack: encodeMsgpack({ name: null, id: null, tags: null, ...values }, lookupType) };
}

async function configured(endpoint: string | null = "https://api.test") {
  const provider = testProvider();
  const response = await provider.handlers.configureProvider!({
    terraformVersion: "1.11.4", config: { msgpack: encodeMsgpack({ endpoint }, providerType) }, clientCapabilities: modern,
  });
  expect(response.diagnostics).toEqual([]);
  return provider;
}

/** Plans a change as Terraform would, with the configuration as the proposed new state. */
async function plan(handlers: ReturnType<typeof testProvider>["handlers"], prior: State | null, config: State) {
  const response = await handlers.planResourceChange!({
    typeName: "test_big_thing",
    priorState: prior ? thingValue(prior) : NULL,
    proposedNewState: thingValue({ ...config, id: prior?.id ?? null, calls: config.calls ?? prior?.calls ?? null, version: prior?.version ?? null }),
    config: thingValue(config),
    priorPrivate: new Uint8Array(),
    clientCapabilities: modern,
  });
  return { ...response, planned: response.plannedState ? readThing(response.plannedState) as State : undefined };
}

async function apply(handlers: ReturnType<typeof testProvider>["handlers"], prior: State | null, planned: State | null, config: State | null) {
  const response = await handlers.applyResourceChange!({
    typeName: "test_big_thing",
    priorState: prior ? thingValue(prior) : NULL,
    plannedState: planned ? thingValue(planned) : NULL,
    config: config ? thingValue(config) : NULL,
    plannedPrivate: new Uint8Array(),
  });
  return { ...response, state: readThing(response.newState) as State | null };
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("schemas and metadata", () => {
  it("declares every resource, data source, ephemeral resource and function with its attributes' flags", async () => {
    const { handlers } = testProvider();
    const schema = await handlers.getProviderSchema!();
    expect(schema.serverCapabilities).toEqual({ planDestroy: true, getProviderSchemaOptional: true });
    expect(schema.provider).toMatchObject({ version: 0, block: { description: "The test provider.", descriptionKind: "markdown" } });
    expect(Object.keys(schema.resourceSchemas!)).toEqual(["test_big_thing", "test_plain", "test_site"]);
    expect(Object.keys(schema.dataSourceSchemas!)).toEqual(["test_lookup"]);
    expect(Object.keys(schema.ephemeralResourceSchemas!)).toEqual(["test_token", "test_bare_token"]);
    expect(Object.keys(schema.functions!)).toEqual(["split", "join", "arity"]);

    const thing = schema.resourceSchemas!.test_big_thing!;
    expect(thing.version).toBe(1);
    const byName = Object.fromEntries(thing.block.attributes!.map((a) => [a.name, a]));
    expect(byName.id).toEqual({ name: "id", type: "string", description: "Id.", descriptionKind: "markdown", required: false, optional: false, computed: true, sensitive: false });
    expect(byName.name).toMatchObject({ required: true, optional: false, computed: false });
    // A default is filled in by the provider: Terraform must allow a computed value there.
    expect(byName.hidden).toMatchObject({ optional: true, computed: true, type: "bool" });
    expect(byName.password_wo).toMatchObject({ writeOnly: true, sensitive: true });
    expect(byName.legacy).toMatchObject({ deprecated: true, description: "Old name. **Deprecated:** Use name." });
    expect(byName.tags!.type).toEqual(["list", "string"]);
    expect(byName.name).not.toHaveProperty("writeOnly");
    expect(byName.name).not.toHaveProperty("deprecated");
  });

  it("declares functions with their parameters, variadic parameter and return type", async () => {
    const { handlers } = testProvider();
    const { functions } = await handlers.getFunctions!();
    expect(functions!.split).toEqual({
      parameters: [
        { name: "limit", type: "number", description: "The limit.", descriptionKind: "markdown" },
        { name: "shares", type: ["map", "number"], description: "Shares.", descriptionKind: "markdown" },
      ],
      returnType: ["map", "number"],
      summary: "Splits a limit.",
      description: "Splits a limit by shares.",
      descriptionKind: "markdown",
    });
    expect(functions!.join!.variadicParameter).toEqual({ name: "parts", type: "string", description: "Parts.", descriptionKind: "markdown" });
  });

  it("lists the names in GetMetadata", async () => {
    const { handlers } = testProvider();
    expect(await handlers.getMetadata!()).toEqual({
      serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
      resources: ["test_big_thing", "test_plain", "test_site"],
      dataSources: ["test_lookup"],
      ephemeralResources: ["test_token", "test_bare_token"],
      functions: ["split", "join", "arity"],
    });
    expect(await handlers.validateProviderConfig!({ config: NULL })).toEqual({});
    expect(await handlers.stopProvider!()).toEqual({});
  });

  it("lists no ephemeral resources or functions for a provider that declares none", async () => {
    const handlers = createProviderHandlers<Client>({ schema: providerSchema as SchemaDefinition, configure: () => ({ endpoint: null }), resources: [], dataSources: [] });
    expect(await handlers.getMetadata!()).toMatchObject({ ephemeralResources: [], functions: [] });
    expect(await handlers.getProviderSchema!()).toMatchObject({ ephemeralResourceSchemas: {}, functions: {} });
  });

  it("refuses a type name it does not have", async () => {
    const { handlers } = testProvider();
    await expect(handlers.validateResourceConfig!({ typeName: "test_nope", config: NULL, clientCapabilities: modern })).rejects.toThrow("unknown resource type test_nope");
    await expect(handlers.validateDataResourceConfig!({ typeName: "test_nope", config: NULL })).rejects.toThrow("unknown data source test_nope");
    await expect(handlers.openEphemeralResource!({ typeName: "test_nope", config: NULL, clientCapabilities: modern })).rejects.toThrow("unknown ephemeral resource type test_nope");
  });
});

describe("validating a resource's configuration", () => {
  const validate = (config: State, capabilities = modern) =>
    testProvider().handlers.validateResourceConfig!({ typeName: "test_big_thing", config: thingValue(config), clientCapabilities: capabilities });

  it("accepts a good configuration without a diagnostic", async () => {
    expect((await validate({ name: "a", region: "eu", tags: ["x"] })).diagnostics).toEqual([]);
  });

  it("runs the attribute's validators on known values, with the error on the attribute", async () => {
    expect((await validate({ name: "bad-name" })).diagnostics).toEqual([
      { severity: "error", summary: "Invalid name", detail: 'name: must not start with "bad" (got "bad-name")', attribute: [{ attribute: "name" }] },
    ]);
    // Not yet known: nothing to check.
    expect((await validate({ name: UNKNOWN })).diagnostics).toEqual([]);
  });

  it("runs the resource's own checks only when the attributes passed theirs", async () => {
    const provider = testProvider();
    const run = (config: State) => provider.handlers.validateResourceConfig!({ typeName: "test_big_thing", config: thingValue(config), clientCapabilities: modern });
    expect((await run({ name: "clash", region: "clash" })).diagnostics).toEqual([{ severity: "error", summary: "Name and region clash" }]);
    provider.journal.calls.length = 0;
    expect((await run({ name: "bad", region: "clash" })).diagnostics).toHaveLength(1);
    expect(provider.journal.calls).toEqual([]);
  });

  it("refuses a null inside a list the user sets, on the element", async () => {
    expect((await validate({ name: "a", tags: ["x", null] })).diagnostics).toEqual([
      { severity: "error", summary: "Invalid tags", detail: "tags[1]: must not be null.", attribute: [{ attribute: "tags" }, { index: 1 }] },
    ]);
  });

  it("refuses a write-only argument from a Terraform before 1.11, naming it", async () => {
    const { diagnostics } = await validate({ name: "a", password_wo: "s3cret" }, old);
    expect(diagnostics).toEqual([{
      severity: "error",
      summary: "Write-only argument needs Terraform 1.11 or later",
      detail: expect.stringContaining("password_wo is a write-only argument"),
      attribute: [{ attribute: "password_wo" }],
    }]);
    expect(diagnostics![0]!.detail).toContain("leave password_wo out");
    expect((await validate({ name: "a", password_wo: "s3cret" })).diagnostics).toEqual([]);
    expect((await validate({ name: "a" }, old)).diagnostics).toEqual([]);
  });

  it("warns about a deprecated argument on its line, or on the resource when it is sensitive", async () => {
    expect((await validate({ name: "a", legacy: "old" })).diagnostics).toEqual([
      { severity: "warning", summary: "legacy is deprecated", detail: "Use name.", attribute: [{ attribute: "legacy" }] },
    ]);
    expect((await validate({ name: "a", legacy_secret: "hunter2" })).diagnostics).toEqual([
      { severity: "warning", summary: "legacy_secret is deprecated", detail: "Use password_wo." },
    ]);
    expect((await validate({ name: "a" })).diagnostics).toEqual([]);
  });

  it("has nothing to say about a null configuration", async () => {
    const { handlers, journal } = testProvider();
    expect((await handlers.validateResourceConfig!({ typeName: "test_big_thing", config: NULL, clientCapabilities: old })).diagnostics).toEqual([]);
    expect((await handlers.validateResourceConfig!({ typeName: "test_big_thing", config: {}, clientCapabilities: old })).diagnostics).toEqual([]);
    expect(journal.calls).toEqual([]);
  });

  it("reads empty bytes as no configuration", async () => {
    const { handlers, journal } = testProvider();
    expect((await handlers.validateResourceConfig!({ typeName: "test_big_thing", config: { msgpack: new Uint8Array() }, clientCapabilities: old })).diagnostics).toEqual([]);
    expect(journal.calls).toEqual([]);
  });

  it("checks a resource without checks of its own on its attributes alone", async () => {
    const { handlers } = testProvider();
    const validate = (values: State) => handlers.validateResourceConfig!({ typeName: "test_plain", config: lookupValue(values), clientCapabilities: modern });
    expect((await validate({ name: "a" })).diagnostics).toEqual([]);
    expect((await validate({ name: "a", tags: [null] })).diagnostics).toMatchObject([{ detail: "tags[0]: must not be null." }]);
  });

  it("runs validators of optional attributes only on values that are set", async () => {
    const provider = testProvider();
    const run = (config: State) => provider.handlers.validateResourceConfig!({ typeName: "test_big_thing", config: thingValue(config), clientCapabilities: modern });
    expect((await run({ name: "a", region: null })).diagnostics).toEqual([]);
    expect((await run({ name: "a", region: "EU" })).diagnostics).toEqual([{ severity: "error", summary: "Invalid region", detail: "region: must be lower case", attribute: [{ attribute: "region" }] }]);
  });

  it("still runs the resource's own checks after a warning", async () => {
    const provider = testProvider();
    const response = await provider.handlers.validateResourceConfig!({ typeName: "test_big_thing", config: thingValue({ name: "clash", region: "clash", legacy: "old" }), clientCapabilities: modern });
    expect(response.diagnostics!.map((d) => d.summary)).toEqual(["legacy is deprecated", "Name and region clash"]);
  });

  it("turns undecodable bytes into an 'Invalid value' diagnostic", async () => {
    const { handlers } = testProvider();
    const response = await handlers.validateResourceConfig!({ typeName: "test_big_thing", config: { msgpack: encodeMsgpack({ ...emptyThing, name: 7 }, t.object({ ...thingType.attributes, name: t.number })) }, clientCapabilities: modern });
    expect(response.diagnostics).toEqual([{ severity: "error", summary: "Invalid value", detail: "string is required (got a number)", attribute: [{ attribute: "name" }] }]);
  });

  it("checks a data source's configuration", async () => {
    const { handlers } = testProvider();
    const check = (config: DynamicValue) => handlers.validateDataResourceConfig!({ typeName: "test_lookup", config });
    expect((await check(lookupValue({ name: "a", tags: ["x"] }))).diagnostics).toEqual([]);
    expect((await check(lookupValue({ name: "a", tags: [null] }))).diagnostics).toMatchObject([{ severity: "error", detail: "tags[0]: must not be null." }]);
    expect((await check(NULL)).diagnostics).toEqual([]);
  });
});

describe("planning", () => {
  it("plans a create: defaults for what is left out, unknown for what the provider computes, write-only values out", async () => {
    const { handlers } = await configured();
    const { planned, requiresReplace, diagnostics } = await plan(handlers, null, { name: "a", password_wo: "s3cret" });
    expect(diagnostics).toEqual([]);
    expect(requiresReplace).toEqual([]);
    expect(planned).toEqual({ ...emptyThing, name: "a", hidden: false, id: UNKNOWN, calls: UNKNOWN, version: UNKNOWN });
  });

  it("keeps the configured value of an optional + computed attribute and of an attribute with a default", async () => {
    const { handlers } = await configured();
    const { planned } = await plan(handlers, null, { name: "a", calls: 9, hidden: true });
    expect(planned).toMatchObject({ calls: 9, hidden: true, id: UNKNOWN });
  });

  it("plans no change when nothing changed: computed values stay as they are", async () => {
    const { handlers } = await configured();
    const prior = { ...emptyThing, id: "t1", name: "a", hidden: false, calls: 5, version: "v1", tags: ["x"] };
    const { planned, requiresReplace } = await plan(handlers, prior, { name: "a", tags: ["x"] });
    expect(requiresReplace).toEqual([]);
    expect(planned).toEqual(prior);
  });

  it("plans an update: values that change on update become unknown, those marked useStateForUnknown keep their value", async () => {
    const { handlers } = await configured();
    const prior = { ...emptyThing, id: "t1", name: "a", hidden: false, calls: 5, version: "v1", tags: ["x"] };
    const changes: State[] = [{ name: "b" }, { tags: ["x", "y"] }, { tags: ["y"] }, { tags: [] }, { hidden: true }];
    for (const change of changes) {
      const { planned, requiresReplace } = await plan(handlers, prior, { name: "a", tags: ["x"], ...change });
      expect(requiresReplace, JSON.stringify(change)).toEqual([]);
      expect(planned, JSON.stringify(change)).toEqual({ ...prior, ...change, calls: UNKNOWN, version: UNKNOWN });
    }
  });

  it("plans a replacement when an attribute that requires it changes: every computed value is unknown", async () => {
    const { handlers, journal } = await configured();
    const prior = { ...emptyThing, id: "t1", name: "a", region: "eu", hidden: false, calls: 5, version: "v1" };
    const { planned, requiresReplace } = await plan(handlers, prior, { name: "a", region: "us" });
    expect(requiresReplace).toEqual([[{ attribute: "region" }]]);
    expect(planned).toEqual({ ...prior, region: "us", id: UNKNOWN, calls: UNKNOWN, version: UNKNOWN });
    // The resource plans a create: no prior object.
    expect(journal.calls.at(-1)).toEqual(["modifyPlan", expect.objectContaining({ region: "us" }), null]);
  });

  it("plans no replacement while the new value is unknown, nor when the attribute is set for the first time to the same value", async () => {
    const { handlers, journal } = await configured();
    const prior = { ...emptyThing, id: "t1", name: "a", region: "eu", hidden: false, calls: 5, version: "v1" };
    const unknown = await plan(handlers, prior, { name: "a", region: UNKNOWN });
    expect(unknown.requiresReplace).toEqual([]);
    expect(unknown.planned).toMatchObject({ id: "t1", region: UNKNOWN, calls: UNKNOWN });
    expect(journal.calls.at(-1)).toEqual(["modifyPlan", expect.anything(), expect.objectContaining({ id: "t1" })]);
    const same = await plan(handlers, prior, { name: "a", region: "eu" });
    expect(same.requiresReplace).toEqual([]);
  });

  it("passes a destroy through as Terraform proposed it", async () => {
    const { handlers, journal } = await configured();
    journal.calls.length = 0;
    const response = await handlers.planResourceChange!({
      typeName: "test_big_thing", priorState: thingValue({ id: "t1", name: "a" }), proposedNewState: NULL, config: NULL, priorPrivate: new Uint8Array(), clientCapabilities: modern,
    });
    expect(response).toEqual({ plannedState: NULL, diagnostics: [] });
    expect(journal.calls).toEqual([]);
  });

  it("lets the resource adjust the plan and refuse it, with its diagnostics", async () => {
    const { handlers } = await configured();
    expect((await plan(handlers, null, { name: "shout" })).planned).toMatchObject({ name: "SHOUT" });
    const taken = await plan(handlers, null, { name: "taken" });
    expect(taken.diagnostics).toEqual([{ severity: "error", summary: "Name taken", detail: "Another thing has this name.", attribute: [{ attribute: "name" }] }]);
  });

  it("checks attributes while planning, and does not ask the resource when they fail", async () => {
    const { handlers, journal } = await configured();
    journal.calls.length = 0;
    const { diagnostics } = await plan(handlers, null, { name: "bad", tags: ["a", null] });
    expect(diagnostics!.map((d) => d.summary)).toEqual(["Invalid name", "Invalid tags"]);
    expect(journal.calls).toEqual([]);
  });

  it("plans without the resource's adjustments before the provider is configured (unknown provider settings)", async () => {
    const { handlers, journal } = testProvider();
    const { planned, diagnostics } = await plan(handlers, null, { name: "shout" });
    expect(diagnostics).toEqual([]);
    expect(planned).toMatchObject({ name: "shout", id: UNKNOWN });
    expect(journal.calls).toEqual([]);
  });
});

describe("planning attributes the provider may compute", () => {
  const prior: State = { name: "a", region: "eu", slug: "a-1", public: false, motto: "hi", owners: [{ email: "lee@acme.test", name: null }] };
  /** As Terraform proposes: the configuration, with prior values where it leaves a computed attribute unset. */
  async function planSite(handlers: ReturnType<typeof testProvider>["handlers"], before: State | null, config: State) {
    const full = { name: null, region: null, slug: null, public: null, motto: null, owners: null, ...config };
    const proposed = Object.fromEntries(Object.entries(full).map(([k, v]) => [k, v ?? (k === "public" ? null : before?.[k] ?? null)]));
    const response = await handlers.planResourceChange!({
      typeName: "test_site",
      priorState: before ? { msgpack: encodeMsgpack(before, siteType) } : NULL,
      proposedNewState: { msgpack: encodeMsgpack(proposed, siteType) },
      config: { msgpack: encodeMsgpack(full, siteType) },
      priorPrivate: new Uint8Array(),
      clientCapabilities: modern,
    });
    return { ...response, planned: decodeMsgpack(response.plannedState!.msgpack!, siteType) as State };
  }

  it("plans a create with the default of an attribute the provider may compute, and unknown for the rest", async () => {
    const { handlers } = await configured();
    const { planned } = await planSite(handlers, null, { name: "a" });
    expect(planned).toEqual({ name: "a", region: UNKNOWN, slug: UNKNOWN, public: false, motto: UNKNOWN, owners: UNKNOWN });
  });

  it("keeps what the provider computed, nulls inside included, when nothing the user sets changes", async () => {
    const { handlers } = await configured();
    const { planned, diagnostics } = await planSite(handlers, prior, { name: "a" });
    expect(diagnostics).toEqual([]);
    expect(planned).toEqual(prior);
  });

  it("on an update, keeps only values marked useStateForUnknown", async () => {
    const { handlers } = await configured();
    const { planned, requiresReplace } = await planSite(handlers, prior, { name: "b" });
    expect(requiresReplace).toEqual([]);
    expect(planned).toEqual({ ...prior, name: "b", region: UNKNOWN });
  });

  it("replaces when an attribute with several plan modifiers, one of them requiresReplace, changes", async () => {
    const { handlers } = await configured();
    const { planned, requiresReplace } = await planSite(handlers, prior, { name: "a", slug: "a-2" });
    expect(requiresReplace).toEqual([[{ attribute: "slug" }]]);
    expect(planned).toEqual({ name: "a", slug: "a-2", public: false, region: UNKNOWN, motto: UNKNOWN, owners: UNKNOWN });
  });

  it("updates, without replacing, when an attribute with other plan modifiers changes", async () => {
    const { handlers } = await configured();
    const { planned, requiresReplace } = await planSite(handlers, prior, { name: "a", motto: "hello" });
    expect(requiresReplace).toEqual([]);
    expect(planned).toEqual({ ...prior, motto: "hello", region: UNKNOWN });
  });
});

describe("applying", () => {
  it("creates with the configuration's write-only values, and keeps them out of the new state", async () => {
    const { handlers, journal } = await configured();
    const planned = { ...emptyThing, name: "a", hidden: false, id: UNKNOWN, calls: UNKNOWN, version: UNKNOWN };
    const { state, diagnostics } = await apply(handlers, null, planned, { name: "a", password_wo: "s3cret" });
    expect(diagnostics).toEqual([]);
    // An optional + computed value the user left unset reaches create as null; what only the provider sets stays unknown.
    expect(journal.calls.at(-1)).toEqual(["create", { ...planned, calls: null, password_wo: "s3cret" }]);
    expect(state).toEqual({ ...emptyThing, id: "t1", name: "a", hidden: false, calls: 5, version: "v1" });
  });

  it("updates with the prior state", async () => {
    const { handlers, journal } = await configured();
    const prior = { ...emptyThing, id: "t1", name: "a", hidden: false, calls: 5, version: "v1" };
    const planned = { ...prior, name: "b", calls: UNKNOWN, version: UNKNOWN };
    const { state } = await apply(handlers, prior, planned, { name: "b", password_wo: "new" });
    expect(journal.calls.at(-1)).toEqual(["update", { ...planned, calls: null, password_wo: "new" }, prior]);
    expect(state).toEqual({ ...prior, name: "b", version: "v2" });
  });

  it("deletes, and answers a null state", async () => {
    const { handlers, journal, live } = await configured();
    live.set("t1", { id: "t1" });
    const prior = { ...emptyThing, id: "t1", name: "a" };
    const response = await apply(handlers, prior, null, null);
    expect(journal.calls.at(-1)).toEqual(["delete", prior]);
    expect(response.newState).toEqual(NULL);
    expect(live.has("t1")).toBe(false);
  });

  it("keeps the prior state when a delete fails", async () => {
    const { handlers } = await configured();
    const prior = { ...emptyThing, id: "t1", name: "undeletable" };
    const response = await apply(handlers, prior, null, null);
    expect(response.diagnostics).toEqual([{ severity: "error", summary: "Could not delete" }]);
    expect(response.state).toEqual(prior);
  });

  it("has nothing to delete when there is no prior object", async () => {
    const { handlers, journal } = await configured();
    journal.calls.length = 0;
    const response = await apply(handlers, null, null, null);
    expect(response.newState).toEqual(NULL);
    expect(journal.calls).toEqual([]);
  });

  it("keeps the prior state when create gives nothing back, with the resource's diagnostics", async () => {
    const { handlers } = await configured();
    const response = await apply(handlers, null, { name: "fails", id: UNKNOWN }, { name: "fails" });
    expect(response.diagnostics).toEqual([{ severity: "error", summary: "Could not create" }]);
    expect(response.newState).toEqual(NULL);
  });

  it("refuses to apply before the provider is configured", async () => {
    const { handlers, journal } = testProvider();
    const prior = { ...emptyThing, id: "t1", name: "a" };
    const response = await apply(handlers, prior, null, null);
    expect(response.diagnostics).toEqual([{ severity: "error", summary: "The provider is not configured", detail: "Terraform called the provider before configuring it." }]);
    expect(response.state).toEqual(prior);
    expect(journal.calls).toEqual([]);
  });

  it("forgets cached lists after a write, so the next read sees it", async () => {
    const { handlers } = await configured();
    const lookup = async () => readLookupId(await handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name: "x" }), clientCapabilities: modern }));
    expect(await lookup()).toBe("found-x-0");
    await apply(handlers, null, { name: "a", id: UNKNOWN }, { name: "a" });
    expect(await lookup()).toBe("found-x-1");
  });
});

function readLookupId(response: { state?: DynamicValue }): Value {
  return (decodeMsgpack(response.state!.msgpack!, lookupType) as State).id!;
}

describe("reading and importing", () => {
  const read = (handlers: ReturnType<typeof testProvider>["handlers"], state: State) =>
    handlers.readResource!({ typeName: "test_big_thing", currentState: thingValue(state), private: new Uint8Array(), clientCapabilities: modern });

  it("answers the live object, with write-only values null", async () => {
    const { handlers, live } = await configured();
    live.set("t1", { ...emptyThing, id: "t1", name: "renamed", version: "v9" });
    const response = await read(handlers, { id: "t1", name: "a" });
    expect(response.diagnostics).toEqual([]);
    expect(readThing(response.newState)).toEqual({ ...emptyThing, id: "t1", name: "renamed", version: "v9" });
  });

  it("answers a null state for an object deleted outside Terraform", async () => {
    const { handlers } = await configured();
    expect((await read(handlers, { id: "gone", name: "a" })).newState).toEqual(NULL);
  });

  it("keeps the current state when the read fails", async () => {
    const { handlers } = await configured();
    const failed = await read(handlers, { id: "t1", name: "unreadable" });
    expect(failed.diagnostics).toEqual([{ severity: "error", summary: "Could not read" }]);
    expect(readThing(failed.newState)).toMatchObject({ id: "t1", name: "unreadable" });
    const thrown = await read(handlers, { id: "t1", name: "throws" });
    expect(thrown.diagnostics).toEqual([{ severity: "error", summary: "Unexpected provider error", detail: "the API answered 500 on read" }]);
    expect(readThing(thrown.newState)).toMatchObject({ id: "t1", name: "throws" });
  });

  it("does not read before the provider is configured", async () => {
    const { handlers, journal } = testProvider();
    const response = await read(handlers, { id: "t1", name: "a" });
    expect(response.diagnostics).toMatchObject([{ summary: "The provider is not configured" }]);
    expect(journal.calls).toEqual([]);
  });

  it("imports an existing object by id, without its write-only values", async () => {
    const { handlers, live } = await configured();
    live.set("t7", { ...emptyThing, id: "t7", name: "a", hidden: true, version: "v1" });
    const response = await handlers.importResourceState!({ typeName: "test_big_thing", id: "t7", clientCapabilities: modern });
    expect(response.diagnostics).toEqual([]);
    expect(response.importedResources).toHaveLength(1);
    expect(response.importedResources![0]!.typeName).toBe("test_big_thing");
    expect(readThing(response.importedResources![0]!.state)).toEqual({ ...emptyThing, id: "t7", name: "a", hidden: true, version: "v1" });
  });

  it("says which object it could not find, in words", async () => {
    const { handlers } = await configured();
    const response = await handlers.importResourceState!({ typeName: "test_big_thing", id: "t404", clientCapabilities: modern });
    expect(response).toEqual({
      importedResources: [],
      diagnostics: [{ severity: "error", summary: "Cannot import test_big_thing", detail: 'No big thing with id "t404" exists.' }],
    });
  });

  it("says when a resource cannot be imported at all, or the provider is not configured", async () => {
    const { handlers } = await configured();
    const response = await handlers.importResourceState!({ typeName: "test_plain", id: "p1", clientCapabilities: modern });
    expect(response).toEqual({ importedResources: [], diagnostics: [{ severity: "error", summary: "test_plain cannot be imported" }] });
    const fresh = testProvider();
    const unconfigured = await fresh.handlers.importResourceState!({ typeName: "test_big_thing", id: "t1", clientCapabilities: modern });
    expect(unconfigured.diagnostics).toMatchObject([{ summary: "The provider is not configured" }]);
    expect(fresh.journal.calls).toEqual([]);
  });
});

describe("data sources", () => {
  it("reads with the configuration and answers the result", async () => {
    const { handlers, journal } = await configured();
    const response = await handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name: "x" }), clientCapabilities: modern });
    expect(response.diagnostics).toEqual([]);
    expect(decodeMsgpack(response.state!.msgpack!, lookupType)).toEqual({ name: "x", id: "found-x-0", tags: null });
    expect(journal.calls).toContainEqual(["lookup", { name: "x", id: null, tags: null }]);
  });

  it("answers no state with the data source's diagnostics when it finds nothing", async () => {
    const { handlers } = await configured();
    const response = await handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name: "missing" }), clientCapabilities: modern });
    expect(response).toEqual({ diagnostics: [{ severity: "error", summary: "No such thing" }] });
  });

  it("needs a configured provider", async () => {
    const response = await testProvider().handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name: "x" }), clientCapabilities: modern });
    expect(response).toEqual({ diagnostics: [expect.objectContaining({ summary: "The provider is not configured" })] });
  });

  it("memoises a list per key, and loads it again after it failed", async () => {
    const { handlers, journal } = await configured();
    const lookup = (name: string) => handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name }), clientCapabilities: modern });
    await lookup("a");
    await lookup("b");
    expect(journal.calls.filter(([kind]) => kind === "load")).toHaveLength(1);

    const fresh = await configured();
    const flaky = await fresh.handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name: "flaky" }), clientCapabilities: modern });
    expect(flaky.diagnostics).toEqual([{ severity: "error", summary: "Unexpected provider error", detail: "list failed" }]);
    const after = await fresh.handlers.readDataSource!({ typeName: "test_lookup", config: lookupValue({ name: "y" }), clientCapabilities: modern });
    expect(after.diagnostics).toEqual([]);
    expect(fresh.journal.calls.filter(([kind]) => kind === "load")).toHaveLength(2);
  });
});

describe("configuring the provider", () => {
  it("hands the provider block's settings to configure and to the resources", async () => {
    const { journal } = await configured("https://eu.api.test");
    expect(journal.calls).toEqual([["configure", { endpoint: "https://eu.api.test" }]]);
    let seen: ProviderContext<Client> | undefined;
    const spy = defineResource<typeof lookupSchema, Client>({
      typeName: "test_spy", schema: lookupSchema,
      async create(planned, ctx) { seen = ctx; return { ...planned, id: "s" }; },
      async read(s) { return s; }, async update(p) { return { ...p, id: "s" }; }, async delete() {},
    });
    const provider = createProviderHandlers<Client>({ schema: providerSchema as SchemaDefinition, configure: (c) => ({ endpoint: c.endpoint as string }), resources: [spy], dataSources: [] });
    await provider.configureProvider!({ terraformVersion: "1.11.4", config: { msgpack: encodeMsgpack({ endpoint: "https://x.test" }, providerType) }, clientCapabilities: modern });
    await provider.applyResourceChange!({ typeName: "test_spy", priorState: NULL, plannedState: lookupValue({ name: "n", id: UNKNOWN }), config: lookupValue({ name: "n" }), plannedPrivate: new Uint8Array() });
    expect(seen!.client).toEqual({ endpoint: "https://x.test" });
    expect(seen!.providerConfig).toEqual({ endpoint: "https://x.test" });
  });

  it("configures with no settings when Terraform sends none", async () => {
    const { handlers, journal } = testProvider();
    expect((await handlers.configureProvider!({ terraformVersion: "1.11.4", config: NULL, clientCapabilities: modern })).diagnostics).toEqual([]);
    expect(journal.calls).toEqual([["configure", {}]]);
  });

  it("stays unconfigured when configure refuses or makes no client", async () => {
    for (const options of [{ refuseConfig: true }, { noClient: true }]) {
      const { handlers } = testProvider(options);
      const response = await handlers.configureProvider!({ terraformVersion: "1.11.4", config: { msgpack: encodeMsgpack({ endpoint: null }, providerType) }, clientCapabilities: modern });
      expect(response.diagnostics).toEqual(options.refuseConfig ? [{ severity: "error", summary: "Bad provider configuration" }] : []);
      const applied = await apply(handlers, null, { name: "a", id: UNKNOWN }, { name: "a" });
      expect(applied.diagnostics, JSON.stringify(options)).toMatchObject([{ summary: "The provider is not configured" }]);
    }
  });
});

describe("upgrading state", () => {
  it("reads state JSON, dropping attributes the schema no longer has and starting new ones as null", async () => {
    const { handlers } = testProvider();
    const json = new TextEncoder().encode(JSON.stringify({ id: "t1", name: "a", hidden: true, removed_long_ago: 3 }));
    const response = await handlers.upgradeResourceState!({ typeName: "test_big_thing", version: 0, rawState: { json } });
    expect(response.diagnostics).toEqual([]);
    expect(readThing(response.upgradedState)).toEqual({ ...emptyThing, id: "t1", name: "a", hidden: true });
  });

  it("refuses flatmap state from a Terraform too old, and JSON that does not fit", async () => {
    const { handlers } = testProvider();
    const flatmap = await handlers.upgradeResourceState!({ typeName: "test_big_thing", version: 0, rawState: { flatmap: { id: "t1" } } });
    expect(flatmap).toEqual({ diagnostics: [{ severity: "error", summary: "Unexpected provider error", detail: "state was written by a Terraform too old to read (flatmap)" }] });
    const wrong = await handlers.upgradeResourceState!({ typeName: "test_big_thing", version: 0, rawState: { json: new TextEncoder().encode('{"tags": "x"}') } });
    expect(wrong.upgradedState).toBeUndefined();
    expect(wrong.diagnostics).toMatchObject([{ severity: "error", summary: "Invalid value", attribute: [{ attribute: "tags" }] }]);
  });
});

describe("ephemeral resources", () => {
  const open = (handlers: ReturnType<typeof testProvider>["handlers"], config: State) =>
    handlers.openEphemeralResource!({ typeName: "test_token", config: tokenValue(config), clientCapabilities: modern });

  it("validates the configuration: attribute validators first, then the resource's checks", async () => {
    const { handlers, journal } = testProvider();
    const validate = (config: State) => handlers.validateEphemeralResourceConfig!({ typeName: "test_token", config: tokenValue(config) });
    expect((await validate({ name: "a", ttl: 0 })).diagnostics).toEqual([{ severity: "error", summary: "ttl must be positive" }]);
    journal.calls.length = 0;
    expect((await validate({ name: "" })).diagnostics).toEqual([{ severity: "error", summary: "Invalid name", detail: "name: must not be empty", attribute: [{ attribute: "name" }] }]);
    expect(journal.calls).toEqual([]);
    expect((await handlers.validateEphemeralResourceConfig!({ typeName: "test_token", config: NULL })).diagnostics).toEqual([]);
  });

  it("opens with defaults applied and computed values null (optional + computed ones left unset too), answering the result and what closes it", async () => {
    const { handlers, journal } = await configured();
    const response = await open(handlers, { name: "ci" });
    expect(response.diagnostics).toEqual([]);
    expect(journal.calls.at(-1)).toEqual(["open", { name: "ci", ttl: 60, label: null, token: null }]);
    expect(decodeMsgpack(response.result!.msgpack!, tokenType)).toEqual({ name: "ci", ttl: 60, label: "auto", token: "tok-ci" });
    expect(text(response.private)).toBe("close:ci");
    expect(await open(handlers, { name: "forever" })).not.toHaveProperty("private");
  });

  it("opens with the values the configuration sets, computed ones included", async () => {
    const { handlers, journal } = await configured();
    await open(handlers, { name: "ci", label: "mine", ttl: 5 });
    expect(journal.calls.at(-1)).toEqual(["open", { name: "ci", ttl: 5, label: "mine", token: null }]);
  });

  it("opens and closes an ephemeral resource that declares no checks and no close", async () => {
    const { handlers } = await configured();
    expect((await handlers.validateEphemeralResourceConfig!({ typeName: "test_bare_token", config: tokenValue({ name: "a" }) })).diagnostics).toEqual([]);
    const opened = await handlers.openEphemeralResource!({ typeName: "test_bare_token", config: tokenValue({ name: "a" }), clientCapabilities: modern });
    expect(opened.diagnostics).toEqual([]);
    expect(await handlers.closeEphemeralResource!({ typeName: "test_bare_token", private: opened.private! })).toEqual({ diagnostics: [] });
  });

  it("answers unknown values while the configuration is not yet known, without opening", async () => {
    const { handlers, journal } = await configured();
    journal.calls.length = 0;
    const response = await open(handlers, { name: UNKNOWN, label: "mine" });
    expect(decodeMsgpack(response.result!.msgpack!, tokenType)).toEqual({ name: UNKNOWN, ttl: 60, label: "mine", token: UNKNOWN });
    expect(journal.calls).toEqual([]);
  });

  it("answers no result when the configuration fails its checks or opening fails", async () => {
    const { handlers, journal } = await configured();
    journal.calls.length = 0;
    expect(await open(handlers, { name: "" })).toEqual({ diagnostics: [expect.objectContaining({ summary: "Invalid name" })] });
    // Opening may create something (an API token): a configuration that failed its checks opens nothing.
    expect(journal.calls).toEqual([]);
    expect(await open(handlers, { name: "refused" })).toEqual({ diagnostics: [{ severity: "error", summary: "Refused" }] });
    const unconfigured = testProvider();
    expect(await open(unconfigured.handlers, { name: "ci" })).toEqual({ diagnostics: [expect.objectContaining({ summary: "The provider is not configured" })] });
    expect(unconfigured.journal.calls).toEqual([]);
    expect(await handlers.openEphemeralResource!({ typeName: "test_token", config: NULL, clientCapabilities: modern })).toEqual({ diagnostics: [] });
  });

  it("closes with what open handed back, and only then", async () => {
    const { handlers, journal } = await configured();
    const close = (bytes: Uint8Array) => handlers.closeEphemeralResource!({ typeName: "test_token", private: bytes });
    expect((await close(new TextEncoder().encode("close:ci"))).diagnostics).toEqual([]);
    expect(journal.calls.at(-1)).toEqual(["close", "close:ci"]);
    journal.calls.length = 0;
    await close(new Uint8Array());
    expect(journal.calls).toEqual([]);
    const fresh = testProvider();
    const unconfigured = await fresh.handlers.closeEphemeralResource!({ typeName: "test_token", private: new TextEncoder().encode("close:ci") });
    expect(unconfigured.diagnostics).toMatchObject([{ summary: "The provider is not configured" }]);
    expect(fresh.journal.calls).toEqual([]);
  });
});

describe("functions", () => {
  const args = (...values: Array<[Value, Parameters<typeof encodeMsgpack>[1]]>) => values.map(([v, type]) => ({ msgpack: encodeMsgpack(v, type) }));

  it("calls the function with its arguments as numbers and answers the result", async () => {
    const { handlers } = testProvider();
    const response = await handlers.callFunction!({ name: "split", arguments: args([10, t.number], [{ a: 1, b: 4 }, t.map(t.number)]) });
    expect(response.error).toBeUndefined();
    expect(decodeMsgpack(response.result!.msgpack!, t.map(t.number))).toEqual({ a: 2, b: 8 });
  });

  it("passes the variadic arguments after the fixed ones", async () => {
    const { handlers } = testProvider();
    const response = await handlers.callFunction!({ name: "join", arguments: args(["-", t.string], ["a", t.string], ["b", t.string], ["c", t.string]) });
    expect(decodeMsgpack(response.result!.msgpack!, t.string)).toBe("a-b-c");
    const none = await handlers.callFunction!({ name: "join", arguments: args(["-", t.string]) });
    expect(decodeMsgpack(none.result!.msgpack!, t.string)).toBe("");
  });

  it("answers an error on the argument at fault", async () => {
    expect(new ArgumentError(1, "shares must add up")).toMatchObject({ name: "ArgumentError", argument: 1, message: "shares must add up" });
    const { handlers } = testProvider();
    expect(await handlers.callFunction!({ name: "split", arguments: args([-1, t.number], [{}, t.map(t.number)]) })).toEqual({ error: { text: "limit must be 0 or more", functionArgument: 0 } });
    expect(await handlers.callFunction!({ name: "split", arguments: args([1, t.number], [{ a: null }, t.map(t.number)]) })).toEqual({ error: { text: 'shares["a"]: must not be null.', functionArgument: 1 } });
    expect(await handlers.callFunction!({ name: "split", arguments: args([1, t.number], ["x", t.string]) })).toEqual({ error: { text: expect.stringMatching(/^shares: .*map of number is required/), functionArgument: 1 } });
  });

  it("names every null inside an argument", async () => {
    const { handlers } = testProvider();
    expect(await handlers.callFunction!({ name: "split", arguments: args([1, t.number], [{ a: null, b: null }, t.map(t.number)]) })).toEqual({
      error: { text: 'shares["a"]: must not be null. shares["b"]: must not be null.', functionArgument: 1 },
    });
  });

  it("hands the fixed arguments and the variadic ones apart", async () => {
    const { handlers } = testProvider();
    const response = await handlers.callFunction!({ name: "arity", arguments: args(["a", t.string], ["b", t.string], ["c", t.string]) });
    expect(decodeMsgpack(response.result!.msgpack!, t.string)).toBe("1 fixed, 2 more");
  });

  it("answers an error for a missing function, too many arguments, and a function that fails", async () => {
    const { handlers } = testProvider();
    expect(await handlers.callFunction!({ name: "nope", arguments: [] })).toEqual({ error: { text: "There is no function nope in this provider." } });
    expect(await handlers.callFunction!({ name: "split", arguments: args([1, t.number], [{}, t.map(t.number)], [1, t.number]) })).toEqual({ error: { text: "split takes 2 arguments; got 3." } });
    expect(await handlers.callFunction!({ name: "split", arguments: args([13, t.number], [{ a: 1 }, t.map(t.number)]) })).toEqual({ error: { text: "unlucky" } });
    expect(await handlers.callFunction!({ name: "split", arguments: args([14, t.number], [{ a: 1 }, t.map(t.number)]) })).toEqual({ error: { text: "plain text" } });
  });

});

