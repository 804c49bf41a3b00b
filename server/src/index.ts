export { startServer, DEFAULTS } from "./app.js";
export type { RunningServer, ServerOptions } from "./app.js";
export type { Clock } from "./clock.js";
export type { ConsoleOptions } from "./http/static.js";
export { BOOTSTRAP_ADMIN_EMAIL } from "./bootstrap.js";
export type { BootstrapResult } from "./bootstrap.js";
export { DEFAULT_TIMEOUTS } from "./http/server.js";
export type { Timeouts } from "./http/server.js";
export { verifyPassword } from "./auth/secrets.js";
