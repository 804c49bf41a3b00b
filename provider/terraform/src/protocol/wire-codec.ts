// Encodes and decodes protobuf messages by their full name
// ("tfplugin6.PlanResourceChange.Request"), using the precompiled descriptor.
// Decoded messages come back as plain snake_case objects: int64 as number,
// enums as their names, bytes as Buffer, unset fields absent.
import { protocolDescriptor } from "./descriptor.generated.js";
import { loadProtobufLight, type ProtobufRoot, type ProtobufType } from "./runtime-modules.js";

export type WireMessage = Record<string, unknown>;

export interface MessageCodec {
  decode(bytes: Uint8Array): WireMessage;
  encode(message: WireMessage): Buffer;
}

let root: ProtobufRoot | undefined;
const codecs = new Map<string, MessageCodec>();

export function messageCodec(fullName: string): MessageCodec {
  let codec = codecs.get(fullName);
  if (!codec) {
    root ??= loadProtobufLight().Root.fromJSON(protocolDescriptor);
    codec = makeCodec(root.lookupType(fullName));
    codecs.set(fullName, codec);
  }
  return codec;
}

function makeCodec(type: ProtobufType): MessageCodec {
  return {
    decode: (bytes) =>
      type.toObject(type.decode(bytes), {
        longs: Number,
        enums: String,
        arrays: true,
        objects: true,
        oneofs: true,
      }),
    encode: (message) => {
      const encoded = type.encode(type.fromObject(message)).finish();
      return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    },
  };
}
