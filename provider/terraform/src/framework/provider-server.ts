/**
 * Turns a provider definition into the protocol's handlers: decoding values, planning
 * (defaults, computed values, replacement), validation, and mapping each RPC to the resource's
 * create, read, update, delete and import. Handlers return diagnostics; they never throw.
 */
import type {
  AttributePath, DynamicValue, PlanResourceChangeResponse, ProviderHandlers, Schema,
} from "../protocol/index.js";
import { decodeJson, decodeMsgpack, encodeMsgpack, isKnown, isUnknown, UNKNOWN, ValueError, type ObjectType, type Value } from "../values/index.js";
import { Diagnostics } from "./diagnostics.js";
import { valuesEqual } from "./equality.js";
import { ArgumentError, parameterAt, toProtocolFunction } from "./function.js";
import { refuseNullsInside, stateWithPlainNumbers, withPlainNumbers } from "./model-values.js";
import type { AnyDataSource, AnyEphemeralResource, AnyResource, ProviderContext, ProviderDefinition, State } from "./resource.js";
import { objectTypeOf, toProtocolSchema, type SchemaDefinition } from "./schema.js";

const NULL_MSGPACK = new Uint8Array([0xc0]);

export function createProviderHandlers<C>(provider: ProviderDefinition<C>): ProviderHandlers {
  const resources = new Map(provider.resources.map((r) => [r.typeName, r]));
  const dataSources = new Map(provider.dataSources.map((d) => [d.typeName, d]));
  const ephemeralResources = new Map((provider.ephemeralResources ?? []).map((e) => [e.typeName, e]));
  const functions = new Map((provider.functions ?? []).map((f) => [f.name, f]));
  const types = new Map<SchemaDefinition, ObjectType>();
  const typeOf = (schema: SchemaDefinition) => {
    let type = types.get(schema);
    if (!type) types.set(schema, (type = objectTypeOf(schema)));
    return type;
  };
  let context: ProviderContext<C> | undefined;

  /** A value as the resource's model reads it (numbers as numbers); null for no object. */
  const decode = (value: DynamicValue | undefined, schema: SchemaDefinition): State | null => {
    if (!value?.msgpack || value.msgpack.length === 0) return null;
    const state = decodeMsgpack(value.msgpack, typeOf(schema)) as State | null;
    return state && stateWithPlainNumbers(state);
  };
  const encode = (state: State | null, schema: SchemaDefinition): DynamicValue =>
    ({ msgpack: state === null ? NULL_MSGPACK : encodeMsgpack(state, typeOf(schema)) });

  const resourceFor = (typeName: string): AnyResource<C> => {
    const resource = resources.get(typeName);
    if (!resource) throw new Error(`unknown resource type ${typeName}`);
    return resource;
  };
  const dataSourceFor = (typeName: string): AnyDataSource<C> => {
    const dataSource = dataSources.get(typeName);
    if (!dataSource) throw new Error(`unknown data source ${typeName}`);
    return dataSource;
  };
  const ephemeralFor = (typeName: string): AnyEphemeralResource<C> => {
    const ephemeral = ephemeralResources.get(typeName);
    if (!ephemeral) throw new Error(`unknown ephemeral resource type ${typeName}`);
    return ephemeral;
  };
  const protocolFunctions = () => Object.fromEntries([...functions.values()].map((f) => [f.name, toProtocolFunction(f)]));
  const configured = (diagnostics: Diagnostics): ProviderContext<C> | undefined => {
    if (!context) diagnostics.error("The provider is not configured", "Terraform called the provider before configuring it.");
    return context;
  };

  return {
    async getProviderSchema() {
      const schemas = (list: Array<AnyResource<C> | AnyDataSource<C> | AnyEphemeralResource<C>>): Record<string, Schema> =>
        Object.fromEntries(list.map((item) => [item.typeName, toProtocolSchema(item.schema)]));
      return {
        provider: toProtocolSchema(provider.schema),
        resourceSchemas: schemas(provider.resources),
        dataSourceSchemas: schemas(provider.dataSources),
        ephemeralResourceSchemas: schemas([...ephemeralResources.values()]),
        functions: protocolFunctions(),
        serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
      };
    },

    async getMetadata() {
      return {
        serverCapabilities: { planDestroy: true, getProviderSchemaOptional: true },
        resources: [...resources.keys()],
        dataSources: [...dataSources.keys()],
        ephemeralResources: [...ephemeralResources.keys()],
        functions: [...functions.keys()],
      };
    },

    async getFunctions() {
      return { functions: protocolFunctions() };
    },

    async callFunction(request) {
      const fn = functions.get(request.name);
      if (!fn) return { error: { text: `There is no function ${request.name} in this provider.` } };
      const args: Value[] = [];
      for (const [index, argument] of request.arguments.entries()) {
        const parameter = parameterAt(fn, index);
        if (!parameter) return { error: { text: `${fn.name} takes ${fn.parameters.length} arguments; got ${request.arguments.length}.` } };
        try {
          const value = withPlainNumbers(decodeMsgpack(argument.msgpack ?? NULL_MSGPACK, parameter.type));
          const nulls = new Diagnostics();
          refuseNullsInside(parameter.type, value, [{ attribute: parameter.name }], nulls);
          if (nulls.hasErrors) return { error: { text: nulls.items.map((d) => d.detail ?? d.summary).join(" "), functionArgument: index } };
          args.push(value);
        } catch (error) {
          return { error: { text: `${parameter.name}: ${error instanceof Error ? error.message : String(error)}`, functionArgument: index } };
        }
      }
      try {
        const result = fn.call(args.slice(0, fn.parameters.length), args.slice(fn.parameters.length));
        return { result: { msgpack: encodeMsgpack(result, fn.returns) } };
      } catch (error) {
        if (error instanceof ArgumentError) return { error: { text: error.message, functionArgument: error.argument } };
        return { error: { text: error instanceof Error ? error.message : String(error) } };
      }
    },

    async validateEphemeralResourceConfig(request) {
      const diagnostics = new Diagnostics();
      const ephemeral = ephemeralFor(request.typeName);
      guard(diagnostics, () => {
        const config = decode(request.config, ephemeral.schema);
        if (!config) return;
        checkAttributes(ephemeral.schema, config, diagnostics);
        if (!diagnostics.hasErrors) ephemeral.validateConfig?.(config, diagnostics);
      });
      return { diagnostics: diagnostics.items };
    },

    async openEphemeralResource(request) {
      const diagnostics = new Diagnostics();
      const ephemeral = ephemeralFor(request.typeName);
      let response: { result?: DynamicValue; private?: Uint8Array } = {};
      await guardAsync(diagnostics, async () => {
        const config = decode(request.config, ephemeral.schema);
        if (!config) return;
        const { planned } = planChange(ephemeral.schema, null, config, config);
        checkAttributes(ephemeral.schema, planned, diagnostics);
        if (diagnostics.hasErrors) return;
        // Not yet known (during a plan): neither is the result.
        if (!isKnown(config)) {
          response = { result: encode(planned, ephemeral.schema) };
          return;
        }
        const ctx = configured(diagnostics);
        if (!ctx) return;
        // What the provider computes is not there yet (an optional + computed attribute left
        // unset included): null, as models read it, never unknown.
        const known: State = { ...planned };
        for (const [name, attribute] of Object.entries(ephemeral.schema.attributes)) {
          if (attribute.computed && isUnknown(known[name] ?? null)) known[name] = null;
        }
        const opened = await ephemeral.open(known, ctx, diagnostics);
        if (!opened || diagnostics.hasErrors) return;
        response = {
          result: encode(opened.result, ephemeral.schema),
          ...(opened.closeWith !== undefined ? { private: new TextEncoder().encode(opened.closeWith) } : {}),
        };
      });
      return { ...response, diagnostics: diagnostics.items };
    },

    async closeEphemeralResource(request) {
      const diagnostics = new Diagnostics();
      const ephemeral = ephemeralFor(request.typeName);
      await guardAsync(diagnostics, async () => {
        const ctx = configured(diagnostics);
        if (!ctx || !ephemeral.close || request.private.length === 0) return;
        await ephemeral.close(new TextDecoder().decode(request.private), ctx, diagnostics);
      });
      return { diagnostics: diagnostics.items };
    },

    async validateProviderConfig() {
      return {};
    },

    async validateResourceConfig(request) {
      const diagnostics = new Diagnostics();
      const resource = resourceFor(request.typeName);
      guard(diagnostics, () => {
        const config = decode(request.config, resource.schema);
        if (!config) return;
        checkSetAttributes(resource.schema, config, request.clientCapabilities.writeOnlyAttributesAllowed, diagnostics);
        checkAttributes(resource.schema, config, diagnostics);
        if (!diagnostics.hasErrors) resource.validateConfig?.(config, diagnostics);
      });
      return { diagnostics: diagnostics.items };
    },

    async validateDataResourceConfig(request) {
      const diagnostics = new Diagnostics();
      const dataSource = dataSourceFor(request.typeName);
      guard(diagnostics, () => {
        const config = decode(request.config, dataSource.schema);
        if (config) checkAttributes(dataSource.schema, config, diagnostics);
      });
      return { diagnostics: diagnostics.items };
    },

    async upgradeResourceState(request) {
      const diagnostics = new Diagnostics();
      const resource = resourceFor(request.typeName);
      let upgraded: DynamicValue | undefined;
      guard(diagnostics, () => {
        if (!request.rawState.json) throw new Error("state was written by a Terraform too old to read (flatmap)");
        // Attributes this version no longer has are dropped; new ones start out null.
        const state = decodeJson(request.rawState.json, typeOf(resource.schema), { dropExtraAttributes: true }) as State;
        upgraded = encode(state, resource.schema);
      });
      return { ...(upgraded ? { upgradedState: upgraded } : {}), diagnostics: diagnostics.items };
    },

    async configureProvider(request) {
      const diagnostics = new Diagnostics();
      await guardAsync(diagnostics, async () => {
        const config = decode(request.config, provider.schema) ?? {};
        const client = provider.configure(config, diagnostics);
        if (client !== undefined && !diagnostics.hasErrors) context = newContext(client, config);
      });
      return { diagnostics: diagnostics.items };
    },

    async readResource(request) {
      const diagnostics = new Diagnostics();
      const resource = resourceFor(request.typeName);
      let newState: DynamicValue = request.currentState;
      await guardAsync(diagnostics, async () => {
        const ctx = configured(diagnostics);
        const current = decode(request.currentState, resource.schema);
        if (!ctx || !current) return;
        const live = await resource.read(current, ctx, diagnostics);
        if (!diagnostics.hasErrors) newState = encode(live && withoutWriteOnly(resource.schema, live), resource.schema);
      });
      return { newState, diagnostics: diagnostics.items };
    },

    async planResourceChange(request): Promise<PlanResourceChangeResponse> {
      const diagnostics = new Diagnostics();
      const resource = resourceFor(request.typeName);
      let response: PlanResourceChangeResponse = {};
      await guardAsync(diagnostics, async () => {
        const proposed = decode(request.proposedNewState, resource.schema);
        if (!proposed) {
          response = { plannedState: request.proposedNewState };
          return;
        }
        const prior = decode(request.priorState, resource.schema);
        const config = decode(request.config, resource.schema) ?? {};
        const { planned, requiresReplace } = planChange(resource.schema, prior, proposed, config);
        checkAttributes(resource.schema, planned, diagnostics);
        const ctx = context;
        if (ctx && !diagnostics.hasErrors) await resource.modifyPlan?.(planned, requiresReplace.length ? null : prior, ctx, diagnostics);
        response = { plannedState: encode(planned, resource.schema), requiresReplace };
      });
      return { ...response, diagnostics: diagnostics.items };
    },

    async applyResourceChange(request) {
      const diagnostics = new Diagnostics();
      const resource = resourceFor(request.typeName);
      let newState: DynamicValue = request.priorState;
      await guardAsync(diagnostics, async () => {
        const ctx = configured(diagnostics);
        if (!ctx) return;
        const prior = decode(request.priorState, resource.schema);
        const planned = decode(request.plannedState, resource.schema);
        ctx.invalidate();
        if (!planned) {
          if (prior) await resource.delete(prior, ctx, diagnostics);
          if (!diagnostics.hasErrors) newState = encode(null, resource.schema);
          return;
        }
        // Write-only values exist only in the configuration, and only now.
        const config = decode(request.config, resource.schema) ?? {};
        const known = withWriteOnlyFrom(resource.schema, config, configuredValuesKnown(resource.schema, planned));
        const result = prior ? await resource.update(known, prior, ctx, diagnostics) : await resource.create(known, ctx, diagnostics);
        if (result) newState = encode(withoutWriteOnly(resource.schema, result), resource.schema);
      });
      return { newState, diagnostics: diagnostics.items };
    },

    async importResourceState(request) {
      const diagnostics = new Diagnostics();
      const resource = resourceFor(request.typeName);
      let state: State | null = null;
      await guardAsync(diagnostics, async () => {
        const ctx = configured(diagnostics);
        if (!ctx) return;
        if (!resource.importState) {
          diagnostics.error(`${resource.typeName} cannot be imported`);
          return;
        }
        state = await resource.importState(request.id, ctx, diagnostics);
        if (!state && !diagnostics.hasErrors) {
          diagnostics.error(`Cannot import ${resource.typeName}`, `No ${resource.typeName.replace(/^[a-z0-9]+_/, "").replace(/_/g, " ")} with id "${request.id}" exists.`);
        }
      });
      return {
        importedResources: state ? [{ typeName: resource.typeName, state: encode(withoutWriteOnly(resource.schema, state), resource.schema) }] : [],
        diagnostics: diagnostics.items,
      };
    },

    async readDataSource(request) {
      const diagnostics = new Diagnostics();
      const dataSource = dataSourceFor(request.typeName);
      let state: DynamicValue | undefined;
      await guardAsync(diagnostics, async () => {
        const ctx = configured(diagnostics);
        const config = decode(request.config, dataSource.schema);
        if (!ctx || !config) return;
        const result = await dataSource.read(config, ctx, diagnostics);
        if (result) state = encode(result, dataSource.schema);
      });
      return { ...(state ? { state } : {}), diagnostics: diagnostics.items };
    },

    async stopProvider() {
      return {};
    },
  };
}

