import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

import type { RequestHandler } from 'express';

import { validationFailed, type FieldError } from './errors';
import { isWellFormedText } from './fields';
import { fieldPath } from './validate';

const REPLACEMENT = '\uFFFD';

const MAX_REPORTED = 10;
// Deeper than any body the API takes: the field rules refuse such a body, and the walk stays
// within the stack however deep a hostile body nests.
const MAX_DEPTH = 32;

/** The paths of the strings (keys included) failing `isBad`, at most MAX_REPORTED of them. */
function pathsOf(
  value: unknown,
  isBad: (text: string) => boolean,
  message: string,
  path: Array<string | number> = [],
  found: FieldError[] = [],
): FieldError[] {
  const name = (at: Array<string | number>) => (at.length > 0 ? fieldPath(at) : 'body');
  if (found.length >= MAX_REPORTED || path.length > MAX_DEPTH) {
    return found;
  }
  if (typeof value === 'string') {
    if (isBad(value)) {
      found.push({ field: name(path), message });
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = [...path, Array.isArray(value) ? Number(key) : key];
      if (isBad(key)) {
        found.push({ field: name(itemPath), message });
      }
      pathsOf(item, isBad, message, itemPath, found);
    }
  }

  return found;
}

const INVALID_UTF8 = 'Must be valid UTF-8 text';
const LONE_SURROGATE_MESSAGE = 'Must be valid Unicode text';

/**
 * The JSON parser's `verify` hook: refuses a UTF-8 body holding bytes that are not UTF-8. Decoding
 * would quietly turn them into U+FFFD, and the stored text would differ from what was sent. The
 * answer names the fields where the bytes were, or the body when that cannot be told.
 */
export function refuseInvalidUtf8(
  _req: IncomingMessage,
  _res: unknown,
  buffer: Buffer,
  encoding: string,
): void {
  if (encoding.toLowerCase() !== 'utf-8' || isUtf8(buffer)) {
    return;
  }
  let found: FieldError[] = [];
  try {
    const hasReplacement = (text: string) => text.includes(REPLACEMENT);
    found = pathsOf(JSON.parse(buffer.toString('utf8')), hasReplacement, INVALID_UTF8);
  } catch {
    // Not JSON either: the body as a whole is named.
  }

  throw validationFailed(found.length > 0 ? found : [{ field: 'body', message: INVALID_UTF8 }]);
}

/**
 * Refuses a parsed body holding a lone surrogate (`"\ud800"`) anywhere, in a value or a key: the
 * database driver writes UTF-8 and would store U+FFFD instead. Field rules check their own text
 * too (isWellFormedText); this covers every string, including those no rule reads.
 */
export const refuseLoneSurrogates: RequestHandler = (req, _res, next) => {
  const found = pathsOf(req.body, (text) => !isWellFormedText(text), LONE_SURROGATE_MESSAGE);
  if (found.length > 0) {
    throw validationFailed(found);
  }
  next();
};
