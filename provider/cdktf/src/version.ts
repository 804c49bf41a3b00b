// Written by scripts/write-version.mjs from package.json at build time. Do not edit.
/** The version of @callplane/cdktf, from its package.json. */
export const CDKTF_VERSION = "0.1.0";
/** The version of @callplane/terraform-provider, from its package.json. */
export const PROVIDER_VERSION = "0.1.0";
