// Conversions between the plain TypeScript types in types.ts and the
// snake_case protobuf message objects of wire-codec.ts.
import type {
  AttributePath,
  ClientCapabilities,
  Deferred,
  Diagnostic,
  DynamicValue,
  FunctionParameter,
  PathStep,
  ProtocolFunction,
  RawState,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  SchemaNestedAttributes,
  SchemaNestedBlock,
  ServerCapabilities,
} from "./types.js";
import type { WireMessage } from "./wire-codec.js";

const noBytes = new Uint8Array(0);

// --- reading decoded requests (unset fields are absent after decoding) ---

export function readString(message: WireMessage, field: string): string {
  const value = message[field];
  return typeof value === "string" ? value : "";
}

export function readNumber(message: WireMessage, field: string): number {
  const value = message[field];
  return typeof value === "number" ? value : 0;
}

export function readBytes(message: WireMessage, field: string): Uint8Array {
  const value = message[field];
  return value instanceof Uint8Array ? value : noBytes;
}

export function readMessage(message: WireMessage, field: string): WireMessage | undefined {
  const value = message[field];
  return typeof value === "object" && value !== null ? (value as WireMessage) : undefined;
}

/** proto3 cannot tell empty bytes from unset ones; a real value is never empty. */
function nonEmptyBytes(message: WireMessage, field: string): Uint8Array | undefined {
  const bytes = readBytes(message, field);
  return bytes.length > 0 ? bytes : undefined;
}

export function readDynamicValue(message: WireMessage, field: string): DynamicValue {
  return readOptionalDynamicValue(message, field) ?? {};
}

export function readOptionalDynamicValue(
  message: WireMessage,
  field: string,
): DynamicValue | undefined {
  const wire = readMessage(message, field);
  if (!wire) return undefined;
  const value: DynamicValue = {};
  const msgpack = nonEmptyBytes(wire, "msgpack");
  const json = nonEmptyBytes(wire, "json");
  if (msgpack) value.msgpack = msgpack;
  if (json) value.json = json;
  return value;
}

export function readRawState(message: WireMessage, field: string): RawState {
  const wire = readMessage(message, field) ?? {};
  const state: RawState = {};
  const json = nonEmptyBytes(wire, "json");
  if (json) state.json = json;
  const flatmap = readMessage(wire, "flatmap");
  if (flatmap && Object.keys(flatmap).length > 0) state.flatmap = flatmap as Record<string, string>;
  return state;
}

export function readClientCapabilities(message: WireMessage, field: string): ClientCapabilities {
  const wire = readMessage(message, field) ?? {};
  return {
    deferralAllowed: wire.deferral_allowed === true,
    writeOnlyAttributesAllowed: wire.write_only_attributes_allowed === true,
  };
}

// --- writing responses (undefined fields are simply left unset) ---

export function dynamicValueToWire(value: DynamicValue | undefined): WireMessage | undefined {
  return value && { msgpack: value.msgpack, json: value.json };
}

export function pathToWire(path: AttributePath): WireMessage {
  return { steps: path.map(stepToWire) };
}

function stepToWire(step: PathStep): WireMessage {
  if ("attribute" in step) return { attribute_name: step.attribute };
  if ("key" in step) return { element_key_string: step.key };
  return { element_key_int: step.index };
}

export function diagnosticsToWire(diagnostics: Diagnostic[] | undefined): WireMessage[] {
  return (diagnostics ?? []).map((diagnostic) => ({
    severity: diagnostic.severity === "warning" ? "WARNING" : "ERROR",
    summary: diagnostic.summary,
    detail: diagnostic.detail,
    attribute: diagnostic.attribute && pathToWire(diagnostic.attribute),
  }));
}

export function deferredToWire(deferred: Deferred | undefined): WireMessage | undefined {
  return deferred && { reason: deferred.reason.toUpperCase() };
}

export function serverCapabilitiesToWire(
  capabilities: ServerCapabilities | undefined,
): WireMessage | undefined {
  return (
    capabilities && {
      plan_destroy: capabilities.planDestroy,
      get_provider_schema_optional: capabilities.getProviderSchemaOptional,
      move_resource_state: capabilities.moveResourceState,
    }
  );
}

