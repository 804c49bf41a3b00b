/**
 * Provider docs in the Terraform registry layout, generated from the schema (descriptions,
 * required/optional/computed, sensitive) and the examples under `examples/`:
 * `docs/index.md`, `docs/resources/<name>.md`, `docs/data-sources/<name>.md`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnyFunction } from "../src/framework/function.js";
import type { AnyDataSource, AnyEphemeralResource, AnyResource } from "../src/framework/resource.js";
import type { AttributeDefinition, SchemaDefinition } from "../src/framework/schema.js";
import { callplaneProvider } from "../src/provider.js";
import { typeName } from "../src/values/index.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const examples = join(repoRoot, "examples");

export interface DocFile {
  path: string;
  content: string;
}

const shortName = (typeName: string) => typeName.replace(/^callplane_/, "");

function readExample(...parts: string[]): string | undefined {
  const file = join(examples, ...parts);
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd() : undefined;
}

function attributeLine(name: string, attribute: AttributeDefinition): string {
  const notes = [typeName(attribute.type)];
  if (attribute.sensitive) notes.push("Sensitive");
  if (attribute.writeOnly) notes.push("Write-only");
  if (attribute.deprecated) notes.push("Deprecated");
  let text = `- \`${name}\` (${notes.join(", ")}) ${attribute.description}`;
  if (attribute.deprecated) text += ` **Deprecated:** ${attribute.deprecated}`;
  if (attribute.default !== undefined) text += ` Defaults to \`${JSON.stringify(attribute.default)}\`.`;
  if (attribute.planModifiers?.some((m) => m.kind === "requiresReplace")) text += " Changing it replaces the object.";
  return text;
}

function schemaSection(schema: SchemaDefinition): string {
  const groups: Array<[string, (a: AttributeDefinition) => boolean]> = [
    ["Required", (a) => a.required === true],
    ["Optional", (a) => a.optional === true],
    ["Read-Only", (a) => !a.required && !a.optional],
  ];
  const parts = ["## Schema"];
  for (const [title, belongs] of groups) {
    const lines = Object.entries(schema.attributes).filter(([, a]) => belongs(a)).map(([name, a]) => attributeLine(name, a));
    if (lines.length) parts.push(`### ${title}\n\n${lines.join("\n")}`);
  }
  return parts.join("\n\n");
}

function page(kind: "Resource" | "Data Source" | "Ephemeral Resource", item: AnyResource<unknown> | AnyDataSource<unknown> | AnyEphemeralResource<unknown>, exampleDir: string, exampleFile: string): string {
  const summary = item.schema.description.split(/(?<=\.)\s+(?=[A-Z*`])/)[0]!.replace(/\s+/g, " ");
  const parts = [
    "---",
    `page_title: "${item.typeName} ${kind} - callplane"`,
    `description: |-\n  ${summary}`,
    "---",
    "",
    `# ${item.typeName} (${kind})`,
    "",
    item.schema.description,
  ];
  const example = readExample(exampleDir, item.typeName, exampleFile);
  if (example) parts.push("", "## Example Usage", "", "```terraform", example, "```");
  parts.push("", schemaSection(item.schema));
  const importExample = kind === "Resource" ? readExample(exampleDir, item.typeName, "import.sh") : undefined;
  if (importExample) parts.push("", "## Import", "", "```shell", importExample, "```");
  return `${parts.join("\n")}\n`;
}

function functionPage(fn: AnyFunction): string {
  const signature = [
    ...fn.parameters.map((p) => `${p.name} ${typeName(p.type)}`),
    ...(fn.variadic ? [`${fn.variadic.name}... ${typeName(fn.variadic.type)}`] : []),
  ].join(", ");
  const parameterLines = [...fn.parameters, ...(fn.variadic ? [fn.variadic] : [])]
    .map((p) => `1. \`${p.name}\` (${typeName(p.type)}${p === fn.variadic ? ", variadic" : ""}) ${p.description}`);
  const example = readExample("functions", fn.name, "function.tf");
  return [
    "---",
    `page_title: "${fn.name} function - callplane"`,
    `description: |-\n  ${fn.summary}`,
    "---",
    "",
    `# function: ${fn.name}`,
    "",
    fn.summary,
    "",
    "Provider-defined functions need Terraform 1.8 or later.",
    "",
    ...(example ? ["## Example Usage", "", "```terraform", example, "```", ""] : []),
    "## Signature",
    "",
    "```text",
    `provider::callplane::${fn.name}(${signature}) ${typeName(fn.returns)}`,
    "```",
    "",
    fn.description,
    "",
    "## Arguments",
    "",
    ...parameterLines,
    "",
  ].join("\n");
}

export function generateDocs(): DocFile[] {
  const docs = join(repoRoot, "docs");
  const index = [
    "---",
    'page_title: "Provider: Callplane"',
    "description: |-",
    `  ${callplaneProvider.schema.description}`,
    "---",
    "",
    "# Callplane Provider",
    "",
    callplaneProvider.schema.description,
    "",
    "Requests carry `X-Callplane-Source: terraform`, so the audit log shows which changes came from Terraform.",
    "A read-only token can plan; an apply with it fails with a permission diagnostic.",
    "",
    "## Example Usage",
    "",
    "```terraform",
    readExample("provider", "provider.tf") ?? "",
    "```",
    "",
    // Hand-written: how to install a release (templates/installation.md).
    readFileSync(join(repoRoot, "provider/terraform/templates/installation.md"), "utf8").trimEnd(),
    "",
    schemaSection(callplaneProvider.schema),
    "",
  ].join("\n");
  return [
    { path: join(docs, "index.md"), content: index },
    ...callplaneProvider.resources.map((r) => ({ path: join(docs, "resources", `${shortName(r.typeName)}.md`), content: page("Resource", r, "resources", "resource.tf") })),
    ...callplaneProvider.dataSources.map((d) => ({ path: join(docs, "data-sources", `${shortName(d.typeName)}.md`), content: page("Data Source", d, "data-sources", "data-source.tf") })),
    ...(callplaneProvider.ephemeralResources ?? []).map((e) => ({
      path: join(docs, "ephemeral-resources", `${shortName(e.typeName)}.md`),
      content: page("Ephemeral Resource", e, "ephemeral-resources", "ephemeral-resource.tf"),
    })),
    ...(callplaneProvider.functions ?? []).map((f) => ({ path: join(docs, "functions", `${f.name}.md`), content: functionPage(f) })),
  ];
}
