/**
 * How the single executable starts (see scripts/single-executable.ts). Where it carries a startup
 * snapshot, its entry module runs once at build time: every module is loaded and evaluated then,
 * and each launch starts from the restored heap and only serves. Without a snapshot it runs like
 * main.ts.
 */
import { startupSnapshot } from "node:v8";
import { createProviderHandlers } from "./framework/provider-server.js";
import { servePlugin, type ServePluginOptions } from "./protocol/index.js";
import { callplaneProvider } from "./provider.js";
import { applyRuntimeTuning } from "./runtime-tuning.js";

/** `options` is read at each launch, never at build time: the environment is the launch's. */
export function startSingleExecutable(options: () => ServePluginOptions = () => ({})): void {
  // Made once here (it reads no environment), so the snapshot holds the provider's handlers too.
  const handlers = createProviderHandlers(callplaneProvider);
  const serve = () => {
    servePlugin(handlers, options()).catch((error: unknown) => {
      process.stderr.write(`[callplane-provider] ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
  };
  if (startupSnapshot.isBuildingSnapshot()) {
    // Listening on a socket loads node:cluster (and with it node:child_process), ~2 ms of each
    // launch; loaded now, the snapshot holds them.
    process.getBuiltinModule("node:cluster");
    startupSnapshot.setDeserializeMainFunction(() => {
      applyRuntimeTuning(); // V8 flags do not survive the snapshot
      serve();
    });
  } else {
    serve();
  }
}
