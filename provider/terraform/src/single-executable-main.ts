/** The entry point of the single executable (see single-executable-start.ts and scripts/single-executable.ts). */
import "./runtime-tuning.js";
import { startSingleExecutable } from "./single-executable-start.js";

startSingleExecutable();
