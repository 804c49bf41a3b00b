// protobufjs is not on the launch path: the plugin encodes with its own codec
// (wire-codec.ts). Only the descriptor generator parses .proto text, and the
// tests compare our codec with protobufjs'.
import { createRequire } from "node:module";

export interface ConversionOptions {
  longs?: NumberConstructor;
  enums?: StringConstructor;
  defaults?: boolean;
  arrays?: boolean;
  objects?: boolean;
  oneofs?: boolean;
}

/** The few parts of protobufjs' Type we use. */
export interface ProtobufType {
  decode(bytes: Uint8Array): object;
  encode(message: object): { finish(): Uint8Array };
  fromObject(plain: object): object;
  toObject(message: object, options?: ConversionOptions): Record<string, unknown>;
}

export interface ProtobufRoot {
  lookupType(name: string): ProtobufType;
  toJSON(): unknown;
}

export interface ProtobufFull {
  Root: (new () => ProtobufRoot & {
    loadSync(files: string[], options: { keepCase: boolean }): ProtobufRoot;
  }) & { fromJSON(json: unknown): ProtobufRoot };
}

/** With the .proto parser; loaded on demand so nothing else pays for it. */
export function loadProtobufFull(): ProtobufFull {
  return createRequire(import.meta.url)("protobufjs") as ProtobufFull;
}
