import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

import yauzl, { type Entry, type ZipFile } from 'yauzl';

import { isZipStart } from './detect';
import { ImportFileError } from './errors';
import type { SourceFile } from './types';

/*
 * The only part of the import layer that touches the file system: it turns an uploaded file on
 * disk, or a zip archive, into SourceFiles that the parsers read as streams.
 *
 * Zip archives are read with yauzl: it reads the central directory (the archive's own index)
 * rather than trusting local headers, checks each entry's size against the declared one while
 * inflating, handles Zip64 and the data descriptors that Java's ZipOutputStream (which Loop uses)
 * writes, and opens entries one at a time from disk, so an archive is never held in memory.
 */

const READ_CHUNK_BYTES = 64 * 1024;
/** Loop writes three files per habit; a thousand habits is far beyond any real export. */
export const MAX_ZIP_ENTRIES = 3000;
/** The largest file we inflate from an archive; a Loop export's files are kilobytes. */
export const MAX_ZIP_ENTRY_BYTES = 100 * 1024 * 1024;

/** A file on disk as a SourceFile; `name` is what errors and issues call it. */
export function diskFile(path: string, name: string): SourceFile {
  return {
    path: name,
    open: () => createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }),
  };
}

/** Whether the file on disk is a zip archive, by its first bytes. */
export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && isZipStart(head);
  } finally {
    await handle.close();
  }
}

export interface ZipArchive {
  /** The archive's CSV files, by their path inside it. */
  files: SourceFile[];
  close(): void;
}

/** Opens a zip archive on disk. Throws BAD_ZIP when it is damaged, truncated or too large. */
export async function openZip(path: string, name: string): Promise<ZipArchive> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, opened) => {
      if (error) {
        reject(new ImportFileError('BAD_ZIP', { file: name, cause: error }));
        return;
      }
      resolve(opened);
    });
  });

  try {
    const entries = await listEntries(zip, name);
    return {
      files: entries.map((entry) => ({
        path: entry.fileName,
        open: () => readEntry(zip, entry, name),
      })),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function isWanted(entry: Entry): boolean {
  const fileName = entry.fileName;
  return (
    !fileName.endsWith('/') &&
    !fileName.startsWith('__MACOSX/') &&
    fileName.toLowerCase().endsWith('.csv')
  );
}

function listEntries(zip: ZipFile, name: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      if (entries.length >= MAX_ZIP_ENTRIES) {
        reject(new ImportFileError('TOO_MANY_FILES', { file: name }));
        return;
      }
      if (isWanted(entry)) {
        if (entry.uncompressedSize > MAX_ZIP_ENTRY_BYTES) {
          const detail = `${entry.fileName} would inflate to ${entry.uncompressedSize} bytes.`;
          reject(new ImportFileError('BAD_ZIP', { file: name, detail }));
          return;
        }
        entries.push(entry);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: unknown) => {
      reject(new ImportFileError('BAD_ZIP', { file: name, cause: error }));
    });
    zip.readEntry();
  });
}

async function* readEntry(zip: ZipFile, entry: Entry, name: string): AsyncGenerator<Uint8Array> {
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, opened) => {
      if (error) {
        reject(new ImportFileError('BAD_ZIP', { file: name, cause: error }));
        return;
      }
      resolve(opened);
    });
  });

  try {
    for await (const chunk of stream) {
      yield chunk as Uint8Array;
    }
  } catch (error) {
    throw new ImportFileError('BAD_ZIP', {
      file: name,
      detail: `${entry.fileName} could not be inflated.`,
      cause: error,
    });
  } finally {
    stream.destroy();
  }
}

export interface UploadedFile {
  /** Where the upload was saved. */
  path: string;
  /** The name the user's browser gave it (a relative path for a chosen folder). */
  name: string;
}

/**
 * The SourceFiles of an upload: a zip's CSV files, or the uploaded files themselves. Call
 * `close` when done reading.
 */
export async function openUpload(uploads: UploadedFile[]): Promise<ZipArchive> {
  const [single] = uploads;
  if (uploads.length === 1 && single && (await isZipFile(single.path))) {
    return openZip(single.path, single.name);
  }
  return { files: uploads.map((upload) => diskFile(upload.path, upload.name)), close: () => {} };
}
