/**
 * Terraform's type system (go-cty), as plain data.
 *
 * Build types with `t`: `t.object({ name: t.string, allocations: t.list(t.object({ ... })) })`.
 * Types are frozen; compare them with `typeEquals`, not `===`.
 */

export interface StringType {
  readonly kind: "string";
}
export interface NumberType {
  readonly kind: "number";
}
export interface BoolType {
  readonly kind: "bool";
}
/** cty's DynamicPseudoType: any type, decided by the value (`"dynamic"` in JSON). */
export interface DynamicType {
  readonly kind: "dynamic";
}
export interface ListType<E extends Type = Type> {
  readonly kind: "list";
  readonly element: E;
}
export interface SetType<E extends Type = Type> {
  readonly kind: "set";
  readonly element: E;
}
export interface MapType<E extends Type = Type> {
  readonly kind: "map";
  readonly element: E;
}
/** The attribute types of an object type, by name. */
export type AttributeTypes = { readonly [name: string]: Type };
export interface ObjectType<A extends AttributeTypes = AttributeTypes> {
  readonly kind: "object";
  readonly attributes: A;
}
export interface TupleType {
  readonly kind: "tuple";
  readonly elements: readonly Type[];
}

export type PrimitiveType = StringType | NumberType | BoolType;
export type CollectionType = ListType | SetType | MapType;
export type Type = PrimitiveType | DynamicType | CollectionType | ObjectType | TupleType;

/** Terraform's JSON notation for types: `"string"`, `["list","string"]`, `["object",{"a":"string"}]`. */
export type TypeJson =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | ["list" | "set" | "map", TypeJson]
  | ["object", { [name: string]: TypeJson }]
  | ["tuple", TypeJson[]];

const stringType: StringType = Object.freeze({ kind: "string" });
const numberType: NumberType = Object.freeze({ kind: "number" });
const boolType: BoolType = Object.freeze({ kind: "bool" });
const dynamicType: DynamicType = Object.freeze({ kind: "dynamic" });

/** Sets `obj[key] = value` as an own property, even for keys like `__proto__`. */
export function setOwn<T>(obj: { [key: string]: T }, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Type builders. Each keeps its element and attribute types, so models can be derived from them. */
export const t = {
  string: stringType,
  number: numberType,
  bool: boolType,
  dynamic: dynamicType,
  list<E extends Type>(element: E): ListType<E> {
    return Object.freeze({ kind: "list", element });
  },
  set<E extends Type>(element: E): SetType<E> {
    return Object.freeze({ kind: "set", element });
  },
  map<E extends Type>(element: E): MapType<E> {
    return Object.freeze({ kind: "map", element });
  },
  object<A extends AttributeTypes>(attributes: A): ObjectType<A> {
    const copy: { [name: string]: Type } = {};
    for (const [name, type] of Object.entries(attributes)) setOwn(copy, name, type);
    return Object.freeze({ kind: "object", attributes: Object.freeze(copy) }) as ObjectType<A>;
  },
  tuple(elements: readonly Type[]): TupleType {
    return Object.freeze({ kind: "tuple", elements: Object.freeze([...elements]) });
  },
} as const;

/** Structural equality of two types. */
export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case "string":
    case "number":
    case "bool":
    case "dynamic":
      return a.kind === b.kind;
    case "list":
    case "set":
    case "map":
      return b.kind === a.kind && typeEquals(a.element, (b as CollectionType).element);
    case "object": {
      if (b.kind !== "object") return false;
      const names = Object.keys(a.attributes);
      if (names.length !== Object.keys(b.attributes).length) return false;
      return names.every((n) => Object.hasOwn(b.attributes, n) && typeEquals(a.attributes[n]!, b.attributes[n]!));
    }
    case "tuple":
      return (
        b.kind === "tuple" &&
        a.elements.length === b.elements.length &&
        a.elements.every((e, i) => typeEquals(e, b.elements[i]!))
      );
  }
}

/** How cty names a type in messages: `string`, `list of string`, `object`, `tuple`. */
export function typeName(type: Type): string {
  switch (type.kind) {
    case "list":
    case "set":
    case "map":
      return `${type.kind} of ${typeName(type.element)}`;
    default:
      return type.kind;
  }
}

