import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stripElf } from "./elf-strip.js";
import { canBuildExecutables } from "./executable-mirror.js";
import { targetPlatform, targetRuntime } from "./node-runtimes.js";

interface SectionSpec {
  name: string;
  type: number;
  flags?: number;
  offset: number;
  content: Buffer;
  link?: number;
  info?: number;
  align?: number;
}

const ALLOC = 0x2;
const EXEC = 0x4;
const INFO_LINK = 0x40;
const LOADED_END = 0x200;

/** A small ELF64 little-endian file: one PT_LOAD over [0, 0x200), the sections given, then their names and headers. */
function elfFile(sections: SectionSpec[]): Buffer {
  const names = Buffer.concat([Buffer.from([0]), ...sections.map((s) => Buffer.from(`${s.name}\0`)), Buffer.from(".shstrtab\0")]);
  const nameOffset = (i: number) => 1 + sections.slice(0, i).reduce((sum, s) => sum + s.name.length + 1, 0);
  const contentEnd = Math.max(LOADED_END, ...sections.map((s) => s.offset + s.content.length));
  const namesAt = contentEnd;
  const tableAt = Math.ceil((namesAt + names.length) / 8) * 8;
  const count = sections.length + 2;
  const file = Buffer.alloc(tableAt + count * 64);
  file.writeUInt32BE(0x7f454c46, 0);
  file[4] = 2;
  file[5] = 1;
  file[6] = 1;
  file.writeUInt16LE(2, 0x10); // ET_EXEC
  file.writeUInt16LE(0x3e, 0x12); // x86-64
  file.writeBigUInt64LE(64n, 0x20);
  file.writeBigUInt64LE(BigInt(tableAt), 0x28);
  file.writeUInt16LE(64, 0x34);
  file.writeUInt16LE(56, 0x36);
  file.writeUInt16LE(1, 0x38);
  file.writeUInt16LE(64, 0x3a);
  file.writeUInt16LE(count, 0x3c);
  file.writeUInt16LE(count - 1, 0x3e);
  file.writeUInt32LE(1, 64); // PT_LOAD
  file.writeBigUInt64LE(BigInt(LOADED_END), 64 + 32);
  file.writeBigUInt64LE(BigInt(LOADED_END), 64 + 40);
  for (let i = 0x80; i < LOADED_END; i++) file[i] = i & 0xff; // loaded bytes to compare
  const header = (index: number, spec: { nameAt: number; type: number; flags: number; offset: number; size: number; link: number; info: number; align: number }) => {
    const at = tableAt + index * 64;
    file.writeUInt32LE(spec.nameAt, at);
    file.writeUInt32LE(spec.type, at + 4);
    file.writeBigUInt64LE(BigInt(spec.flags), at + 8);
    file.writeBigUInt64LE(BigInt(spec.offset), at + 24);
    file.writeBigUInt64LE(BigInt(spec.size), at + 32);
    file.writeUInt32LE(spec.link, at + 40);
    file.writeUInt32LE(spec.info, at + 44);
    file.writeBigUInt64LE(BigInt(spec.align), at + 48);
  };
  sections.forEach((s, i) => {
    s.content.copy(file, s.offset);
    header(i + 1, { nameAt: nameOffset(i), type: s.type, flags: s.flags ?? 0, offset: s.offset, size: s.content.length, link: s.link ?? 0, info: s.info ?? 0, align: s.align ?? 1 });
  });
  names.copy(file, namesAt);
  header(count - 1, { nameAt: nameOffset(sections.length), type: 3, flags: 0, offset: namesAt, size: names.length, link: 0, info: 0, align: 1 });
  return file;
}

/** Each section's name, content, link and info, read the way a loader or `readelf` would. */
function sectionsOf(file: Buffer) {
  const tableAt = Number(file.readBigUInt64LE(0x28));
  const count = file.readUInt16LE(0x3c);
  const header = (i: number) => file.subarray(tableAt + i * 64, tableAt + (i + 1) * 64);
  const names = header(file.readUInt16LE(0x3e));
  const namesAt = Number(names.readBigUInt64LE(24));
  return Array.from({ length: count }, (_, i) => {
    const h = header(i);
    const nameAt = namesAt + h.readUInt32LE(0);
    const offset = Number(h.readBigUInt64LE(24));
    return {
      name: file.toString("latin1", nameAt, file.indexOf(0, nameAt)),
      content: file.subarray(offset, offset + Number(h.readBigUInt64LE(32))).toString("latin1"),
      link: h.readUInt32LE(40),
      info: h.readUInt32LE(44),
    };
  });
}

