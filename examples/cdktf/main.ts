/**
 * The CDKTF quick start: the same settings as examples/quickstart, in TypeScript.
 *
 *   cdktf deploy                                           # the cdktf CLI (see README.md here)
 *   pnpm --filter @callplane/examples run cdktf:synth      # or: synthesize without the CLI
 *
 * Endpoint and token come from CALLPLANE_ENDPOINT and CALLPLANE_TOKEN when Terraform runs.
 */
import { App } from "cdktf";
import { SettingsStack } from "./settings.js";

const app = new App();
new SettingsStack(app, "settings");
app.synth();
