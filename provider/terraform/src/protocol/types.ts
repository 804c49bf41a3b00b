// The plain TypeScript side of Terraform's plugin protocol (tfplugin6).
// Everything the rest of the provider sees of the protocol is declared here;
// protobuf shapes stay inside src/protocol/.

/** A value of a schema type as Terraform sends it: msgpack, or JSON for some stored state. */
export interface DynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

/** Stored state of a resource, before the provider upgrades it to the current schema. */
export interface RawState {
  json?: Uint8Array;
  /** Only for state written by very old Terraform versions. */
  flatmap?: Record<string, string>;
}

/**
 * One step into a value: an object attribute, a map key or a list/tuple index.
 * Same shape as the values layer's PathStep, so its paths pass straight through.
 */
export type PathStep = { attribute: string } | { key: string } | { index: number };

export type AttributePath = readonly PathStep[];

export interface Diagnostic {
  severity: "error" | "warning";
  summary: string;
  detail?: string;
  /** Where in the configuration/value the problem is; Terraform points at it. */
  attribute?: AttributePath;
}

/** Asks Terraform to postpone the resource to a later round (only when the client allows deferral). */
export interface Deferred {
  reason: "unknown" | "resource_config_unknown" | "provider_config_unknown" | "absent_prereq";
}

export interface ServerCapabilities {
  /** Destroys are planned through planResourceChange with a null proposed state. */
  planDestroy?: boolean;
  /** Terraform may skip GetProviderSchema in later processes of the same command. */
  getProviderSchemaOptional?: boolean;
  moveResourceState?: boolean;
}

export interface ClientCapabilities {
  deferralAllowed: boolean;
  writeOnlyAttributesAllowed: boolean;
}

// ---------------------------------------------------------------------------
// Schemas

/** A cty type in its JSON form, the way Terraform's schema carries attribute types. */
export type CtyType =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | readonly ["list" | "set" | "map", CtyType]
  | readonly ["object", { readonly [attribute: string]: CtyType }]
  | readonly ["object", { readonly [attribute: string]: CtyType }, readonly string[]]
  | readonly ["tuple", readonly CtyType[]];

export type DescriptionKind = "plain" | "markdown";

export interface Schema {
  version: number;
  block: SchemaBlock;
}

export interface SchemaBlock {
  attributes?: SchemaAttribute[];
  blocks?: SchemaNestedBlock[];
  description?: string;
  descriptionKind?: DescriptionKind;
  deprecated?: boolean;
}

export interface SchemaAttribute {
  name: string;
  /** Exactly one of `type` and `nestedType`. */
  type?: CtyType;
  nestedType?: SchemaNestedAttributes;
  description?: string;
  descriptionKind?: DescriptionKind;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  writeOnly?: boolean;
}

/** Attributes nested inside an attribute (`attr = { ... }`), as opposed to a block. */
export interface SchemaNestedAttributes {
  nesting: "single" | "list" | "set" | "map";
  attributes: SchemaAttribute[];
}

export interface SchemaNestedBlock {
  typeName: string;
  nesting: "single" | "list" | "set" | "map" | "group";
  block: SchemaBlock;
  minItems?: number;
  maxItems?: number;
}

// ---------------------------------------------------------------------------
// Requests and responses, one pair per RPC

export interface WithDiagnostics {
  diagnostics?: Diagnostic[];
}

export interface GetMetadataResponse extends WithDiagnostics {
  serverCapabilities?: ServerCapabilities;
  resources?: string[];
  dataSources?: string[];
  functions?: string[];
  ephemeralResources?: string[];
}

/** A provider-defined function's signature (Terraform 1.8+). */
export interface ProtocolFunction {
  parameters: FunctionParameter[];
  /** A last parameter that takes zero or more arguments, each of its type. */
  variadicParameter?: FunctionParameter;
  returnType: CtyType;
  summary?: string;
  description?: string;
  descriptionKind?: DescriptionKind;
  deprecationMessage?: string;
}

export interface FunctionParameter {
  name: string;
  type: CtyType;
  /** Terraform refuses a null argument unless this is set. */
  allowNullValue?: boolean;
  /** Unless set, Terraform skips the call and takes the result as unknown when an argument is unknown. */
  allowUnknownValues?: boolean;
  description?: string;
  descriptionKind?: DescriptionKind;
}

export interface GetProviderSchemaResponse extends WithDiagnostics {
  provider?: Schema;
  providerMeta?: Schema;
  resourceSchemas?: Record<string, Schema>;
  dataSourceSchemas?: Record<string, Schema>;
  ephemeralResourceSchemas?: Record<string, Schema>;
  functions?: Record<string, ProtocolFunction>;
  serverCapabilities?: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  config: DynamicValue;
}

export interface ValidateResourceConfigRequest {
  typeName: string;
  config: DynamicValue;
  clientCapabilities: ClientCapabilities;
}

export interface ValidateDataResourceConfigRequest {
  typeName: string;
  config: DynamicValue;
}

export interface UpgradeResourceStateRequest {
  typeName: string;
  /** Schema version the state was written with. */
  version: number;
  rawState: RawState;
}

export interface UpgradeResourceStateResponse extends WithDiagnostics {
  /** Must be msgpack even though the input is JSON. */
  upgradedState?: DynamicValue;
}

export interface ConfigureProviderRequest {
  terraformVersion: string;
  config: DynamicValue;
  clientCapabilities: ClientCapabilities;
}

export interface ReadResourceRequest {
  typeName: string;
  currentState: DynamicValue;
  private: Uint8Array;
  providerMeta?: DynamicValue;
  clientCapabilities: ClientCapabilities;
}

