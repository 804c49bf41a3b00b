// The conversions end to end through the real protobuf codec, in-process.
import { describe, expect, it } from "vitest";
import { providerRpcs } from "./provider-rpcs.js";
import type { ProviderHandlers } from "./types.js";
import { messageCodec, type WireMessage } from "./wire-codec.js";

/** Runs one RPC the way the server does: bytes in, handler, bytes out, decoded for inspection. */
async function roundTrip(handlers: ProviderHandlers, name: string, request: WireMessage = {}): Promise<WireMessage> {
  const rpc = providerRpcs.find((candidate) => candidate.name === name);
  const serve = rpc?.bind(handlers);
  if (!serve) throw new Error(`no handler for ${name}`);
  const requestCodec = messageCodec(`tfplugin6.${name}.Request`);
  const responseCodec = messageCodec(`tfplugin6.${name}.Response`);
  const response = await serve(requestCodec.decode(requestCodec.encode(request)));
  return responseCodec.decode(responseCodec.encode(response));
}

describe("provider RPC conversions", () => {
  it("encodes nested attributes, blocks, cty types and description kinds", async () => {
    const response = await roundTrip(
      {
        getProviderSchema: async () => ({
          resourceSchemas: {
            callplane_agent: {
              version: 2,
              block: {
                description: "An **agent**",
                descriptionKind: "markdown",
                attributes: [
                  { name: "tags", type: ["map", "string"], optional: true },
                  {
                    name: "voice",
                    nestedType: { nesting: "single", attributes: [{ name: "speed", type: "number", optional: true }] },
                    optional: true,
                  },
                  { name: "secret", type: "string", optional: true, sensitive: true, writeOnly: true },
                ],
                blocks: [
                  { typeName: "tool", nesting: "list", maxItems: 8, block: { attributes: [{ name: "url", type: "string", required: true }] } },
                ],
              },
            },
          },
        }),
      },
      "GetProviderSchema",
    );
    const schema = (response.resource_schemas as Record<string, WireMessage>).callplane_agent as {
      version: number;
      block: { attributes: WireMessage[]; block_types: WireMessage[]; description_kind: string };
    };
    expect(schema.version).toBe(2);
    expect(schema.block.description_kind).toBe("MARKDOWN");
    const [tags, voice, secret] = schema.block.attributes;
    expect(Buffer.from(tags?.type as Uint8Array).toString()).toBe('["map","string"]');
    expect(voice?.nested_type).toMatchObject({ nesting: "SINGLE", attributes: [{ name: "speed" }] });
    expect(secret).toMatchObject({ sensitive: true, write_only: true });
    expect(schema.block.block_types[0]).toMatchObject({ type_name: "tool", nesting: "LIST", max_items: 8 });
  });

  it("hands plain requests to the handler and paths/diagnostics back", async () => {
    let received: unknown;
    const response = await roundTrip(
      {
        planResourceChange: async (request) => {
          received = request;
          return {
            plannedState: request.proposedNewState,
            requiresReplace: [[{ attribute: "tools" }, { index: 3 }, { key: "k" }]],
            diagnostics: [{ severity: "warning", summary: "careful", attribute: [{ attribute: "name" }] }],
            deferred: { reason: "provider_config_unknown" },
          };
        },
      },
      "PlanResourceChange",
      {
        type_name: "callplane_agent",
        prior_state: { msgpack: Uint8Array.of(0xc0) },
        proposed_new_state: { msgpack: Uint8Array.of(0x80) },
        config: { msgpack: Uint8Array.of(0x80) },
        client_capabilities: { deferral_allowed: true },
      },
    );
    expect(received).toEqual({
      typeName: "callplane_agent",
      priorState: { msgpack: Buffer.of(0xc0) },
      proposedNewState: { msgpack: Buffer.of(0x80) },
      config: { msgpack: Buffer.of(0x80) },
      priorPrivate: new Uint8Array(0),
      providerMeta: undefined,
      clientCapabilities: { deferralAllowed: true, writeOnlyAttributesAllowed: false },
    });
    expect(response.planned_state).toEqual({ msgpack: Buffer.of(0x80) });
    expect(response.requires_replace).toEqual([
      {
        steps: [
          { attribute_name: "tools", selector: "attribute_name" },
          { element_key_int: 3, selector: "element_key_int" },
          { element_key_string: "k", selector: "element_key_string" },
        ],
      },
    ]);
    expect(response.diagnostics).toEqual([
      { severity: "WARNING", summary: "careful", attribute: { steps: [{ attribute_name: "name", selector: "attribute_name" }] } },
    ]);
    expect(response.deferred).toEqual({ reason: "PROVIDER_CONFIG_UNKNOWN" });
  });

  it("passes stored JSON state to upgrades", async () => {
    let received: unknown;
    await roundTrip(
      {
        upgradeResourceState: async (request) => {
          received = request;
          return {};
        },
      },
      "UpgradeResourceState",
      { type_name: "callplane_agent", version: 1, raw_state: { json: Buffer.from('{"id":"a"}') } },
    );
    expect(received).toEqual({ typeName: "callplane_agent", version: 1, rawState: { json: Buffer.from('{"id":"a"}') } });
  });

  it("rejects a schema attribute with both or neither of type and nestedType", async () => {
    const handlers: ProviderHandlers = {
      getProviderSchema: async () => ({ provider: { version: 0, block: { attributes: [{ name: "broken" }] } } }),
    };
    await expect(roundTrip(handlers, "GetProviderSchema")).rejects.toThrow(/exactly one of type and nestedType/);
  });
});
