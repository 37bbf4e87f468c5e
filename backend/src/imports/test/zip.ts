import { crc32, deflateRawSync } from 'node:zlib';

/*
 * Builds zip archives for tests, the way Java's ZipOutputStream (which Loop uses) writes them:
 * deflated entries whose sizes and checksum follow the data in a data descriptor. Only what the
 * tests need: no Zip64, no comments, names in UTF-8.
 */

export interface ZipInput {
  name: string;
  content: string | Buffer;
}

export function buildZip(entries: ZipInput[], options: { dataDescriptor?: boolean } = {}): Buffer {
  const useDescriptor = options.dataDescriptor ?? true;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
    const compressed = deflateRawSync(data);
    const checksum = crc32(data);
    // Bit 3: sizes in a data descriptor; bit 11: the name is UTF-8.
    const flags = (useDescriptor ? 0x08 : 0) | 0x800;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(useDescriptor ? 0 : checksum, 14);
    local.writeUInt32LE(useDescriptor ? 0 : compressed.length, 18);
    local.writeUInt32LE(useDescriptor ? 0 : data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, compressed];
    if (useDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(checksum, 4);
      descriptor.writeUInt32LE(compressed.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
      parts.push(descriptor);
    }
    const localRecord = Buffer.concat(parts);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, name]));

    locals.push(localRecord);
    offset += localRecord.length;
  }

  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, directory, end]);
}
