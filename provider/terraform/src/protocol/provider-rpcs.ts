// One entry per tfplugin6.Provider RPC: which handler serves it and how its
// request and response cross between protobuf objects and types.ts.
import {
  deferredToWire,
  diagnosticsToWire,
  dynamicValueToWire,
  functionMapToWire,
  pathToWire,
  readBytes,
  readClientCapabilities,
  readDynamicValue,
  readDynamicValues,
  readNumber,
  readOptionalDynamicValue,
  readRawState,
  readString,
  schemaMapToWire,
  schemaToWire,
  serverCapabilitiesToWire,
} from "./convert.js";
import type { Diagnostic, ProviderHandlers } from "./types.js";
import type { WireMessage } from "./wire-codec.js";

export interface ProviderRpc {
  name: string;
  /** Undefined when the provider has no handler, so the RPC stays UNIMPLEMENTED. */
  bind(handlers: ProviderHandlers): ((request: WireMessage) => Promise<WireMessage>) | undefined;
  /** A response carrying only these diagnostics, for when the handler failed. */
  failure(diagnostics: Diagnostic[]): WireMessage;
}

interface RpcSpec<Request, Response> {
  handler: (handlers: ProviderHandlers) => ((request: Request) => Promise<Response>) | undefined;
  request: (wire: WireMessage) => Request;
  response: (response: Response) => WireMessage;
  failure?: (diagnostics: Diagnostic[]) => WireMessage;
}

function rpc<Request, Response>(name: string, spec: RpcSpec<Request, Response>): ProviderRpc {
  return {
    name,
    bind(handlers) {
      const handler = spec.handler(handlers);
      if (!handler) return undefined;
      return async (wire) => spec.response(await handler.call(handlers, spec.request(wire)));
    },
    failure: spec.failure ?? ((diagnostics) => ({ diagnostics: diagnosticsToWire(diagnostics) })),
  };
}

const onlyDiagnostics = (response: { diagnostics?: Diagnostic[] }): WireMessage => ({
  diagnostics: diagnosticsToWire(response.diagnostics),
});

