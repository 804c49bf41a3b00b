/**
 * Provider docs in the Terraform registry layout, generated from the schema (descriptions,
 * required/optional/computed, sensitive) and the examples under `examples/`:
 * `docs/index.md`, `docs/resources/<name>.md`, `docs/data-sources/<name>.md`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataSourceDefinition, ResourceDefinition } from "../src/framework/resource.js";
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
  let text = `- \`${name}\` (${notes.join(", ")}) ${attribute.description}`;
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

function page(kind: "Resource" | "Data Source", item: ResourceDefinition | DataSourceDefinition, exampleDir: string, exampleFile: string): string {
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
  ];
}
