/** The plugin's entry point: Terraform starts this process and talks to it over gRPC. */
import "./runtime-tuning.js";
import { createProviderHandlers } from "./framework/provider-server.js";
import { servePlugin } from "./protocol/index.js";
import { callplaneProvider } from "./provider.js";

await servePlugin(createProviderHandlers(callplaneProvider));
