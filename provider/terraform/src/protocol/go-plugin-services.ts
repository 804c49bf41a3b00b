// The services Terraform's plugin client (go-plugin) expects next to the
// provider: a controller to end the process, and stdio/broker streams that
// we accept but never use. Keeping those streams open (instead of answering
// UNIMPLEMENTED) spares a warning in Terraform's log.
import type { GrpcMethods } from "./grpc-server.js";
import { messageCodec } from "./wire-codec.js";

export function goPluginMethods(onShutdownRequested: () => void): GrpcMethods {
  const empty = messageCodec("plugin.Empty").encode({});
  return {
    unary: new Map([
      [
        "/plugin.GRPCController/Shutdown",
        async () => {
          // The answer is on its way by then; closing lets it finish first.
          setImmediate(onShutdownRequested);
          return empty;
        },
      ],
    ]),
    streams: new Map([
      ["/plugin.GRPCStdio/StreamStdio", () => undefined],
      ["/plugin.GRPCBroker/StartStream", () => undefined],
    ]),
  };
}
