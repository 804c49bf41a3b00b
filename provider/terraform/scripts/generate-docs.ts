/** Writes the provider docs: `pnpm --filter @callplane/terraform-provider run docs`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { generateDocs, repoRoot } from "./docs.js";

for (const file of generateDocs()) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.content);
  console.log(`wrote ${relative(repoRoot, file.path)}`);
}
