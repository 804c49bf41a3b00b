/**
 * The TypeScript model of a schema, derived from its declaration the way zod infers types: a
 * required string attribute reads as `string`, an optional number as `number | null`, a list of
 * objects as a readonly array of objects. A misspelt attribute does not compile.
 *
 * Three views, by how much Terraform knows at that moment:
 * - `Model`: a known object (state, what read, create, update and import return);
 * - `Planned`: what create and update receive — every configurable attribute known, computed
 *   attributes possibly unknown until the provider fills them in;
 * - `Draft`: a configuration or a plan being made — any value may still be unknown, and
 *   `modifyPlan` may change it.
 *
 * In what the user configures, null never appears inside collections or nested objects: the
 * framework refuses such values before a resource sees them (see model-values.ts), so nested
 * values are typed without it. Attributes only the provider sets may hold null in nested objects.
 */
import type {
  AttributeTypes, BoolType, ListType, MapType, NumberType, ObjectType, SetType, StringType, Type, Unknown, Value,
} from "../values/index.js";
import type { AttributeDefinition, SchemaDefinition } from "./schema.js";

type Attributes = Readonly<Record<string, AttributeDefinition>>;

/**
 * The known value of a type. Numbers are JavaScript numbers (the framework turns bigints into
 * numbers). `N` is what a nested object's attribute may hold besides a value: `null` in values
 * the provider computes, nothing in values the user configures.
 */
export type ValueOf<T extends Type, N = never> =
  T extends StringType ? string
  : T extends NumberType ? number
  : T extends BoolType ? boolean
  : T extends ListType<infer E> | SetType<infer E> ? readonly ValueOf<E, N>[]
  : T extends MapType<infer E> ? { readonly [key: string]: ValueOf<E, N> }
  : T extends ObjectType<infer A extends AttributeTypes> ? { readonly [K in keyof A]: ValueOf<A[K], N> | N }
  : Value;

/** A value of a type that may be unknown at any depth. */
export type MaybeUnknown<T extends Type, N = never> = Unknown | (
  T extends StringType ? string
  : T extends NumberType ? number
  : T extends BoolType ? boolean
  : T extends ListType<infer E> | SetType<infer E> ? readonly MaybeUnknown<E, N>[]
  : T extends MapType<infer E> ? { readonly [key: string]: MaybeUnknown<E, N> }
  : T extends ObjectType<infer A extends AttributeTypes> ? { readonly [K in keyof A]: MaybeUnknown<A[K], N> | N }
  : Value);

/** Attributes that always hold a value once planned: required ones and those with a default. */
type AlwaysSet<D> = D extends { required: true } ? true : D extends { default: Value } ? true : false;
/** Attributes only the provider sets (an optional + computed attribute is set by the user, if at all). */
type ProviderSet<D> = D extends { computed: true } ? (D extends { optional: true } ? false : true) : false;

type AttributesOf<S> = S extends SchemaDefinition<infer A> ? A : never;
/** What nested objects of the attribute may hold besides values. */
type NestedNull<D> = ProviderSet<D> extends true ? null : never;
type Known<D extends AttributeDefinition> = ValueOf<D["type"], NestedNull<D>>;
type Unknowable<D extends AttributeDefinition> = MaybeUnknown<D["type"], NestedNull<D>>;

/** A known object of the schema: state, and what read, create, update and import return. */
export type Model<S extends SchemaDefinition<Attributes>> = {
  -readonly [K in keyof AttributesOf<S>]: AlwaysSet<AttributesOf<S>[K]> extends true
    ? Known<AttributesOf<S>[K]>
    : Known<AttributesOf<S>[K]> | null;
};

/**
 * What create and update receive: the configuration's values known (Terraform guarantees it at
 * apply; an optional + computed attribute left unset is null), computed ones possibly unknown.
 */
export type Planned<S extends SchemaDefinition<Attributes>> = {
  readonly [K in keyof AttributesOf<S>]: ProviderSet<AttributesOf<S>[K]> extends true
    ? Known<AttributesOf<S>[K]> | null | Unknown
    : Model<S>[K];
};

/**
 * A configuration, or a plan being made: anything may be unknown, and whatever is not required
 * may be null (a default is filled in only when planning); `modifyPlan` writes to it.
 */
export type Draft<S extends SchemaDefinition<Attributes>> = {
  -readonly [K in keyof AttributesOf<S>]: AttributesOf<S>[K] extends { required: true }
    ? Unknowable<AttributesOf<S>[K]>
    : Unknowable<AttributesOf<S>[K]> | null;
};
