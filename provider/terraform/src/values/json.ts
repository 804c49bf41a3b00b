/**
 * Terraform's JSON encoding of values, as in stored state (`raw_state.json` of
 * UpgradeResourceState), following go-cty's `cty/json`:
 *
 * - objects and maps are JSON objects, lists, sets and tuples arrays, null is null;
 * - numbers are JSON numbers written in full (`100000000000000000000`, `0.1`), read exactly:
 *   numbers are parsed from their text here, never through `JSON.parse` (see numbers.ts);
 * - a `dynamic` value is `{"value": …, "type": <type JSON>}`;
 * - there are no unknowns.
 *
 * Reading is as lenient as go-cty: an attribute missing from the JSON is null; a number may be
 * given as a string, a string as a number or bool, a bool as "true"/"false"/"1"/"0". An attribute
 * not in the type is an error unless `dropExtraAttributes` is set (a schema that removed one).
 */
import { checkObjectAttributes, checkString, mismatch, sequenceItems } from "./check.js";
import { ValueError } from "./errors.js";
import { decimalTextToNumber, numberToDecimalText } from "./numbers.js";
import type { PathStep } from "./path.js";
import { compareUtf8, setOwn, typeEquals, typeFromJson, typeName, typeToJsonString, type Type } from "./types.js";
import { DynamicValue, inferType, isDynamicValue, isUnknown, isValueObject, type Value } from "./value.js";

export interface DecodeJsonOptions {
  /** Drop object attributes the type does not have instead of failing (default false). */
  dropExtraAttributes?: boolean;
}

// ---------------------------------------------------------------------------------------------
// A JSON parser that keeps number text and object keys exactly.

class JsonNumber {
  constructor(readonly text: string) {}
}
type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | Map<string, JsonNode>;

const MAX_JSON_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    const node = this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail("unexpected text after the value");
    return node;
  }

  private fail(why: string): never {
    throw new ValueError([], `invalid JSON at offset ${this.pos}: ${why}`);
  }

  private ws(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) this.fail("nested too deeply");
    this.ws();
    const c = this.text[this.pos];
    switch (c) {
      case "{": {
        this.pos++;
        const map = new Map<string, JsonNode>();
        this.ws();
        if (this.text[this.pos] === "}") return this.pos++, map;
        for (;;) {
          this.ws();
          if (this.text[this.pos] !== '"') this.fail("expected an object key");
          const key = this.string();
          this.ws();
          if (this.text[this.pos] !== ":") this.fail("expected ':'");
          this.pos++;
          map.set(key, this.value(depth + 1)); // a repeated key keeps its last value, as in Go
          this.ws();
          const d = this.text[this.pos++];
          if (d === "}") return map;
          if (d !== ",") this.fail("expected ',' or '}'");
        }
      }
      case "[": {
        this.pos++;
        const items: JsonNode[] = [];
        this.ws();
        if (this.text[this.pos] === "]") return this.pos++, items;
        for (;;) {
          items.push(this.value(depth + 1));
          this.ws();
          const d = this.text[this.pos++];
          if (d === "]") return items;
          if (d !== ",") this.fail("expected ',' or ']'");
        }
      }
      case '"':
        return this.string();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default: {
        NUMBER.lastIndex = this.pos;
        const m = NUMBER.exec(this.text);
        if (m === null || m[0] === "") this.fail(c === undefined ? "unexpected end" : `unexpected ${JSON.stringify(c)}`);
        this.pos += m[0].length;
        return new JsonNumber(m[0]);
      }
    }
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`unexpected ${JSON.stringify(this.text[this.pos])}`);
    this.pos += word.length;
    return value;
  }

  private string(): string {
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= this.text.length) this.fail("unterminated string");
      const c = this.text.charCodeAt(i);
      if (c === 0x22) break;
      i += c === 0x5c ? 2 : 1;
    }
    this.pos = i + 1;
    try {
      return JSON.parse(this.text.slice(start, i + 1)) as string; // validates escapes and control characters
    } catch {
      this.pos = start;
      return this.fail("invalid string");
    }
  }
}

