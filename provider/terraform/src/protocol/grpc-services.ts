// The implementation of tfplugin6.Provider on top of ProviderHandlers, as
// unary methods of our gRPC server keyed by path.
import { errorToDiagnostic } from "./convert.js";
import type { UnaryMethod } from "./grpc-server.js";
import { GrpcError, grpcStatus } from "./grpc-server.js";
import { providerRpcs, type ProviderRpc } from "./provider-rpcs.js";
import type { ProviderHandlers } from "./types.js";
import { messageCodec, type WireMessage } from "./wire-codec.js";

export type LogFunction = (message: string) => void;

/** Every RPC's codecs, made when the module loads: the single executable's snapshot then holds them. */
const rpcCodecs = new Map(
  providerRpcs.map((rpc) => [
    rpc.name,
    { request: messageCodec(`tfplugin6.${rpc.name}.Request`), response: messageCodec(`tfplugin6.${rpc.name}.Response`) },
  ]),
);

/** Only RPCs with a handler; the server answers UNIMPLEMENTED for the rest. */
export function providerMethods(handlers: ProviderHandlers, log: LogFunction): Map<string, UnaryMethod> {
  const methods = new Map<string, UnaryMethod>();
  for (const rpc of providerRpcs) {
    const serve = rpc.bind(handlers);
    if (serve) methods.set(`/tfplugin6.Provider/${rpc.name}`, unaryMethod(rpc, serve, log));
  }
  return methods;
}

/**
 * Requests arrive decoded to plain objects; a handler that throws, or a
 * response that fails to encode, still answers with a diagnostic instead of
 * a bare error status.
 */
function unaryMethod(rpc: ProviderRpc, serve: (request: WireMessage) => Promise<WireMessage>, log: LogFunction): UnaryMethod {
  const { request, response } = rpcCodecs.get(rpc.name)!;
  return async (bytes) => {
    let decoded: WireMessage;
    try {
      decoded = request.decode(bytes);
    } catch (error) {
      throw new GrpcError(grpcStatus.internal, `Error deserializing request: ${(error as Error).message}`);
    }
    try {
      return response.encode(await serve(decoded));
    } catch (error) {
      log(`${rpc.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return response.encode(rpc.failure([errorToDiagnostic(error, rpc.name)]));
    }
  };
}
