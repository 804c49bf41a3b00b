/**
 * Removes the symbol table and the debug sections from an ELF64 little-endian executable, as
 * binutils' `strip` does, so that a release needs nothing outside the npm registry to make.
 *
 * Why it matters: Node's official Linux runtimes carry ~18 MB of symbols and debug data, and
 * Terraform hashes the whole provider package (SHA-256 of every byte) before every command that
 * loads providers: ~0.7 ms per MB here, and each workspace's `.terraform` holds a copy.
 *
 * What a program header maps stays byte for byte; the sections kept that are not loaded
 * (`.comment`, notes, the section names) move up behind it, and the section header table is
 * written after them.
 */

const SHT_SYMTAB = 2;
const SHT_NOBITS = 8;
const SHF_ALLOC = 0x2;
const SHF_INFO_LINK = 0x40;
const HEADER_BYTES = 64;

interface Section {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  /** The 64 bytes of its header, to copy with the fields that change rewritten. */
  header: Buffer;
}

/** Returns the stripped executable; throws, naming the reason, for anything it cannot strip safely. */
export function stripElf(input: Buffer): Buffer {
  if (input.length < HEADER_BYTES || input.readUInt32BE(0) !== 0x7f454c46) throw new Error("not an ELF file");
  if (input[4] !== 2 || input[5] !== 1) throw new Error("only 64-bit little-endian ELF files are supported");
  const phoff = Number(input.readBigUInt64LE(0x20));
  const shoff = Number(input.readBigUInt64LE(0x28));
  const phentsize = input.readUInt16LE(0x36);
  const phnum = input.readUInt16LE(0x38);
  const shentsize = input.readUInt16LE(0x3a);
  const shnum = input.readUInt16LE(0x3c);
  const shstrndx = input.readUInt16LE(0x3e);
  if (shentsize !== 64 || shnum === 0 || shstrndx >= shnum) throw new Error("the ELF file has no usable section header table");

  // Everything the loader maps (and the headers themselves) must not move.
  let loadedEnd = Math.max(HEADER_BYTES, phoff + phentsize * phnum);
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    loadedEnd = Math.max(loadedEnd, Number(input.readBigUInt64LE(at + 8)) + Number(input.readBigUInt64LE(at + 32)));
  }

  const sections = readSections(input, shoff, shnum, shstrndx);
  const symbolTables = new Set(sections.filter((s) => s.type === SHT_SYMTAB).map((s) => s.index));
  const stringTablesOfSymbols = new Set(sections.filter((s) => symbolTables.has(s.index)).map((s) => s.link));
  const dropped = (s: Section) =>
    s.index !== 0 &&
    s.index !== shstrndx &&
    (s.flags & BigInt(SHF_ALLOC)) === 0n &&
    (symbolTables.has(s.index) || stringTablesOfSymbols.has(s.index) || s.name.startsWith(".debug") || s.name.startsWith(".zdebug"));

  const kept = sections.filter((s) => !dropped(s));
  for (const section of sections.filter(dropped)) {
    if (section.offset < loadedEnd) throw new Error(`section ${section.name} lies inside the loaded image; not stripping`);
  }
  const newIndex = new Map(kept.map((s, i) => [s.index, i]));
  const remap = (index: number, what: string, owner: Section) => {
    const mapped = newIndex.get(index);
    if (mapped === undefined) throw new Error(`section ${owner.name} refers (${what}) to ${sections[index]!.name}, which would be removed`);
    return mapped;
  };

  const pieces: Buffer[] = [input.subarray(0, loadedEnd)];
  let end = loadedEnd;
  const newOffsets = new Map<number, number>();
  for (const section of kept) {
    if (section.index === 0 || section.offset < loadedEnd || section.type === SHT_NOBITS) continue;
    const aligned = alignUp(end, section.align);
    pieces.push(Buffer.alloc(aligned - end), input.subarray(section.offset, section.offset + section.size));
    newOffsets.set(section.index, aligned);
    end = aligned + section.size;
  }
  const tableOffset = alignUp(end, 8);
  pieces.push(Buffer.alloc(tableOffset - end));
  for (const section of kept) {
    const header = Buffer.from(section.header);
    const offset = newOffsets.get(section.index);
    if (offset !== undefined) header.writeBigUInt64LE(BigInt(offset), 24);
    if (section.link !== 0) header.writeUInt32LE(remap(section.link, "sh_link", section), 40);
    if ((section.flags & BigInt(SHF_INFO_LINK)) !== 0n && section.info !== 0) header.writeUInt32LE(remap(section.info, "sh_info", section), 44);
    pieces.push(header);
  }

  const output = Buffer.concat(pieces);
  output.writeBigUInt64LE(BigInt(tableOffset), 0x28);
  output.writeUInt16LE(kept.length, 0x3c);
  output.writeUInt16LE(newIndex.get(shstrndx)!, 0x3e);
  return output;
}

function readSections(input: Buffer, shoff: number, shnum: number, shstrndx: number): Section[] {
  if (shoff + shnum * 64 > input.length) throw new Error("the section header table runs past the end of the file");
  const raw = Array.from({ length: shnum }, (_, index) => input.subarray(shoff + index * 64, shoff + (index + 1) * 64));
  const names = raw[shstrndx]!;
  const namesAt = Number(names.readBigUInt64LE(24));
  const namesEnd = namesAt + Number(names.readBigUInt64LE(32));
  return raw.map((header, index) => {
    const nameAt = namesAt + header.readUInt32LE(0);
    const nameEnd = input.indexOf(0, nameAt);
    return {
      index,
      name: nameEnd >= 0 && nameEnd < namesEnd ? input.toString("latin1", nameAt, nameEnd) : "",
      type: header.readUInt32LE(4),
      flags: header.readBigUInt64LE(8),
      offset: Number(header.readBigUInt64LE(24)),
      size: Number(header.readBigUInt64LE(32)),
      link: header.readUInt32LE(40),
      info: header.readUInt32LE(44),
      align: Number(header.readBigUInt64LE(48)),
      header,
    };
  });
}

const alignUp = (value: number, align: number) => (align > 1 ? Math.ceil(value / align) * align : value);
