import { installReflectMetadataShim } from "./reflect-metadata-shim.js";

installReflectMetadataShim();
