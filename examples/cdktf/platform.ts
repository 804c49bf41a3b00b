/**
 * The platform app: `PlatformStack` (a tenant, an API token, a member created with a password).
 *
 *   npx cdktf-cli@0.21 deploy platform --app "npx tsx platform.ts && node lock-providers.mjs"
 */
import { App } from "cdktf";
import { PlatformStack } from "./platform-stack.js";

const app = new App();
new PlatformStack(app, "platform");
app.synth();
