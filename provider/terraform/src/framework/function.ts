/**
 * Provider-defined functions (Terraform 1.8+): `provider::<name>::<function>(...)`. A function
 * declares its parameters' types; `call` reads its arguments as their models (see model.ts) and
 * returns a value of its return type. Terraform calls a function only with known, non-null
 * arguments (the parameters allow neither), so `call` never sees an unknown.
 */
import type { ProtocolFunction } from "../protocol/index.js";
import { typeToJson, type Type } from "../values/index.js";
import type { ValueOf } from "./model.js";

export interface ParameterDefinition<T extends Type = Type> {
  name: string;
  type: T;
  description: string;
}

type ArgumentsOf<P extends readonly ParameterDefinition[]> = { [I in keyof P]: ValueOf<P[I]["type"]> };

export interface FunctionDefinition<P extends readonly ParameterDefinition[] = readonly ParameterDefinition[], V extends ParameterDefinition | undefined = ParameterDefinition | undefined, R extends Type = Type> {
  name: string;
  summary: string;
  /** Markdown; the docs page is made from it. */
  description: string;
  parameters: P;
  /** A last parameter taking zero or more arguments. */
  variadic?: V;
  returns: R;
  /** Throws an `ArgumentError` for bad input; its message names the argument. */
  call(args: ArgumentsOf<P>, rest: V extends ParameterDefinition ? Array<ValueOf<V["type"]>> : []): ValueOf<R>;
}

/** A function of any signature, as the provider lists them. */
export type AnyFunction = FunctionDefinition<readonly ParameterDefinition[], ParameterDefinition | undefined, Type>;

/** Bad input to a function: Terraform shows the message on the argument at `argument` (0-based). */
export class ArgumentError extends Error {
  constructor(
    readonly argument: number,
    message: string,
  ) {
    super(message);
    this.name = "ArgumentError";
  }
}

/** Checks a function's `call` against its parameters' models. */
export function defineFunction<const P extends readonly ParameterDefinition[], const V extends ParameterDefinition | undefined, const R extends Type>(
  fn: FunctionDefinition<P, V, R>,
): AnyFunction {
  return fn as unknown as AnyFunction;
}

export function toProtocolFunction(fn: AnyFunction): ProtocolFunction {
  const parameter = (p: ParameterDefinition) => ({
    name: p.name,
    type: typeToJson(p.type),
    description: p.description,
    descriptionKind: "markdown" as const,
  });
  return {
    parameters: fn.parameters.map(parameter),
    ...(fn.variadic ? { variadicParameter: parameter(fn.variadic) } : {}),
    returnType: typeToJson(fn.returns),
    summary: fn.summary,
    description: fn.description,
    descriptionKind: "markdown",
  };
}

/** The parameter an argument at `index` belongs to (the variadic one past the fixed ones). */
export function parameterAt(fn: AnyFunction, index: number): ParameterDefinition | undefined {
  return index < fn.parameters.length ? fn.parameters[index] : fn.variadic;
}