function newContext<C>(client: C, providerConfig: State = {}): ProviderContext<C> {
  let cache = new Map<string, Promise<unknown>>();
  return {
    client,
    providerConfig,
    cached<T>(key: string, load: () => Promise<T>): Promise<T> {
      let entry = cache.get(key) as Promise<T> | undefined;
      if (!entry) {
        entry = load();
        cache.set(key, entry);
        entry.catch(() => cache.delete(key));
      }
      return entry;
    },
    invalidate() {
      cache = new Map();
    },
  };
}

/**
 * The planned state: the configuration's values, defaults for what it leaves out, prior values
 * for computed attributes that cannot change, and "known after apply" for the rest.
 */
export function planChange(schema: SchemaDefinition, prior: State | null, proposed: State, config: State): { planned: State; requiresReplace: AttributePath[] } {
  const planned: State = { ...proposed };
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.default !== undefined && (config[name] ?? null) === null) planned[name] = attribute.default;
  }
  const requiresReplace: AttributePath[] = [];
  if (prior) {
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.planModifiers?.some((m) => m.kind === "requiresReplace") && !isUnknown(planned[name] ?? null) && !valuesEqual(planned[name] ?? null, prior[name] ?? null)) {
        requiresReplace.push([{ attribute: name }]);
      }
    }
  }
  // Write-only values never reach the plan.
  for (const [name, attribute] of Object.entries(schema.attributes)) if (attribute.writeOnly) planned[name] = null;
  const replacing = requiresReplace.length > 0;
  const changing = !prior || replacing || Object.entries(schema.attributes).some(([name, a]) =>
    (a.required || a.optional) && !valuesEqual(planned[name] ?? null, prior[name] ?? null));
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (!attribute.computed || attribute.default !== undefined) continue;
    if ((config[name] ?? null) !== null) continue;
    const keep = prior && !replacing && (!changing || attribute.planModifiers?.some((m) => m.kind === "useStateForUnknown"));
    planned[name] = keep ? (prior[name] ?? null) : UNKNOWN;
  }
  return { planned, requiresReplace };
}

