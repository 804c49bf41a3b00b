// The protocol layer's public face: serve a provider, and the plain types its
// handlers speak. Nothing protobuf-shaped is exported.
export { servePlugin, type ServePluginOptions } from "./plugin-server.js";
export type { UnaryMethod } from "./grpc-server.js";
export type * from "./types.js";
