export { startServer, DEFAULTS } from "./app.js";
export type { RunningServer, ServerOptions } from "./app.js";
export { BOOTSTRAP_ADMIN_EMAIL } from "./bootstrap.js";
export type { BootstrapResult } from "./bootstrap.js";
