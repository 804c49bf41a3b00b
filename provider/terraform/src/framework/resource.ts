/** What a resource, a data source and the provider itself declare; one file each implements it. */
import type { CallplaneClient } from "@callplane/sdk";
import type { Value } from "../values/index.js";
import type { Diagnostics } from "./diagnostics.js";
import type { SchemaDefinition } from "./schema.js";

/** An object's attributes, by their Terraform (snake_case) names. */
export type State = Record<string, Value>;

/** Per plugin process: the API client and memoised lists, so a refresh of N objects costs one list. */
export interface ProviderContext {
  client: CallplaneClient;
  /** Memoises `load` under `key` until the next write. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets memoised lists after a write. */
  invalidate(): void;
  /**
   * The provider block's settings as Terraform sent them (environment-variable fallbacks not
   * applied), for resources that must know whom the provider acts as. Never log it: `token` is a secret.
   */
  providerConfig?: State;
}

export interface ResourceDefinition {
  typeName: string;
  schema: SchemaDefinition;
  /** Checks across attributes, on a configuration whose values may still be unknown. */
  validateConfig?(config: State, diagnostics: Diagnostics): void;
  /** Adjusts or checks a planned create or update against the live API. */
  modifyPlan?(planned: State, prior: State | null, ctx: ProviderContext, diagnostics: Diagnostics): Promise<void>;
  create(planned: State, ctx: ProviderContext, diagnostics: Diagnostics): Promise<State | null>;
  /** The live object, or null when it no longer exists. */
  read(state: State, ctx: ProviderContext, diagnostics: Diagnostics): Promise<State | null>;
  update(planned: State, prior: State, ctx: ProviderContext, diagnostics: Diagnostics): Promise<State | null>;
  delete(state: State, ctx: ProviderContext, diagnostics: Diagnostics): Promise<void>;
  /** The object with this import id, or null when there is none. */
  importState?(id: string, ctx: ProviderContext, diagnostics: Diagnostics): Promise<State | null>;
}

export interface DataSourceDefinition {
  typeName: string;
  schema: SchemaDefinition;
  read(config: State, ctx: ProviderContext, diagnostics: Diagnostics): Promise<State | null>;
}

export interface ProviderDefinition {
  schema: SchemaDefinition;
  configure(config: State, diagnostics: Diagnostics): CallplaneClient | undefined;
  resources: ResourceDefinition[];
  dataSources: DataSourceDefinition[];
}
