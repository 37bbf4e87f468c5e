import { Readable } from 'node:stream';
import { TextDecoder, TextEncoder } from 'node:util';

import { ImportFileError } from './errors';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function pickEncoding(head: Uint8Array): { encoding: string; bomLength: number } {
  if (startsWith(head, UTF8_BOM)) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (startsWith(head, UTF16LE_BOM)) {
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (startsWith(head, UTF16BE_BOM)) {
    return { encoding: 'utf-16be', bomLength: 2 };
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Decodes a byte stream to text chunks: UTF-8, or UTF-16 when the file starts with its byte-order
 * mark (spreadsheet programs save "Unicode text" so). The BOM is dropped. Throws EMPTY_FILE for no
 * bytes and BINARY_FILE for bytes that are not text (invalid UTF-8, or a NUL character).
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  file: string,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array = new Uint8Array(0);

  for await (const chunk of bytes) {
    if (!decoder) {
      // The byte-order mark needs the first three bytes, which may arrive in pieces.
      pending = concat(pending, chunk);
      if (pending.length < 3) {
        continue;
      }
      const { encoding, bomLength } = pickEncoding(pending);
      decoder = new TextDecoder(encoding, { fatal: true });
      yield decodeChunk(decoder, pending.subarray(bomLength), file, true);
      continue;
    }
    yield decodeChunk(decoder, chunk, file, true);
  }

  if (!decoder) {
    if (pending.length === 0) {
      throw new ImportFileError('EMPTY_FILE', { file });
    }
    decoder = new TextDecoder('utf-8', { fatal: true });
    yield decodeChunk(decoder, pending, file, true);
  }
  yield decodeChunk(decoder, new Uint8Array(0), file, false);
}

function decodeChunk(
  decoder: TextDecoder,
  bytes: Uint8Array,
  file: string,
  isStreaming: boolean,
): string {
  let text: string;
  try {
    text = decoder.decode(bytes, { stream: isStreaming });
  } catch (error) {
    throw new ImportFileError('BINARY_FILE', { file, cause: error });
  }
  if (text.includes('\u0000')) {
    throw new ImportFileError('BINARY_FILE', { file });
  }

  return text;
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left, 0);
  joined.set(right, left.length);

  return joined;
}

/** Turns strings into the byte stream the importers read; for tests and in-memory sources. */
export function bytesOf(...chunks: (string | Uint8Array)[]): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  return Readable.from(
    chunks.map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk)),
  );
}
