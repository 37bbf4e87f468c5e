import type { AxiosProgressEvent } from 'axios';

import { api } from '@/lib/api';
import { toApiError } from '@/lib/errors';
import type { ImportJob, ImportPreview } from './types';

export const IMPORTS_PATH = '/imports';

export function importPath(id: string): string {
  return `${IMPORTS_PATH}/${encodeURIComponent(id)}`;
}

// Sending 64 MB over a slow connection takes longer than the client's usual 15 s.
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

export type UploadOptions = {
  /** Told how much of the file has been sent, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** Uploads a file for a preview of what it would import; nothing is written. */
export async function previewImport(
  file: File,
  options: UploadOptions = {},
): Promise<ImportPreview> {
  const data = await uploadFile<{ preview: ImportPreview }>(
    `${IMPORTS_PATH}/preview`,
    file,
    options,
  );
  return data.preview;
}

/** Uploads a file again and starts importing it; the job runs on after this answers. */
export async function startImport(file: File, options: UploadOptions = {}): Promise<ImportJob> {
  const data = await uploadFile<{ import: ImportJob }>(IMPORTS_PATH, file, options);
  return data.import;
}

// The file goes as the raw body, not multipart: the API streams it and learns the name from a
// header (URI-encoded, as a header value cannot carry every character of a file name).
async function uploadFile<T>(path: string, file: File, options: UploadOptions): Promise<T> {
  try {
    const response = await api.post<T>(path, file, {
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
      },
      timeout: UPLOAD_TIMEOUT_MS,
      signal: options.signal,
      onUploadProgress: (event: AxiosProgressEvent) => {
        const total = event.total ?? file.size;
        options.onProgress?.(total > 0 ? Math.min(event.loaded / total, 1) : 1);
      },
    });
    return response.data;
  } catch (error) {
    throw toApiError(error);
  }
}