export function schemaToWire(schema: Schema): WireMessage {
  return { version: schema.version, block: blockToWire(schema.block) };
}

export function schemaMapToWire(
  schemas: Record<string, Schema> | undefined,
): Record<string, WireMessage> {
  const wire: Record<string, WireMessage> = {};
  for (const [typeName, schema] of Object.entries(schemas ?? {})) wire[typeName] = schemaToWire(schema);
  return wire;
}

function blockToWire(block: SchemaBlock): WireMessage {
  return {
    attributes: (block.attributes ?? []).map(attributeToWire),
    block_types: (block.blocks ?? []).map(nestedBlockToWire),
    description: block.description,
    description_kind: descriptionKindToWire(block.descriptionKind),
    deprecated: block.deprecated,
  };
}

function attributeToWire(attribute: SchemaAttribute): WireMessage {
  if ((attribute.type === undefined) === (attribute.nestedType === undefined)) {
    throw new Error(`schema attribute "${attribute.name}" needs exactly one of type and nestedType`);
  }
  return {
    name: attribute.name,
    type: attribute.type === undefined ? undefined : Buffer.from(JSON.stringify(attribute.type)),
    nested_type: attribute.nestedType && nestedAttributesToWire(attribute.nestedType),
    description: attribute.description,
    description_kind: descriptionKindToWire(attribute.descriptionKind),
    required: attribute.required,
    optional: attribute.optional,
    computed: attribute.computed,
    sensitive: attribute.sensitive,
    deprecated: attribute.deprecated,
    write_only: attribute.writeOnly,
  };
}

function nestedAttributesToWire(nested: SchemaNestedAttributes): WireMessage {
  return { attributes: nested.attributes.map(attributeToWire), nesting: nested.nesting.toUpperCase() };
}

function nestedBlockToWire(nested: SchemaNestedBlock): WireMessage {
  return {
    type_name: nested.typeName,
    block: blockToWire(nested.block),
    nesting: nested.nesting.toUpperCase(),
    min_items: nested.minItems,
    max_items: nested.maxItems,
  };
}

export function functionMapToWire(functions: Record<string, ProtocolFunction> | undefined): Record<string, WireMessage> {
  const wire: Record<string, WireMessage> = {};
  for (const [name, fn] of Object.entries(functions ?? {})) wire[name] = functionToWire(fn);
  return wire;
}

function functionToWire(fn: ProtocolFunction): WireMessage {
  return {
    parameters: fn.parameters.map(parameterToWire),
    variadic_parameter: fn.variadicParameter && parameterToWire(fn.variadicParameter),
    return: { type: Buffer.from(JSON.stringify(fn.returnType)) },
    summary: fn.summary,
    description: fn.description,
    description_kind: descriptionKindToWire(fn.descriptionKind),
    deprecation_message: fn.deprecationMessage,
  };
}

function parameterToWire(parameter: FunctionParameter): WireMessage {
  return {
    name: parameter.name,
    type: Buffer.from(JSON.stringify(parameter.type)),
    allow_null_value: parameter.allowNullValue,
    allow_unknown_values: parameter.allowUnknownValues,
    description: parameter.description,
    description_kind: descriptionKindToWire(parameter.descriptionKind),
  };
}

/** The repeated DynamicValue field of a request, in order. */
export function readDynamicValues(message: WireMessage, field: string): DynamicValue[] {
  const list = message[field];
  return Array.isArray(list) ? list.map((item) => readDynamicValue({ item }, "item")) : [];
}

function descriptionKindToWire(kind: SchemaBlock["descriptionKind"]): string | undefined {
  return kind?.toUpperCase();
}

/** What a handler's exception turns into, so Terraform reports it instead of losing the plugin. */
export function errorToDiagnostic(error: unknown, rpcName: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    severity: "error",
    summary: "Unexpected error in the Callplane provider",
    detail: `${rpcName} failed: ${message}`,
  };
}
