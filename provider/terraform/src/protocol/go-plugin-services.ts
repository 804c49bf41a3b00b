// The services Terraform's plugin client (go-plugin) expects next to the
// provider: a controller to end the process, and stdio/broker streams that
// we accept but never use. Keeping those streams open (instead of answering
// UNIMPLEMENTED) spares a warning in Terraform's log.
import type * as grpc from "@grpc/grpc-js";
import { serverMethod } from "./grpc-services.js";
import { messageCodec } from "./wire-codec.js";

export interface GoPluginServices {
  services: { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation }[];
  /** Ends the idle streams so the server can close without waiting on them. */
  endStreams(): void;
}

export function goPluginServices(onShutdownRequested: () => void): GoPluginServices {
  const empty = messageCodec("plugin.Empty").encode({});
  const openStreams = new Set<{ end(): void }>();
  const track = (stream: { end(): void; on(event: "cancelled", listener: () => void): unknown }) => {
    openStreams.add(stream);
    stream.on("cancelled", () => openStreams.delete(stream));
  };

  const controller: grpc.handleUnaryCall<unknown, Buffer> = (_call, callback) => {
    callback(null, empty);
    // Let the answer go out before the server starts closing.
    setImmediate(onShutdownRequested);
  };
  const stdio: grpc.handleServerStreamingCall<unknown, Buffer> = (call) => track(call);
  const broker: grpc.handleBidiStreamingCall<unknown, Buffer> = (call) => {
    track(call);
    call.on("data", () => undefined);
    call.on("end", () => call.end());
  };

  return {
    services: [
      {
        definition: { Shutdown: serverMethod("/plugin.GRPCController/Shutdown", "plugin.Empty") },
        implementation: { Shutdown: controller },
      },
      {
        definition: {
          StreamStdio: serverMethod("/plugin.GRPCStdio/StreamStdio", "plugin.Empty", { response: true }),
        },
        implementation: { StreamStdio: stdio },
      },
      {
        definition: {
          StartStream: serverMethod("/plugin.GRPCBroker/StartStream", "plugin.ConnInfo", {
            request: true,
            response: true,
          }),
        },
        implementation: { StartStream: broker },
      },
    ],
    endStreams() {
      for (const stream of openStreams) stream.end();
      openStreams.clear();
    },
  };
}
