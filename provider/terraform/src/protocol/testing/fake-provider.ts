// A tiny provider for the protocol tests: `callplane_smoke` echoes its name
// and gets an id on create. Run by the tests with `node --import tsx`.
// Values are encoded with @msgpack/msgpack directly; real value handling
// belongs to another layer.
import { appendFileSync } from "node:fs";
import { decode, encode, ExtData } from "@msgpack/msgpack";
import { servePlugin } from "../plugin-server.js";
import type { DynamicValue, ProviderHandlers, Schema } from "../types.js";

const smokeResourceSchema: Schema = {
  version: 0,
  block: {
    attributes: [
      { name: "id", type: "string", computed: true },
      { name: "name", type: "string", required: true, description: "Echoed back as-is." },
    ],
  },
};

const fakeProviderSchema: Schema = {
  version: 0,
  block: { attributes: [{ name: "endpoint", type: "string", optional: true }] },
};

/** Terraform reads any msgpack extension as "not known yet"; this is the form it sends itself. */
const unknownValue = new ExtData(0, Uint8Array.of(0));

interface SmokeState {
  id: unknown;
  name: unknown;
}

function readState(value: DynamicValue): SmokeState | null {
  if (value.msgpack) return decode(value.msgpack) as SmokeState | null;
  if (value.json) return JSON.parse(Buffer.from(value.json).toString("utf8")) as SmokeState | null;
  return null;
}

const toDynamicValue = (state: SmokeState | null): DynamicValue => ({ msgpack: encode(state) });

const fakeHandlers: ProviderHandlers = {
  async getProviderSchema() {
    return {
      provider: fakeProviderSchema,
      resourceSchemas: { callplane_smoke: smokeResourceSchema },
      serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
    };
  },
  async validateProviderConfig() {
    return {};
  },
  async validateResourceConfig(request) {
    if (request.typeName === "callplane_explode") throw new Error("kaboom");
    return {};
  },
  async configureProvider() {
    return {};
  },
  async upgradeResourceState(request) {
    return { upgradedState: toDynamicValue(readState({ json: request.rawState.json })) };
  },
  async readResource(request) {
    return { newState: toDynamicValue(readState(request.currentState)) };
  },
  async planResourceChange(request) {
    const proposed = readState(request.proposedNewState);
    if (proposed === null) return { plannedState: toDynamicValue(null) };
    const prior = readState(request.priorState);
    return {
      plannedState: toDynamicValue({ id: prior?.id ?? unknownValue, name: proposed.name }),
      requiresReplace: prior && prior.name !== proposed.name ? [[{ attribute: "name" }]] : [],
    };
  },
  async applyResourceChange(request) {
    const planned = readState(request.plannedState);
    if (planned === null) return { newState: toDynamicValue(null) };
    const prior = readState(request.priorState);
    // For the tests that kill Terraform mid-apply: this apply never finishes.
    if (planned.name === "hang-on-apply") await new Promise(() => setInterval(() => undefined, 60_000));
    return { newState: toDynamicValue({ id: prior?.id ?? `smoke-${String(planned.name)}`, name: planned.name }) };
  },
};

// FAKE_PROVIDER_CALL_LOG: a method wrapper writes the path of each provider call there, and
// answers GetProviderSchema itself with an empty response (the tests of `wrapMethod`).
const callLog = process.env.FAKE_PROVIDER_CALL_LOG;
await servePlugin(fakeHandlers, {
  ...(callLog && {
    wrapMethod: (path, method) => async (request) => {
      appendFileSync(callLog, `${path}\n`);
      return path.endsWith("/GetProviderSchema") ? new Uint8Array(0) : method(request);
    },
  }),
});
