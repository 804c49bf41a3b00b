import { describe, expect, expectTypeOf, it } from "vitest";
import { encodeMsgpack, t, UNKNOWN, type Unknown } from "../values/index.js";
import type { Draft, Model, Planned } from "./model.js";
import { createProviderHandlers } from "./provider-server.js";
import { defineResource, type ProviderDefinition } from "./resource.js";
import { defineSchema, objectTypeOf } from "./schema.js";

const schema = defineSchema({
  version: 0,
  description: "A test object.",
  attributes: {
    id: { type: t.string, computed: true, description: "Id." },
    name: { type: t.string, required: true, description: "Name." },
    hidden: { type: t.bool, optional: true, default: false, description: "Hidden." },
    max_concurrent_calls: { type: t.number, optional: true, computed: true, description: "Calls." },
    allocations: { type: t.list(t.object({ environment_id: t.string, calls: t.number })), optional: true, description: "Allocations." },
    members: { type: t.map(t.object({ user_id: t.string })), computed: true, description: "Members." },
  },
});

describe("models derived from a schema", () => {
  it("types each attribute as its schema says, at each stage", () => {
    type M = Model<typeof schema>;
    expectTypeOf<M["name"]>().toEqualTypeOf<string>();
    expectTypeOf<M["hidden"]>().toEqualTypeOf<boolean>();
    expectTypeOf<M["max_concurrent_calls"]>().toEqualTypeOf<number | null>();
    expectTypeOf<M["allocations"]>().toEqualTypeOf<ReadonlyArray<{ readonly environment_id: string; readonly calls: number }> | null>();
    // What the provider computes may hold null inside.
    expectTypeOf<M["members"]>().toEqualTypeOf<{ readonly [key: string]: { readonly user_id: string | null } } | null>();

    type P = Planned<typeof schema>;
    expectTypeOf<P["name"]>().toEqualTypeOf<string>();
    expectTypeOf<P["max_concurrent_calls"]>().toEqualTypeOf<number | null>();
    expectTypeOf<P["id"]>().toEqualTypeOf<string | null | Unknown>();

    type D = Draft<typeof schema>;
    expectTypeOf<D["name"]>().toEqualTypeOf<string | Unknown>();
  });

  it("does not compile a misspelt attribute", () => {
    const read = (model: Model<typeof schema>) => {
      // @ts-expect-error: there is no attribute `nmae`.
      return model.nmae;
    };
    expect(read).toBeTypeOf("function");
  });
});

describe("values as models read them", () => {
  const seen: Array<Planned<typeof schema>> = [];
  const resource = defineResource<typeof schema, null>({
    typeName: "test_thing",
    schema,
    async create(planned) {
      seen.push(planned);
      return { ...planned, id: "t1", members: {} };
    },
    async read(state) {
      return state;
    },
    async update(planned, prior) {
      return { ...prior, ...planned, id: prior.id, members: prior.members };
    },
    async delete() {},
  });
  const provider: ProviderDefinition<null> = {
    schema: defineSchema({ version: 0, description: "", attributes: {} }),
    configure: () => null,
    resources: [resource],
    dataSources: [],
  };
  const type = objectTypeOf(schema);
  const config = (values: Record<string, unknown>) => ({
    msgpack: encodeMsgpack({ id: null, name: "a", hidden: null, max_concurrent_calls: null, allocations: null, members: null, ...values } as never, type),
  });

  it("refuses a null inside a configured list with a diagnostic on the element, naming its attribute", async () => {
    const handlers = createProviderHandlers(provider);
    const response = await handlers.validateResourceConfig!({
      typeName: "test_thing",
      config: config({ allocations: [{ environment_id: null, calls: 3 }] }),
      clientCapabilities: { deferralAllowed: false, writeOnlyAttributesAllowed: false },
    });
    expect(response.diagnostics).toEqual([expect.objectContaining({
      severity: "error",
      detail: "allocations[0].environment_id: is required.",
      // Terraform shows a diagnostic no deeper than an attribute's element (see placeablePath).
      attribute: [{ attribute: "allocations" }, { index: 0 }],
    })]);
  });

  it("gives create numbers as numbers, and null for an optional + computed attribute left unset", async () => {
    const handlers = createProviderHandlers(provider);
    await handlers.configureProvider!({ terraformVersion: "1.11.4", config: { msgpack: new Uint8Array([0x80]) }, clientCapabilities: { deferralAllowed: false, writeOnlyAttributesAllowed: true } });
    const planned = config({ id: UNKNOWN, hidden: false, max_concurrent_calls: UNKNOWN, allocations: [{ environment_id: "e", calls: 2n ** 60n }] });
    const applied = await handlers.applyResourceChange!({
      typeName: "test_thing", priorState: { msgpack: new Uint8Array([0xc0]) }, plannedState: planned, config: planned, plannedPrivate: new Uint8Array(),
    });
    expect(applied.diagnostics).toEqual([]);
    expect(seen[0]!.max_concurrent_calls).toBeNull();
    expect(seen[0]!.allocations![0]!.calls).toBe(2 ** 60);
  });
});