/** The state with every write-only attribute null, as Terraform requires of plans and state. */
function withoutWriteOnly(schema: SchemaDefinition, state: State): State {
  const out: State = { ...state };
  for (const [name, attribute] of Object.entries(schema.attributes)) if (attribute.writeOnly) out[name] = null;
  return out;
}

/** The planned state with the configuration's write-only values, for create and update to send. */
function withWriteOnlyFrom(schema: SchemaDefinition, config: State, planned: State): State {
  const out: State = { ...planned };
  for (const [name, attribute] of Object.entries(schema.attributes)) if (attribute.writeOnly) out[name] = config[name] ?? null;
  return out;
}

/**
 * Checks on attributes the configuration sets: a write-only one needs a Terraform that keeps it
 * out of plans and state (1.11+), and a deprecated one gets its deprecation message as a warning.
 */
function checkSetAttributes(schema: SchemaDefinition, config: State, writeOnlyAllowed: boolean, diagnostics: Diagnostics): void {
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if ((config[name] ?? null) === null) continue;
    if (attribute.writeOnly && !writeOnlyAllowed) {
      diagnostics.error(
        "Write-only argument needs Terraform 1.11 or later",
        `${name} is a write-only argument: Terraform sends it to the provider without keeping it in the plan or the state, which Terraform versions before 1.11 cannot do. Upgrade Terraform, or leave ${name} out.`,
        [{ attribute: name }],
      );
    }
    // On a sensitive attribute the warning points at the resource: Terraform would quote the line, value and all.
    if (attribute.deprecated) diagnostics.warning(`${name} is deprecated`, attribute.deprecated, attribute.sensitive ? undefined : [{ attribute: name }]);
  }
}

