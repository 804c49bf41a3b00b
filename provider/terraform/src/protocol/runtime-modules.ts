// The CommonJS packages on the launch path, imported statically so the bundler can put them
// into the one-file provider (the shipped form, which launches faster than node_modules).
//
// Only the descriptor generator needs protobufjs' .proto parser; it loads it lazily.
import * as grpc from "@grpc/grpc-js";
import { createRequire } from "node:module";
import protobufLight from "protobufjs/light.js";

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

export interface ProtobufLight {
  Root: { fromJSON(json: unknown): ProtobufRoot };
}

export interface ProtobufFull {
  Root: new () => ProtobufRoot & {
    loadSync(files: string[], options: { keepCase: boolean }): ProtobufRoot;
  };
}

export function loadGrpc(): typeof import("@grpc/grpc-js") {
  return grpc;
}

export function loadProtobufLight(): ProtobufLight {
  return protobufLight as unknown as ProtobufLight;
}

/** With the .proto parser; only the descriptor generator needs it. */
export function loadProtobufFull(): ProtobufFull {
  return createRequire(import.meta.url)("protobufjs") as ProtobufFull;
}
