// Saving a file the API sent. The token lives in memory, so a plain <a href> to the API would go
// out without it: the file is fetched with axios as a Blob and handed to the browser through an
// object URL instead.

import { api } from './api';
import { toApiError } from './errors';

// Exports of large accounts take longer than the client's usual 15 s.
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

// A revoked object URL can no longer be read: give the browser time to start saving first.
const REVOKE_DELAY_MS = 60_000;

/**
 * The file name a Content-Disposition header gives (RFC 6266), or null when it gives none.
 * `filename*` (RFC 8187, UTF-8 percent-encoded) wins over `filename`, as the RFC asks; any folder
 * part is dropped, so a name can never point outside the download folder.
 */
export function fileNameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) {
    return null;
  }

  const params = readParameters(header);
  const extended = params.get('filename*');
  const name =
    (extended === undefined ? null : decodeExtendedValue(extended)) ?? params.get('filename');
  return name === undefined || name === null ? null : safeFileName(name);
}

/** Hands a Blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

/**
 * GETs a file from the API with the session's token and saves it. The name comes from the
 * response's Content-Disposition, else `fallbackName`. Resolves with the name used; rejects with
 * an ApiError.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  try {
    const response = await api.get<Blob>(path, {
      responseType: 'blob',
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    const header: unknown = response.headers['content-disposition'];
    const fileName =
      fileNameFromContentDisposition(typeof header === 'string' ? header : null) ?? fallbackName;

    saveBlob(response.data, fileName);
    return fileName;
  } catch (error) {
    throw toApiError(error);
  }
}

// `attachment; filename="a;b.csv"; filename*=UTF-8''a%3Bb.csv` → Map { filename → 'a;b.csv', … }.
// Quoted values may hold `;` and backslash-escaped quotes, so the header is scanned, not split.
function readParameters(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  // The leading ';' lets a header that starts with a parameter (no disposition type) match too.
  for (const match of `;${header}`.matchAll(pattern)) {
    const key = (match[1] ?? '').toLowerCase();
    const raw = (match[2] ?? '').trim();
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!params.has(key)) {
      params.set(key, value);
    }
  }
  return params;
}

// `UTF-8''na%C3%AFve.csv` → `naïve.csv`; null for another charset or broken percent-encoding.
function decodeExtendedValue(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match || match[1]?.toLowerCase() !== 'utf-8') {
    return null;
  }

  try {
    return decodeURIComponent(match[2] ?? '');
  } catch {
    return null;
  }
}

function safeFileName(name: string): string | null {
  const base = name.split(/[/\\]/).pop() ?? '';
  // Control characters have no place in a file name; some systems refuse them outright.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}