const text = (s: string) => Buffer.from(s, "latin1");
const example: SectionSpec[] = [
  // Listed first, so that removing it renumbers every section after it.
  { name: ".debug_abbrev", type: 1, offset: 0xb20, content: Buffer.alloc(0x40, 4) },
  { name: ".text", type: 1, flags: ALLOC | EXEC, offset: 0x100, content: text("code".repeat(8)) },
  { name: ".dynsym", type: 11, flags: ALLOC, offset: 0x120, content: text("d".repeat(24)), link: 4 },
  { name: ".dynstr", type: 3, flags: ALLOC, offset: 0x140, content: text("dynamic names\0") },
  { name: ".rela.plt", type: 4, flags: ALLOC | INFO_LINK, offset: 0x160, content: text("r".repeat(24)), link: 3, info: 2 },
  { name: ".comment", type: 1, offset: 0x200, content: text("compiler 1.0\0") },
  { name: ".debug_info", type: 1, offset: 0x210, content: Buffer.alloc(0x400, 1) },
  { name: ".symtab", type: 2, offset: 0x610, content: Buffer.alloc(0x300, 2), link: 9 },
  { name: ".strtab", type: 3, offset: 0x910, content: Buffer.alloc(0x200, 3) },
  { name: ".note.extra", type: 7, offset: 0xb10, content: text("note"), align: 4 },
];

describe("stripElf", () => {
  const original = elfFile(example);
  const stripped = stripElf(original);

  it("removes the symbol table, its strings and the debug sections, and keeps every other section's content", () => {
    const before = sectionsOf(original);
    const after = sectionsOf(stripped);
    expect(after.map((s) => s.name)).toEqual(["", ".text", ".dynsym", ".dynstr", ".rela.plt", ".comment", ".note.extra", ".shstrtab"]);
    for (const section of after) expect(section.content).toBe(before.find((s) => s.name === section.name)!.content);
    expect(stripped.length).toBeLessThan(original.length - 0x900);
  });

  it("leaves every byte a program header maps unchanged", () => {
    // Only the ELF header's fields naming the section table change.
    const unchangedHeader = (file: Buffer) => Buffer.concat([file.subarray(0, 0x28), file.subarray(0x30, 0x3c), file.subarray(0x40, LOADED_END)]);
    expect(unchangedHeader(stripped).equals(unchangedHeader(original))).toBe(true);
  });

  it("renumbers the links between sections that move", () => {
    const after = sectionsOf(stripped);
    const index = (name: string) => after.findIndex((s) => s.name === name);
    expect(after[index(".dynsym")]!.link).toBe(index(".dynstr"));
    expect(after[index(".rela.plt")]).toMatchObject({ link: index(".dynsym"), info: index(".text") });
  });

  it("gives the same bytes when run again", () => {
    expect(stripElf(stripped).equals(stripped)).toBe(true);
  });

  it("refuses what it cannot strip safely, saying why", () => {
    expect(() => stripElf(Buffer.from("#!/bin/sh\necho not elf\n".padEnd(80)))).toThrow("not an ELF file");
    const thirtyTwoBit = Buffer.from(original);
    thirtyTwoBit[4] = 1;
    expect(() => stripElf(thirtyTwoBit)).toThrow("only 64-bit little-endian ELF files are supported");
    const insideImage = elfFile([{ name: ".debug_line", type: 1, offset: 0x180, content: Buffer.alloc(16) }]);
    expect(() => stripElf(insideImage)).toThrow("section .debug_line lies inside the loaded image; not stripping");
    const linked = elfFile([{ name: ".keeper", type: 1, offset: 0x200, content: Buffer.alloc(8), link: 2 }, { name: ".symtab", type: 2, offset: 0x210, content: Buffer.alloc(24) }]);
    expect(() => stripElf(linked)).toThrow("section .keeper refers (sh_link) to .symtab, which would be removed");
  });
});

describe.runIf(canBuildExecutables())("stripElf on the Node runtime a release ships", () => {
  const dir = mkdtempSync(join(tmpdir(), "callplane-strip-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives a runtime that runs, over 10 MB smaller", () => {
    const runtime = targetRuntime(targetPlatform("linux_amd64"));
    const stripped = join(dir, "node");
    writeFileSync(stripped, stripElf(readFileSync(runtime)));
    chmodSync(stripped, 0o755);
    expect(statSync(runtime).size - statSync(stripped).size).toBeGreaterThan(10 * 1024 * 1024);
    const script = "process.version + ' ' + new Intl.NumberFormat('de-DE').format(1234.5) + ' ' + require('node:crypto').createHash('sha256').update('x').digest('hex').slice(0, 8)";
    const expected = spawnSync(runtime, ["-p", script], { encoding: "utf8" });
    const ran = spawnSync(stripped, ["-p", script], { encoding: "utf8" });
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe(expected.stdout);
    expect(ran.stdout).toMatch(/^v24\.\d+\.\d+ 1\.234,5 2d711642\n$/);
  });
});
