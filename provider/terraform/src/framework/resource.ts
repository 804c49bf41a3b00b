/**
 * What a resource, a data source and the provider itself declare; one file each implements it.
 * The framework knows nothing of the API behind them: `C` is whatever client `configure` makes.
 */
import type { Value } from "../values/index.js";
import type { Diagnostics } from "./diagnostics.js";
import type { AnyFunction } from "./function.js";
import type { Draft, Model, Planned } from "./model.js";
import type { SchemaDefinition } from "./schema.js";

/** An object's attributes, by their Terraform (snake_case) names, before a schema gives them types. */
export type State = Record<string, Value>;

/** Per plugin process: the API client and memoised lists, so a refresh of N objects costs one list. */
export interface ProviderContext<C> {
  client: C;
  /** Memoises `load` under `key` until the next write. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets memoised lists after a write. */
  invalidate(): void;
  /**
   * The provider block's settings as Terraform sent them (environment-variable fallbacks not
   * applied), for resources that must know whom the provider acts as. Never log it: it may hold secrets.
   */
  providerConfig?: Readonly<State>;
}

export interface ResourceDefinition<S extends SchemaDefinition, C> {
  typeName: string;
  schema: S;
  /** Checks across attributes, on a configuration whose values may still be unknown. */
  validateConfig?(config: Draft<S>, diagnostics: Diagnostics): void;
  /** Adjusts or checks a planned create or update against the live API. */
  modifyPlan?(planned: Draft<S>, prior: Model<S> | null, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<void>;
  create(planned: Planned<S>, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<Model<S> | null>;
  /** The live object, or null when it no longer exists. */
  read(state: Model<S>, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<Model<S> | null>;
  update(planned: Planned<S>, prior: Model<S>, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<Model<S> | null>;
  delete(state: Model<S>, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<void>;
  /** The object with this import id, or null when there is none. */
  importState?(id: string, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<Model<S> | null>;
}

export interface DataSourceDefinition<S extends SchemaDefinition, C> {
  typeName: string;
  schema: S;
  /** The configuration is known; attributes the provider computes are null in it. */
  read(config: Model<S>, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<Model<S> | null>;
}

/**
 * An ephemeral resource (Terraform 1.10+): opened when Terraform needs its value, closed when it
 * is done with it; never in the plan or the state.
 */
export interface EphemeralResourceDefinition<S extends SchemaDefinition, C> {
  typeName: string;
  schema: S;
  validateConfig?(config: Draft<S>, diagnostics: Diagnostics): void;
  /**
   * The configuration is known and has its defaults. Returns the result, and `closeWith`: what
   * `close` needs to end it (kept by Terraform in plain sight, so never a secret).
   */
  open(config: Model<S>, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<{ result: Model<S>; closeWith?: string } | null>;
  close?(closeWith: string, ctx: ProviderContext<C>, diagnostics: Diagnostics): Promise<void>;
}

/** A resource or data source of any schema, as the provider lists them. */
export type AnyResource<C> = ResourceDefinition<SchemaDefinition, C>;
export type AnyDataSource<C> = DataSourceDefinition<SchemaDefinition, C>;
export type AnyEphemeralResource<C> = EphemeralResourceDefinition<SchemaDefinition, C>;

export interface ProviderDefinition<C, S extends SchemaDefinition = SchemaDefinition> {
  schema: S;
  configure(config: Model<S>, diagnostics: Diagnostics): C | undefined;
  resources: AnyResource<C>[];
  dataSources: AnyDataSource<C>[];
  ephemeralResources?: AnyEphemeralResource<C>[];
  functions?: AnyFunction[];
}

/** Checks a resource against its schema's model; the provider lists it as an `AnyResource`. */
export function defineResource<S extends SchemaDefinition, C>(resource: ResourceDefinition<S, C>): AnyResource<C> {
  return resource as unknown as AnyResource<C>;
}

export function defineEphemeralResource<S extends SchemaDefinition, C>(resource: EphemeralResourceDefinition<S, C>): AnyEphemeralResource<C> {
  return resource as unknown as AnyEphemeralResource<C>;
}

export function defineDataSource<S extends SchemaDefinition, C>(dataSource: DataSourceDefinition<S, C>): AnyDataSource<C> {
  return dataSource as unknown as AnyDataSource<C>;
}
