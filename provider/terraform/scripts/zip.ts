/**
 * A zip archive holding one executable, as Terraform's provider releases are: deflated, with
 * Unix mode 0755 so that Terraform's unpacking leaves it executable, and a fixed timestamp so
 * the same executable always gives the same zip (and SHA256SUMS line). Written here rather than
 * by the `zip` program, which a fresh machine may lack; files stay far below zip64's 4 GiB.
 */
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";

const deflate = promisify(deflateRaw);

/** MS-DOS date and time of 1980-01-01 00:00, the earliest a zip can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UNIX_EXECUTABLE = 0o100755;
const MADE_BY_UNIX = 3 << 8;
const VERSION = 20;
const DEFLATE = 8;
const UTF8_NAMES = 1 << 11;

export async function zipOneFile(source: string, nameInZip: string, zipFile: string): Promise<void> {
  const data = await readFile(source);
  const compressed = await deflate(data, { level: 6 });
  const name = Buffer.from(nameInZip, "utf8");
  const checksum = crc32(data);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(VERSION, 4);
  local.writeUInt16LE(UTF8_NAMES, 6);
  local.writeUInt16LE(DEFLATE, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(checksum, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(MADE_BY_UNIX | VERSION, 4);
  central.writeUInt16LE(VERSION, 6);
  central.writeUInt16LE(UTF8_NAMES, 8);
  central.writeUInt16LE(DEFLATE, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(checksum, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  // extra field, comment, disk number, internal attributes: 0
  central.writeUInt32LE((UNIX_EXECUTABLE << 16) >>> 0, 38);
  central.writeUInt32LE(0, 42); // the local header's offset

  const centralOffset = local.length + name.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);

  await writeFile(zipFile, Buffer.concat([local, name, compressed, central, name, end]));
}
