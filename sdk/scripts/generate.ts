/** Regenerates `src/generated/` from the spec: `pnpm generate`. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { generatedFiles } from "./generated-files.js";

for (const file of await generatedFiles()) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.content);
  console.log(`wrote ${relative(process.cwd(), file.path)}`);
}