export const providerRpcs: readonly ProviderRpc[] = [
  rpc("GetMetadata", {
    handler: (h) => h.getMetadata,
    request: () => undefined,
    response: (r) => ({
      server_capabilities: serverCapabilitiesToWire(r.serverCapabilities),
      diagnostics: diagnosticsToWire(r.diagnostics),
      resources: (r.resources ?? []).map((type_name) => ({ type_name })),
      data_sources: (r.dataSources ?? []).map((type_name) => ({ type_name })),
      functions: (r.functions ?? []).map((name) => ({ name })),
      ephemeral_resources: (r.ephemeralResources ?? []).map((type_name) => ({ type_name })),
    }),
  }),
  rpc("GetProviderSchema", {
    handler: (h) => h.getProviderSchema,
    request: () => undefined,
    response: (r) => ({
      provider: r.provider && schemaToWire(r.provider),
      provider_meta: r.providerMeta && schemaToWire(r.providerMeta),
      resource_schemas: schemaMapToWire(r.resourceSchemas),
      data_source_schemas: schemaMapToWire(r.dataSourceSchemas),
      ephemeral_resource_schemas: schemaMapToWire(r.ephemeralResourceSchemas),
      functions: functionMapToWire(r.functions),
      server_capabilities: serverCapabilitiesToWire(r.serverCapabilities),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("ValidateProviderConfig", {
    handler: (h) => h.validateProviderConfig,
    request: (w) => ({ config: readDynamicValue(w, "config") }),
    response: onlyDiagnostics,
  }),
  rpc("ValidateResourceConfig", {
    handler: (h) => h.validateResourceConfig,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      config: readDynamicValue(w, "config"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: onlyDiagnostics,
  }),
  rpc("ValidateDataResourceConfig", {
    handler: (h) => h.validateDataResourceConfig,
    request: (w) => ({ typeName: readString(w, "type_name"), config: readDynamicValue(w, "config") }),
    response: onlyDiagnostics,
  }),
  rpc("UpgradeResourceState", {
    handler: (h) => h.upgradeResourceState,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      version: readNumber(w, "version"),
      rawState: readRawState(w, "raw_state"),
    }),
    response: (r) => ({
      upgraded_state: dynamicValueToWire(r.upgradedState),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("ConfigureProvider", {
    handler: (h) => h.configureProvider,
    request: (w) => ({
      terraformVersion: readString(w, "terraform_version"),
      config: readDynamicValue(w, "config"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: onlyDiagnostics,
  }),
  rpc("ReadResource", {
    handler: (h) => h.readResource,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      currentState: readDynamicValue(w, "current_state"),
      private: readBytes(w, "private"),
      providerMeta: readOptionalDynamicValue(w, "provider_meta"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: (r) => ({
      new_state: dynamicValueToWire(r.newState),
      private: r.private,
      deferred: deferredToWire(r.deferred),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("PlanResourceChange", {
    handler: (h) => h.planResourceChange,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      priorState: readDynamicValue(w, "prior_state"),
      proposedNewState: readDynamicValue(w, "proposed_new_state"),
      config: readDynamicValue(w, "config"),
      priorPrivate: readBytes(w, "prior_private"),
      providerMeta: readOptionalDynamicValue(w, "provider_meta"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: (r) => ({
      planned_state: dynamicValueToWire(r.plannedState),
      requires_replace: (r.requiresReplace ?? []).map(pathToWire),
      planned_private: r.plannedPrivate,
      deferred: deferredToWire(r.deferred),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("ApplyResourceChange", {
    handler: (h) => h.applyResourceChange,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      priorState: readDynamicValue(w, "prior_state"),
      plannedState: readDynamicValue(w, "planned_state"),
      config: readDynamicValue(w, "config"),
      plannedPrivate: readBytes(w, "planned_private"),
      providerMeta: readOptionalDynamicValue(w, "provider_meta"),
    }),
    response: (r) => ({
      new_state: dynamicValueToWire(r.newState),
      private: r.private,
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("ImportResourceState", {
    handler: (h) => h.importResourceState,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      id: readString(w, "id"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: (r) => ({
      imported_resources: (r.importedResources ?? []).map((imported) => ({
        type_name: imported.typeName,
        state: dynamicValueToWire(imported.state),
        private: imported.private,
      })),
      deferred: deferredToWire(r.deferred),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("MoveResourceState", {
    handler: (h) => h.moveResourceState,
    request: (w) => ({
      sourceProviderAddress: readString(w, "source_provider_address"),
      sourceTypeName: readString(w, "source_type_name"),
      sourceSchemaVersion: readNumber(w, "source_schema_version"),
      sourceState: readRawState(w, "source_state"),
      targetTypeName: readString(w, "target_type_name"),
      sourcePrivate: readBytes(w, "source_private"),
    }),
    response: (r) => ({
      target_state: dynamicValueToWire(r.targetState),
      target_private: r.targetPrivate,
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("ReadDataSource", {
    handler: (h) => h.readDataSource,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      config: readDynamicValue(w, "config"),
      providerMeta: readOptionalDynamicValue(w, "provider_meta"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: (r) => ({
      state: dynamicValueToWire(r.state),
      deferred: deferredToWire(r.deferred),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("ValidateEphemeralResourceConfig", {
    handler: (h) => h.validateEphemeralResourceConfig,
    request: (w) => ({ typeName: readString(w, "type_name"), config: readDynamicValue(w, "config") }),
    response: onlyDiagnostics,
  }),
  rpc("OpenEphemeralResource", {
    handler: (h) => h.openEphemeralResource,
    request: (w) => ({
      typeName: readString(w, "type_name"),
      config: readDynamicValue(w, "config"),
      clientCapabilities: readClientCapabilities(w, "client_capabilities"),
    }),
    response: (r) => ({
      result: dynamicValueToWire(r.result),
      private: r.private,
      deferred: deferredToWire(r.deferred),
      diagnostics: diagnosticsToWire(r.diagnostics),
    }),
  }),
  rpc("RenewEphemeralResource", {
    handler: (h) => h.renewEphemeralResource,
    request: (w) => ({ typeName: readString(w, "type_name"), private: readBytes(w, "private") }),
    response: (r) => ({ private: r.private, diagnostics: diagnosticsToWire(r.diagnostics) }),
  }),
  rpc("CloseEphemeralResource", {
    handler: (h) => h.closeEphemeralResource,
    request: (w) => ({ typeName: readString(w, "type_name"), private: readBytes(w, "private") }),
    response: onlyDiagnostics,
  }),
  rpc("GetFunctions", {
    handler: (h) => h.getFunctions,
    request: () => undefined,
    response: (r) => ({ functions: functionMapToWire(r.functions), diagnostics: diagnosticsToWire(r.diagnostics) }),
  }),
  rpc("CallFunction", {
    handler: (h) => h.callFunction,
    request: (w) => ({ name: readString(w, "name"), arguments: readDynamicValues(w, "arguments") }),
    response: (r) => ({
      result: dynamicValueToWire(r.result),
      error: r.error && { text: r.error.text, function_argument: r.error.functionArgument },
    }),
    // A call has no diagnostics: a failure is its error text.
    failure: (diagnostics) => ({ error: { text: diagnostics.map((d) => d.detail ?? d.summary).join("; ") } }),
  }),
  rpc("StopProvider", {
    handler: (h) => h.stopProvider,
    request: () => undefined,
    response: (r) => ({ Error: r.error }),
    // This response has no diagnostics; its only channel is the error text.
    failure: (diagnostics) => ({ Error: diagnostics.map((d) => d.detail ?? d.summary).join("; ") }),
  }),
];
