/**
 * A subject from Terraform JSON configuration — what `cdktf synth` writes to `cdk.tf.json`, or
 * what a stack's `toTerraform()` returns. There is no plan, so every resource counts as created
 * and only the declared settings are checked. Each resource is named by its construct path
 * (from CDKTF's `//` metadata) when it has one, by its Terraform address otherwise.
 */
import type { BudgetEnvironment, PolicySubject, SubjectResource, Values } from "./subject.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);
/** `${callplane_environment.production.id}` and other interpolations are not known at synth. */
const isToken = (v: unknown) => typeof v === "string" && v.includes("${");

function known(value: unknown): unknown {
  if (isToken(value)) return undefined;
  if (Array.isArray(value)) return value.map(known);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).filter(([k, v]) => k !== "//" && !isToken(v)).map(([k, v]) => [k, known(v)]));
  return value;
}

export interface ConfiguredResource {
  /** `callplane_environment.production_5A1B2C3D` */
  terraformAddress: string;
  /** `settings/production/environment`, when synthesized by CDKTF. */
  constructPath?: string;
  type: string;
  values: Json;
}

/** Every resource of a Terraform JSON configuration, with its construct path when CDKTF made it. */
export function configuredResources(config: unknown): ConfiguredResource[] {
  const resource = isObject(config) && isObject(config.resource) ? config.resource : {};
  return Object.entries(resource).flatMap(([type, byName]) =>
    Object.entries(isObject(byName) ? byName : {}).map(([name, values]) => {
      const body = isObject(values) ? values : {};
      const meta = isObject(body["//"]) && isObject(body["//"].metadata) ? body["//"].metadata : {};
      return { terraformAddress: `${type}.${name}`, ...(typeof meta.path === "string" ? { constructPath: meta.path } : {}), type, values: body };
    }),
  );
}

export interface ConfigurationOptions {
  /** The plan limit the stack expects (a CDKTF `ConcurrencySplit`'s `planLimit`); budget rules need it. */
  planLimit?: number;
}

export function subjectFromConfiguration(config: unknown, options: ConfigurationOptions = {}): PolicySubject {
  const configured = configuredResources(config).filter((r) => r.type.startsWith("callplane_"));
  const nameOf = (r: ConfiguredResource) => r.constructPath ?? r.terraformAddress;
  const resources: SubjectResource[] = configured.map((r) => ({ address: nameOf(r), type: r.type, action: "create", before: null, after: known(r.values) as Values }));

  const environmentsByAddress = new Map(configured.filter((r) => r.type === "callplane_environment").map((r) => [r.terraformAddress, r]));
  const envName = (r: ConfiguredResource) => (typeof r.values.name === "string" ? r.values.name : nameOf(r));
  const budgetRows: BudgetEnvironment[] = [];
  let splitAddress: string | undefined;
  for (const split of configured.filter((r) => r.type === "callplane_concurrency_split")) {
    splitAddress = nameOf(split);
    for (const allocation of Array.isArray(split.values.allocations) ? split.values.allocations : []) {
      if (!isObject(allocation)) continue;
      const ref = /^\$\{(callplane_environment\.[^.}]+)\.id\}$/.exec(String(allocation.environment_id));
      const env = ref ? environmentsByAddress.get(ref[1]!) : undefined;
      const calls = typeof allocation.max_concurrent_calls === "number" ? allocation.max_concurrent_calls : null;
      budgetRows.push({ name: env ? envName(env) : String(allocation.environment_id), address: splitAddress, before: null, after: calls });
    }
  }
  for (const env of environmentsByAddress.values()) {
    if (typeof env.values.max_concurrent_calls === "number") budgetRows.push({ name: envName(env), address: nameOf(env), before: null, after: env.values.max_concurrent_calls });
  }
  const budget = budgetRows.length
    ? {
        planLimit: options.planLimit ?? null,
        ...(splitAddress ? { address: splitAddress } : {}),
        environments: budgetRows,
        allocatedAfter: budgetRows.some((r) => r.after === null) ? null : budgetRows.reduce((sum, r) => sum + (r.after ?? 0), 0),
      }
    : undefined;
  return { source: "configuration", resources, ...(budget ? { budget } : {}) };
}
