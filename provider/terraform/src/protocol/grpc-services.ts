// grpc-js service definitions built from the descriptor, and the
// implementation of tfplugin6.Provider on top of ProviderHandlers.
import type * as grpc from "@grpc/grpc-js";
import { errorToDiagnostic } from "./convert.js";
import { providerRpcs, type ProviderRpc } from "./provider-rpcs.js";
import type { ProviderHandlers } from "./types.js";
import { messageCodec, type WireMessage } from "./wire-codec.js";

/**
 * Requests arrive decoded to plain objects; responses leave as bytes we
 * encoded ourselves, so even a response that fails to encode can still be
 * turned into a diagnostic instead of a bare INTERNAL status.
 */
export type ServerMethod = grpc.MethodDefinition<WireMessage, Buffer>;

export function serverMethod(
  path: string,
  requestType: string,
  streams: { request?: boolean; response?: boolean } = {},
): ServerMethod {
  const request = messageCodec(requestType);
  return {
    path,
    requestStream: streams.request ?? false,
    responseStream: streams.response ?? false,
    requestSerialize: request.encode,
    requestDeserialize: request.decode,
    responseSerialize: (bytes) => bytes,
    responseDeserialize: (bytes) => bytes,
  };
}

export type LogFunction = (message: string) => void;

export function providerService(
  handlers: ProviderHandlers,
  log: LogFunction,
): { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation } {
  const definition: Record<string, ServerMethod> = {};
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const rpc of providerRpcs) {
    definition[rpc.name] = serverMethod(`/tfplugin6.Provider/${rpc.name}`, `tfplugin6.${rpc.name}.Request`);
    const serve = rpc.bind(handlers);
    // Left out of the implementation, grpc-js answers UNIMPLEMENTED itself.
    if (serve) implementation[rpc.name] = unaryHandler(rpc, serve, log);
  }
  return { definition, implementation };
}

function unaryHandler(
  rpc: ProviderRpc,
  serve: (request: WireMessage) => Promise<WireMessage>,
  log: LogFunction,
): grpc.handleUnaryCall<WireMessage, Buffer> {
  const response = messageCodec(`tfplugin6.${rpc.name}.Response`);
  return (call, callback) => {
    serve(call.request)
      .then((wire) => response.encode(wire))
      .catch((error: unknown) => {
        log(`${rpc.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return response.encode(rpc.failure([errorToDiagnostic(error, rpc.name)]));
      })
      .then(
        (bytes) => callback(null, bytes),
        (error: unknown) => callback(error as Error),
      );
  };
}