export interface ReadResourceResponse extends WithDiagnostics {
  /** A msgpack null (0xc0) tells Terraform the object no longer exists. */
  newState?: DynamicValue;
  private?: Uint8Array;
  deferred?: Deferred;
}

export interface PlanResourceChangeRequest {
  typeName: string;
  priorState: DynamicValue;
  /** A msgpack null means a destroy is being planned. */
  proposedNewState: DynamicValue;
  config: DynamicValue;
  priorPrivate: Uint8Array;
  providerMeta?: DynamicValue;
  clientCapabilities: ClientCapabilities;
}

export interface PlanResourceChangeResponse extends WithDiagnostics {
  plannedState?: DynamicValue;
  requiresReplace?: AttributePath[];
  plannedPrivate?: Uint8Array;
  deferred?: Deferred;
}

export interface ApplyResourceChangeRequest {
  typeName: string;
  priorState: DynamicValue;
  /** A msgpack null means destroy. */
  plannedState: DynamicValue;
  config: DynamicValue;
  plannedPrivate: Uint8Array;
  providerMeta?: DynamicValue;
}

export interface ApplyResourceChangeResponse extends WithDiagnostics {
  newState?: DynamicValue;
  private?: Uint8Array;
}

export interface ImportResourceStateRequest {
  typeName: string;
  id: string;
  clientCapabilities: ClientCapabilities;
}

export interface ImportedResource {
  typeName: string;
  state: DynamicValue;
  private?: Uint8Array;
}

export interface ImportResourceStateResponse extends WithDiagnostics {
  importedResources?: ImportedResource[];
  deferred?: Deferred;
}

export interface MoveResourceStateRequest {
  sourceProviderAddress: string;
  sourceTypeName: string;
  sourceSchemaVersion: number;
  sourceState: RawState;
  targetTypeName: string;
  sourcePrivate: Uint8Array;
}

export interface MoveResourceStateResponse extends WithDiagnostics {
  targetState?: DynamicValue;
  targetPrivate?: Uint8Array;
}

export interface ReadDataSourceRequest {
  typeName: string;
  config: DynamicValue;
  providerMeta?: DynamicValue;
  clientCapabilities: ClientCapabilities;
}

export interface ReadDataSourceResponse extends WithDiagnostics {
  state?: DynamicValue;
  deferred?: Deferred;
}

export interface ValidateEphemeralResourceConfigRequest {
  typeName: string;
  config: DynamicValue;
}

export interface OpenEphemeralResourceRequest {
  typeName: string;
  config: DynamicValue;
  clientCapabilities: ClientCapabilities;
}

export interface OpenEphemeralResourceResponse extends WithDiagnostics {
  result?: DynamicValue;
  /** Handed back to Renew and Close: what the provider needs to end the resource. */
  private?: Uint8Array;
  deferred?: Deferred;
}

export interface RenewEphemeralResourceRequest {
  typeName: string;
  private: Uint8Array;
}

export interface RenewEphemeralResourceResponse extends WithDiagnostics {
  private?: Uint8Array;
}

export interface CloseEphemeralResourceRequest {
  typeName: string;
  private: Uint8Array;
}

export interface GetFunctionsResponse extends WithDiagnostics {
  functions?: Record<string, ProtocolFunction>;
}

export interface CallFunctionRequest {
  name: string;
  arguments: DynamicValue[];
}

export interface CallFunctionResponse {
  result?: DynamicValue;
  /** A failed call: Terraform shows `text`, pointing at argument `functionArgument` (0-based) when set. */
  error?: { text: string; functionArgument?: number };
}

export interface StopProviderResponse {
  /** Empty or absent when stopping worked. */
  error?: string;
}

/**
 * What the provider implements. Every method is optional: a missing one is
 * answered with gRPC UNIMPLEMENTED. A method that throws (or rejects) does not
 * crash the process; the error becomes an error diagnostic on the response.
 */
export interface ProviderHandlers {
  getMetadata?(): Promise<GetMetadataResponse>;
  getProviderSchema?(): Promise<GetProviderSchemaResponse>;
  validateProviderConfig?(request: ValidateProviderConfigRequest): Promise<WithDiagnostics>;
  validateResourceConfig?(request: ValidateResourceConfigRequest): Promise<WithDiagnostics>;
  validateDataResourceConfig?(request: ValidateDataResourceConfigRequest): Promise<WithDiagnostics>;
  upgradeResourceState?(request: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse>;
  configureProvider?(request: ConfigureProviderRequest): Promise<WithDiagnostics>;
  readResource?(request: ReadResourceRequest): Promise<ReadResourceResponse>;
  planResourceChange?(request: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse>;
  applyResourceChange?(request: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse>;
  importResourceState?(request: ImportResourceStateRequest): Promise<ImportResourceStateResponse>;
  moveResourceState?(request: MoveResourceStateRequest): Promise<MoveResourceStateResponse>;
  readDataSource?(request: ReadDataSourceRequest): Promise<ReadDataSourceResponse>;
  validateEphemeralResourceConfig?(request: ValidateEphemeralResourceConfigRequest): Promise<WithDiagnostics>;
  openEphemeralResource?(request: OpenEphemeralResourceRequest): Promise<OpenEphemeralResourceResponse>;
  renewEphemeralResource?(request: RenewEphemeralResourceRequest): Promise<RenewEphemeralResourceResponse>;
  closeEphemeralResource?(request: CloseEphemeralResourceRequest): Promise<WithDiagnostics>;
  getFunctions?(): Promise<GetFunctionsResponse>;
  callFunction?(request: CallFunctionRequest): Promise<CallFunctionResponse>;
  stopProvider?(): Promise<StopProviderResponse>;
}
