// Written by scripts/write-version.mjs from package.json at build time. Do not edit.
/** The version of @callplane/cli, from its package.json. */
export const CLI_VERSION = "0.1.0";