/**
 * The planned state as create and update read it: an optional + computed attribute the user left
 * unset is null (the provider decides it), not unknown.
 */
function configuredValuesKnown(schema: SchemaDefinition, planned: State): State {
  const known: State = { ...planned };
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.optional && attribute.computed && isUnknown(known[name] ?? null)) known[name] = null;
  }
  return known;
}

/**
 * Refuses nulls inside values (models do not have them), then runs each attribute's validators
 * on its known value, with a diagnostic on the attribute.
 */
function checkAttributes(schema: SchemaDefinition, state: State, diagnostics: Diagnostics): void {
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    const value: Value = state[name] ?? null;
    const nulls = new Diagnostics();
    // What the user sets has no null inside (what the provider computes may).
    if (attribute.required || attribute.optional) refuseNullsInside(attribute.type, value, [{ attribute: name }], nulls);
    diagnostics.items.push(...nulls.items);
    // Validators read values as their models do: wholly known, no null inside.
    if (!attribute.validators || !isKnown(value) || nulls.hasErrors) continue;
    for (const validator of attribute.validators) {
      for (const message of validator(value)) diagnostics.error(`Invalid ${name}`, `${name}: ${message}`, [{ attribute: name }]);
    }
  }
}

function guard(diagnostics: Diagnostics, work: () => void): void {
  try {
    work();
  } catch (error) {
    report(diagnostics, error);
  }
}

async function guardAsync(diagnostics: Diagnostics, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    report(diagnostics, error);
  }
}

function report(diagnostics: Diagnostics, error: unknown): void {
  if (error instanceof ValueError) {
    diagnostics.error("Invalid value", error.detail, error.path);
    return;
  }
  diagnostics.error("Unexpected provider error", error instanceof Error ? error.message : String(error));
}
