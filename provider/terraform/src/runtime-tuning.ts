/**
 * V8 settings for a process that lives for one Terraform command, imported first by main.ts.
 * Set at run time rather than on the launcher's command line, where V8 flags cost about 15 ms
 * per launch. Measured on a 200-resource plan: peak RSS 70 → 59 MB at about the same plan time.
 *  - no TurboFan and no Maglev (Node 22+'s mid-tier compiler; off by default in Node 20): a
 *    plugin process rarely runs long enough to profit from them, and their compiler memory shows
 *    up in the peak RSS (Maglev alone: the single executable's 88-91 → 73 MB on a 200-resource plan);
 *  - a young generation that keeps its initial size.
 * Not `--optimize-for-size` any more: on Node 24 it cost the plan's third process ~20 ms of CPU
 * (189 → 167 ms without it) for under a megabyte of memory (bench/README.md, session 6).
 * The single executable starts from a snapshot taken at build time, where these calls ran in
 * the building process: its entry calls `applyRuntimeTuning` again when the snapshot is restored.
 */
import { setFlagsFromString } from "node:v8";

export function applyRuntimeTuning(): void {
  setFlagsFromString("--no-opt");
  setFlagsFromString("--no-maglev");
  setFlagsFromString("--semi-space-growth-factor=1");
}

applyRuntimeTuning();
