import type { RequestHandler } from 'express';

import { AppError } from './errors';

/**
 * Routes that take a body other than JSON (an upload), by mount path, with the media types each
 * accepts, or 'any' (with or without a Content-Type). A router opts in by adding its line in
 * app.ts; every other route takes JSON only.
 */
export type OtherBodyTypes = Record<string, readonly string[] | 'any'>;

/** Whether the request carries body bytes (an empty POST from a browser says Content-Length: 0). */
function carriesBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];

  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function acceptedTypesFor(path: string, others: OtherBodyTypes): string[] | 'any' {
  const mountPath = Object.keys(others).find(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`),
  );
  const other = mountPath ? (others[mountPath] ?? []) : [];

  return other === 'any' ? 'any' : ['application/json', ...other];
}

/**
 * Refuses (415, naming the Content-Type) a body the route does not read: without this a form or
 * text body was silently ignored and the answer was a confusing "name: Required".
 */
export function refuseUnsupportedBodies(others: OtherBodyTypes = {}): RequestHandler {
  return (req, _res, next) => {
    if (!carriesBody(req.headers)) {
      next();
      return;
    }
    const accepted = acceptedTypesFor(req.path, others);
    if (accepted === 'any' || req.is(accepted)) {
      next();
      return;
    }
    const given = req.headers['content-type'] ?? 'none';
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Content-Type', {
      userMessage: `A body of Content-Type ${given.slice(0, 100)} is not accepted here; send ${accepted.join(' or ')}`,
      details: [{ field: 'Content-Type', message: `Must be ${accepted.join(' or ')}` }],
    });
  };
}
