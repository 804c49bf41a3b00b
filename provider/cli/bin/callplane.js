#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { runCli } from "../dist/cli.js";

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  readStdin: () => readFileSync(0, "utf8"),
});
process.exitCode = code;
