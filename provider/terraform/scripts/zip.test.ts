import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { zipOneFile } from "./zip.js";

const dir = mkdtempSync(join(tmpdir(), "callplane-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zipOneFile", () => {
  const source = join(dir, "input");
  writeFileSync(source, Buffer.concat([Buffer.from("#!/bin/sh\necho hello\n"), Buffer.alloc(100_000, 7)]));

  it("makes a zip that unzip lists with exactly the one file, unpacks byte for byte and leaves executable", async () => {
    const zip = join(dir, "one.zip");
    await zipOneFile(source, "terraform-provider-callplane_v1.2.3", zip);
    const listed = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split("\n")).toEqual(["terraform-provider-callplane_v1.2.3"]);
    expect(spawnSync("unzip", ["-tq", zip], { encoding: "utf8" }).status).toBe(0);
    const out = join(dir, "out");
    expect(spawnSync("unzip", ["-q", zip, "-d", out]).status).toBe(0);
    const unpacked = join(out, "terraform-provider-callplane_v1.2.3");
    expect(readFileSync(unpacked).equals(readFileSync(source))).toBe(true);
    expect(statSync(unpacked).mode & 0o777).toBe(0o755);
  });

  it("gives the same bytes for the same input (so SHA256SUMS are reproducible)", async () => {
    await zipOneFile(source, "x", join(dir, "a.zip"));
    await zipOneFile(source, "x", join(dir, "b.zip"));
    expect(readFileSync(join(dir, "a.zip")).equals(readFileSync(join(dir, "b.zip")))).toBe(true);
  });
});