function toPlain(node: JsonNode): unknown {
  if (node instanceof JsonNumber) return Number(node.text);
  if (Array.isArray(node)) return node.map(toPlain);
  if (node instanceof Map) {
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of node) setOwn(out, k, toPlain(v));
    return out;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Decoding

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function kindOf(node: JsonNode): string {
  if (node === null) return "null";
  if (node instanceof JsonNumber) return "a number";
  if (Array.isArray(node)) return "an array";
  if (node instanceof Map) return "an object";
  return `a ${typeof node}`;
}

function fromJson(node: JsonNode, type: Type, path: PathStep[], options: DecodeJsonOptions): Value {
  if (node === null) return null;
  const required = (what: string) => new ValueError(path, `${what} is required (got ${kindOf(node)})`);

  switch (type.kind) {
    case "dynamic": {
      if (!(node instanceof Map)) throw new ValueError(path, 'a dynamic value must be {"value": …, "type": …}');
      for (const key of node.keys()) {
        if (key !== "value" && key !== "type") throw new ValueError(path, `invalid key ${JSON.stringify(key)} in a dynamic value`);
      }
      const typeNode = node.get("type");
      const valueNode = node.get("value");
      if (typeNode === undefined) throw new ValueError(path, "a dynamic value's type is missing");
      if (valueNode === undefined) throw new ValueError(path, "a dynamic value's value is missing");
      let inner: Type;
      try {
        inner = typeFromJson(toPlain(typeNode));
      } catch (e) {
        throw new ValueError(path, `a dynamic value's type is invalid: ${(e as Error).message}`);
      }
      const value = fromJson(valueNode, inner, path, options);
      return inner.kind === "dynamic" ? value : new DynamicValue(inner, value);
    }
    case "string":
      if (typeof node === "string") return node;
      if (node instanceof JsonNumber) return node.text;
      if (typeof node === "boolean") return node ? "true" : "false";
      throw required("string");
    case "number":
      if (node instanceof JsonNumber) return decimalTextToNumber(node.text, path);
      if (typeof node === "string") return decimalTextToNumber(node, path);
      throw required("number");
    case "bool":
      if (typeof node === "boolean") return node;
      if (node === "true" || node === "1") return true;
      if (node === "false" || node === "0") return false;
      throw required("bool");
    case "list":
    case "set":
    case "tuple": {
      if (!Array.isArray(node)) throw required(type.kind === "tuple" ? "a tuple" : typeName(type));
      if (type.kind === "tuple" && node.length !== type.elements.length) {
        throw new ValueError(path, `a tuple of ${type.elements.length} elements is required (got ${node.length})`);
      }
      return node.map((item, i) => {
        path.push({ index: i });
        const v = fromJson(item, type.kind === "tuple" ? type.elements[i]! : type.element, path, options);
        path.pop();
        return v;
      });
    }
    case "map": {
      if (!(node instanceof Map)) throw required(typeName(type));
      const out: { [key: string]: Value } = {};
      for (const [key, item] of node) {
        path.push({ key });
        setOwn(out, key, fromJson(item, type.element, path, options));
        path.pop();
      }
      return out;
    }
    case "object": {
      if (!(node instanceof Map)) throw required("an object");
      for (const key of node.keys()) {
        if (!Object.hasOwn(type.attributes, key) && !options.dropExtraAttributes) {
          throw new ValueError([...path, { attribute: key }], "unsupported attribute");
        }
      }
      const out: { [name: string]: Value } = {};
      for (const name of Object.keys(type.attributes)) {
        const item = node.get(name);
        path.push({ attribute: name });
        setOwn(out, name, item === undefined ? null : fromJson(item, type.attributes[name]!, path, options));
        path.pop();
      }
      return out;
    }
  }
}

/**
 * Decodes Terraform's JSON encoding of a value of the given type (e.g. stored state). Attributes
 * missing from the JSON are null. Throws `ValueError` with the attribute path on a mismatch.
 */
export function decodeJson(json: Uint8Array | string, type: Type, options: DecodeJsonOptions = {}): Value {
  let text: string;
  if (typeof json === "string") {
    text = json;
  } else {
    try {
      text = utf8Decoder.decode(json);
    } catch {
      throw new ValueError([], "JSON is not valid UTF-8");
    }
  }
  return fromJson(new JsonParser(text).parseDocument(), type, [], options);
}

// ---------------------------------------------------------------------------------------------
// Encoding

function toJson(value: Value, type: Type, path: PathStep[]): string {
  if (value === undefined) throw new ValueError(path, "undefined is not a value (use null)");
  if (isUnknown(value)) throw new ValueError(path, "an unknown value cannot be written as JSON");
  if (value === null) return "null";
  if (type.kind === "dynamic") {
    let inner: Type;
    let v: Value;
    if (isDynamicValue(value)) {
      inner = value.type;
      v = value.value;
      if (inner.kind === "dynamic") return toJson(v, inner, path);
    } else {
      inner = inferType(value);
      v = value;
    }
    const body = toJson(v, inner, path);
    return body === "null" ? "null" : `{"value":${body},"type":${typeToJsonString(inner)}}`;
  }
  if (isDynamicValue(value)) {
    if (!typeEquals(value.type, type)) throw mismatch(path, type, value);
    return toJson(value.value, type, path);
  }

  switch (type.kind) {
    case "string":
      if (typeof value !== "string") throw mismatch(path, type, value);
      checkString(value, path);
      return JSON.stringify(value);
    case "number":
      if (typeof value !== "number" && typeof value !== "bigint") throw mismatch(path, type, value);
      if (typeof value === "number" && !Number.isFinite(value)) throw new ValueError(path, `${value} cannot be written as JSON`);
      return numberToDecimalText(value);
    case "bool":
      if (typeof value !== "boolean") throw mismatch(path, type, value);
      return value ? "true" : "false";
    case "list":
    case "set":
    case "tuple": {
      const items = sequenceItems(value, type, path);
      const parts = items.map((item, i) => {
        path.push({ index: i });
        const s = toJson(item, type.kind === "tuple" ? type.elements[i]! : type.element, path);
        path.pop();
        return s;
      });
      return `[${parts.join(",")}]`;
    }
    case "map": {
      if (!isValueObject(value)) throw mismatch(path, type, value);
      const parts = Object.keys(value)
        .sort(compareUtf8)
        .map((key) => {
          path.push({ key });
          checkString(key, path);
          const s = `${JSON.stringify(key)}:${toJson(value[key]!, type.element, path)}`;
          path.pop();
          return s;
        });
      return `{${parts.join(",")}}`;
    }
    case "object": {
      if (!isValueObject(value)) throw mismatch(path, type, value);
      const parts = checkObjectAttributes(value, type, path).map((name) => {
        path.push({ attribute: name });
        const s = `${JSON.stringify(name)}:${toJson(value[name]!, type.attributes[name]!, path)}`;
        path.pop();
        return s;
      });
      return `{${parts.join(",")}}`;
    }
  }
}

/**
 * Encodes a value of the given type as Terraform's JSON (UTF-8 bytes): objects with every
 * attribute (nulls included) sorted by name, numbers in full decimal. Unknown values, NaN and
 * infinities cannot be written and throw `ValueError`, as do values that do not fit the type.
 */
export function encodeJson(value: Value, type: Type): Uint8Array {
  return new TextEncoder().encode(toJson(value, type, []));
}
