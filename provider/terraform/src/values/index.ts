/**
 * Terraform's value model (go-cty) in TypeScript, with its msgpack and JSON encodings and
 * attribute paths. Knows nothing of gRPC or of Callplane's resources.
 */
export {
  t,
  typeEquals,
  typeName,
  typeToJson,
  typeToJsonString,
  typeFromJson,
  attributeNames,
  setOwn,
  type Type,
  type TypeJson,
  type PrimitiveType,
  type CollectionType,
  type StringType,
  type NumberType,
  type BoolType,
  type DynamicType,
  type ListType,
  type SetType,
  type MapType,
  type ObjectType,
  type TupleType,
  type AttributeTypes,
} from "./types.js";
export {
  UNKNOWN,
  Unknown,
  DynamicValue,
  isUnknown,
  isKnown,
  isDynamicValue,
  isValueObject,
  inferType,
  type Value,
  type ValueObject,
  type UnknownRefinements,
} from "./value.js";
export { decodeMsgpack, encodeMsgpack } from "./msgpack.js";
export { decodeJson, encodeJson, type DecodeJsonOptions } from "./json.js";
export { formatPath, parseApiPath, camelToSnake, type PathStep, type Path } from "./path.js";
export { ValueError } from "./errors.js";
