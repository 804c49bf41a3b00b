// @peculiar/x509 needs Reflect's metadata functions while it loads: the shim module is
// imported (and so evaluated) first.
import "./reflect-metadata-shim-installed.js";
export * as x509 from "@peculiar/x509";
