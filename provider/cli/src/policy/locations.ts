/**
 * Where each resource of a plan is written: the HCL block in the configuration's `.tf` files
 * (local modules included), or, for a stack synthesized by CDKTF, its construct path and its
 * place in `cdk.tf.json`. Files are named relative to the repository root (the nearest folder
 * with `.git`), as GitHub code scanning expects.
 */
import { configuredResources, type SourceLocation } from "@callplane/policy";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { configAddress } from "../terraform/config.js";
import type { ConfigModule, PlanJson } from "../terraform/plan-json.js";
import { resourceBlocks } from "./hcl-blocks.js";

export function repositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** A locator for the plan's addresses, reading the configuration in `dir`. */
export function locateResources(plan: PlanJson, dir: string, base: string): (address: string) => SourceLocation | undefined {
  const found = new Map<string, SourceLocation>();
  const name = (file: string) => relative(base, file).split(sep).join("/");

  const scan = (folder: string, prefix: string, module: ConfigModule | undefined) => {
    let files: string[] = [];
    try {
      files = readdirSync(folder).filter((f) => f.endsWith(".tf")).sort();
    } catch {
      return;
    }
    for (const file of files) {
      const path = join(folder, file);
      for (const block of resourceBlocks(readFileSync(path, "utf8"))) {
        found.set(`${prefix}${block.type}.${block.name}`, { file: name(path), startLine: block.startLine, endLine: block.endLine });
      }
    }
    for (const [call, { source, module: child }] of Object.entries(module?.module_calls ?? {})) {
      if (source && /^\.\.?\//.test(source)) scan(join(folder, source), `${prefix}module.${call}.`, child);
    }
  };
  scan(dir, "", plan.configuration?.root_module);

  const synthesized = join(dir, "cdk.tf.json");
  if (existsSync(synthesized)) {
    const text = readFileSync(synthesized, "utf8");
    const lines = text.split("\n");
    for (const r of configuredResources(JSON.parse(text))) {
      const key = JSON.stringify(r.terraformAddress.slice(r.type.length + 1));
      const index = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
      found.set(r.terraformAddress, { file: name(synthesized), ...(index >= 0 ? { startLine: index + 1 } : {}), ...(r.constructPath ? { constructPath: r.constructPath } : {}) });
    }
  }
  // A resource the change removes has no block left: name the module's first file, so code
  // scanning still shows the finding on the pull request (the address goes with it).
  const firstFile = (address: string) => {
    const modules = [...configAddress(address).matchAll(/module\.([^.]+)\./g)].map((m) => m[1]!);
    let folder = dir;
    let module = plan.configuration?.root_module;
    for (const call of modules) {
      const source = module?.module_calls?.[call]?.source;
      if (!source || !/^\.\.?\//.test(source)) return undefined;
      folder = join(folder, source);
      module = module?.module_calls?.[call]?.module;
    }
    try {
      const tf = readdirSync(folder).filter((f) => f.endsWith(".tf")).sort();
      const main = tf.includes("main.tf") ? "main.tf" : tf[0];
      return main ? { file: name(join(folder, main)) } : undefined;
    } catch {
      return undefined;
    }
  };
  return (address) => found.get(configAddress(address)) ?? firstFile(address);
}
