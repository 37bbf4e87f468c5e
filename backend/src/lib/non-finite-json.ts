import type { ErrorRequestHandler } from 'express';

// JSON has no NaN or Infinity: a body such as `{"weight": NaN}` fails to parse, and the 400 could
// only say "malformed JSON" without naming the field. So a body that failed to parse is read once
// more with every bare NaN, Infinity and -Infinity replaced by this marker, which every validator
// refuses (it is neither a number nor a string), and the 400 then names the field. (A literal such
// as 1e309 parses, as Infinity, and is refused by the validators directly.)
const MARKER = (token: string) => `{"nonFinite":"${token}"}`;
const TOKEN = /^(?:-?Infinity|NaN)/;

/** The text with bare NaN/Infinity tokens (outside strings) marked, or null when it has none. */
export function markNonFiniteNumbers(text: string): string | null {
  let out = '';
  let isInString = false;
  let isEscaped = false;
  let hasToken = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (isInString) {
      if (isEscaped) {
        isEscaped = false;
      } else if (char === '\\') {
        isEscaped = true;
      } else if (char === '"') {
        isInString = false;
      }
      out += char;
      continue;
    }
    const token = TOKEN.exec(text.slice(index, index + 9))?.[0];
    if (token) {
      out += MARKER(token);
      index += token.length - 1;
      hasToken = true;
      continue;
    }
    isInString = char === '"';
    out += char;
  }

  return hasToken ? out : null;
}

/** After express.json: recovers bodies that failed to parse only because of NaN or Infinity. */
export const recoverNonFiniteJson: ErrorRequestHandler = (error: unknown, req, _res, next) => {
  const failure = error as { type?: unknown; body?: unknown };
  const marked =
    failure.type === 'entity.parse.failed' && typeof failure.body === 'string'
      ? markNonFiniteNumbers(failure.body)
      : null;
  if (marked === null) {
    next(error);
    return;
  }

  try {
    const parsed: unknown = JSON.parse(marked);
    if (typeof parsed !== 'object' || parsed === null) {
      next(error);
      return;
    }
    req.body = parsed;
    next();
  } catch {
    next(error);
  }
};
