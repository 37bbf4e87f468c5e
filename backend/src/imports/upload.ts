import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Request } from 'express';

import { AppError } from '../lib/errors';
import type { UploadedFile } from './sources';

/** The largest upload taken (the contract's 64 MB): a ten-year export is a few megabytes. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const MAX_NAME_CHARS = 200;

export interface SavedUpload extends UploadedFile {
  /** Deletes the saved file and its folder. */
  remove(): Promise<void>;
}

function tooLarge(): AppError {
  const message = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

  return new AppError('PAYLOAD_TOO_LARGE', 'Upload too large', {
    userMessage: message,
    details: [{ field: 'file', message }],
  });
}

/** The file name the browser sent in `X-Filename` (URI-encoded), without any folder; or null. */
export function uploadNameOf(req: Request): string | null {
  const header = req.get('x-filename');
  if (!header) {
    return null;
  }
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // Not URI-encoded after all: the header as sent.
  }
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/\p{Cc}/gu, '')
    .trim();

  return cleaned === '' ? null : cleaned.slice(0, MAX_NAME_CHARS);
}

/**
 * Streams the request body (the raw file) to a new temporary file, never holding it in memory.
 * Throws PAYLOAD_TOO_LARGE naming `file` past MAX_UPLOAD_BYTES; the rest of such a body is read
 * and thrown away, so the client gets the answer instead of a reset connection.
 */
export async function saveUpload(req: Request): Promise<SavedUpload> {
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES) {
    req.resume();
    throw tooLarge();
  }

  const folder = await mkdtemp(join(tmpdir(), 'habit-gym-import-'));
  const name = uploadNameOf(req) ?? 'upload';
  const path = join(folder, randomBytes(8).toString('hex'));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    await writeBody(req, path);
  } catch (error) {
    await remove();
    throw error;
  }

  return { path, name, remove };
}

function writeBody(req: Request, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    let received = 0;
    let isTooLarge = false;
    const fail = (error: unknown) => {
      out.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    req.on('data', (chunk: Buffer) => {
      if (isTooLarge) {
        return;
      }
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES) {
        // Writes still buffered fail with ERR_STREAM_DESTROYED; ignored below, as is the file.
        isTooLarge = true;
        out.destroy();
        req.resume();
        return;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      if (isTooLarge) {
        reject(tooLarge());
        return;
      }
      out.end(() => resolve());
    });
    req.on('error', fail);
    out.on('error', (error) => {
      if (!isTooLarge) {
        fail(error);
      }
    });
  });
}
