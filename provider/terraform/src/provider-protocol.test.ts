// The Callplane provider's schema, functions and write-only checks through the real protobuf
// codec, field by field as Terraform decodes them (tfplugin6 field names and numbers).
import { describe, expect, it } from "vitest";
import { createProviderHandlers } from "./framework/provider-server.js";
import { providerRpcs } from "./protocol/provider-rpcs.js";
import { messageCodec, type WireMessage } from "./protocol/wire-codec.js";
import { callplaneProvider } from "./provider.js";
import { encodeMsgpack, t, UNKNOWN, type Value } from "./values/index.js";

const handlers = createProviderHandlers(callplaneProvider);

async function call(name: string, request: WireMessage = {}): Promise<WireMessage> {
  const serve = providerRpcs.find((rpc) => rpc.name === name)!.bind(handlers)!;
  const requestCodec = messageCodec(`tfplugin6.${name}.Request`);
  const responseCodec = messageCodec(`tfplugin6.${name}.Response`);
  return responseCodec.decode(responseCodec.encode(await serve(requestCodec.decode(requestCodec.encode(request)))));
}

const text = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString();
type Attr = { name: string; write_only?: boolean; deprecated?: boolean; sensitive?: boolean; computed?: boolean };

describe("the Callplane provider over tfplugin6", () => {
  it("declares the write-only password, the ephemeral token and the functions in GetProviderSchema", async () => {
    const response = await call("GetProviderSchema");
    const user = (response.resource_schemas as Record<string, { block: { attributes: Attr[] } }>).callplane_user!;
    const byName = new Map(user.block.attributes.map((a) => [a.name, a]));
    expect(byName.get("initial_password_wo")).toMatchObject({ write_only: true, sensitive: true });
    expect(byName.get("initial_password")).toMatchObject({ deprecated: true });
    expect(byName.get("initial_password_wo_version")?.write_only).toBeFalsy();

    const ephemeral = (response.ephemeral_resource_schemas as Record<string, { block: { attributes: Attr[] } }>).callplane_api_token!;
    expect(ephemeral.block.attributes.find((a) => a.name === "token")).toMatchObject({ computed: true, sensitive: true });

    const functions = response.functions as Record<string, { parameters: Array<{ name: string; type: Uint8Array }>; return: { type: Uint8Array } }>;
    expect(Object.keys(functions).sort()).toEqual(["schedule_from_utc", "schedule_to_utc", "split_calls"]);
    expect(functions.split_calls!.parameters.map((p) => [p.name, text(p.type)])).toEqual([["limit", '"number"'], ["shares", '["map","number"]']]);
    expect(text(functions.split_calls!.return.type)).toBe('["map","number"]');
  });

  it("lists the same functions in GetFunctions and GetMetadata", async () => {
    const functions = (await call("GetFunctions")).functions as Record<string, { variadic_parameter?: { name: string } }>;
    expect(functions.schedule_to_utc?.variadic_parameter?.name).toBe("ranges");
    const metadata = await call("GetMetadata");
    expect(metadata.ephemeral_resources).toEqual([{ type_name: "callplane_api_token" }]);
    expect((metadata.functions as Array<{ name: string }>).map((f) => f.name)).toContain("split_calls");
  });

  it("answers CallFunction with the result, or an error on the argument at fault", async () => {
    const args = (limit: Value, shares: Value) => [
      { msgpack: encodeMsgpack(limit, t.number) },
      { msgpack: encodeMsgpack(shares, t.map(t.number)) },
    ];
    const ok = await call("CallFunction", { name: "split_calls", arguments: args(40, { prod: 1, staging: 1, dev: 1 }) });
    expect(ok.error).toBeUndefined();
    const bad = await call("CallFunction", { name: "split_calls", arguments: args(40, { prod: -2 }) });
    expect(bad.error).toMatchObject({ text: 'shares["prod"]: must be 0 or more (got -2).', function_argument: 1 });
  });

  it("refuses the write-only argument from a Terraform without write-only support (before 1.11)", async () => {
    const userType = t.object({
      id: t.string, name: t.string, email: t.string, role: t.string, initial_password: t.string, initial_password_wo: t.string,
      initial_password_wo_version: t.number, created_at: t.string,
      operator_schedule: t.object({ timezone: t.string, ranges: t.list(t.object({ day: t.string, start_hour: t.number, end_hour: t.number })) }),
    });
    const config = {
      msgpack: encodeMsgpack({
        id: UNKNOWN, name: "Willa", email: "willa@acme.test", role: "member", initial_password: null, initial_password_wo: "a-secret-password",
        initial_password_wo_version: 1, created_at: UNKNOWN, operator_schedule: null,
      }, userType),
    };
    const old = await call("ValidateResourceConfig", { type_name: "callplane_user", config, client_capabilities: { write_only_attributes_allowed: false } });
    expect(old.diagnostics).toEqual([expect.objectContaining({
      severity: "ERROR",
      summary: "Write-only argument needs Terraform 1.11 or later",
      attribute: { steps: [expect.objectContaining({ attribute_name: "initial_password_wo" })] },
    })]);
    const current = await call("ValidateResourceConfig", { type_name: "callplane_user", config, client_capabilities: { write_only_attributes_allowed: true } });
    expect(current.diagnostics ?? []).toEqual([]);
  });
});