/**
 * Compares strings by their UTF-8 bytes (which is code point order), as Go's `sort.Strings` does.
 * JavaScript's `<` compares UTF-16 units and disagrees for characters above U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const sortedNames = new WeakMap<ObjectType, readonly string[]>();

/** An object type's attribute names in the order cty writes them (sorted by UTF-8 bytes). */
export function attributeNames(type: ObjectType): readonly string[] {
  let names = sortedNames.get(type);
  if (names === undefined) {
    names = Object.freeze(Object.keys(type.attributes).sort(compareUtf8));
    sortedNames.set(type, names);
  }
  return names;
}

/** Terraform's JSON notation for a type, as a JSON-ready value. */
export function typeToJson(type: Type): TypeJson {
  switch (type.kind) {
    case "string":
    case "number":
    case "bool":
    case "dynamic":
      return type.kind;
    case "list":
    case "set":
    case "map":
      return [type.kind, typeToJson(type.element)];
    case "object": {
      const attrs: { [name: string]: TypeJson } = {};
      for (const name of attributeNames(type)) setOwn(attrs, name, typeToJson(type.attributes[name]!));
      return ["object", attrs];
    }
    case "tuple":
      return ["tuple", type.elements.map(typeToJson)];
  }
}

/**
 * Terraform's JSON notation for a type, as text, exactly as go-cty writes it: no spaces, object
 * attributes sorted by name (JSON.stringify would put integer-like names first).
 */
export function typeToJsonString(type: Type): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "bool":
    case "dynamic":
      return `"${type.kind}"`;
    case "list":
    case "set":
    case "map":
      return `["${type.kind}",${typeToJsonString(type.element)}]`;
    case "object": {
      const parts = attributeNames(type).map((n) => `${JSON.stringify(n)}:${typeToJsonString(type.attributes[n]!)}`);
      return `["object",{${parts.join(",")}}]`;
    }
    case "tuple":
      return `["tuple",[${type.elements.map(typeToJsonString).join(",")}]]`;
  }
}

/**
 * Reads Terraform's JSON notation for a type (already parsed, e.g. by `JSON.parse`). The third
 * element of an object type (its optional attribute names, which only type constraints carry)
 * is accepted and ignored. Throws `TypeError` on anything else.
 */
export function typeFromJson(json: unknown): Type {
  return readTypeJson(json, 0);
}

const MAX_TYPE_DEPTH = 100;

function readTypeJson(json: unknown, depth: number): Type {
  if (depth > MAX_TYPE_DEPTH) throw new TypeError("type description is nested too deeply");
  if (typeof json === "string") {
    switch (json) {
      case "string":
        return t.string;
      case "number":
        return t.number;
      case "bool":
        return t.bool;
      case "dynamic":
        return t.dynamic;
      default:
        throw new TypeError(`invalid primitive type name ${JSON.stringify(json)}`);
    }
  }
  if (!Array.isArray(json) || typeof json[0] !== "string") throw new TypeError("invalid type description");
  const [kind, arg, optionals] = json as unknown[];
  const extra = kind === "object" ? json.length > 3 || (json.length === 3 && !isStringArray(optionals)) : json.length !== 2;
  if (json.length < 2 || extra) throw new TypeError(`invalid ${String(kind)} type description`);
  switch (kind) {
    case "list":
      return t.list(readTypeJson(arg, depth + 1));
    case "set":
      return t.set(readTypeJson(arg, depth + 1));
    case "map":
      return t.map(readTypeJson(arg, depth + 1));
    case "object": {
      if (typeof arg !== "object" || arg === null || Array.isArray(arg)) throw new TypeError("invalid object type description");
      const attrs: { [name: string]: Type } = {};
      for (const [name, aty] of Object.entries(arg)) setOwn(attrs, name, readTypeJson(aty, depth + 1));
      return t.object(attrs);
    }
    case "tuple":
      if (!Array.isArray(arg)) throw new TypeError("invalid tuple type description");
      return t.tuple(arg.map((e: unknown) => readTypeJson(e, depth + 1)));
    default:
      throw new TypeError(`invalid complex type kind name ${JSON.stringify(kind)}`);
  }
}

function isStringArray(v: unknown): boolean {
  return Array.isArray(v) && v.every((e) => typeof e === "string");
}
