import type { Request, RequestHandler } from 'express';

import { AppError } from '../lib/errors';
import { isRedisUnavailable } from '../lib/redis';
import { isSessionActive } from './sessions';
import { verifyAccessToken } from './tokens';

// The scheme is case-insensitive (RFC 7235 §2.1), and one or more spaces may follow it.
const BEARER = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

async function isSessionAllowed(sessionId: string): Promise<boolean> {
  try {
    return await isSessionActive(sessionId);
  } catch (error) {
    // Deliberate: while Redis is away a signed, unexpired access token is honoured (for at most
    // its 15 minutes) so that reads and writes keep working; revocation takes effect on return.
    if (isRedisUnavailable(error)) {
      return true;
    }
    throw error;
  }
}

function bearerTokenOf(req: Request): string | undefined {
  return BEARER.exec(req.get('authorization') ?? '')?.[1];
}

/**
 * The user of a correctly signed, unexpired access token, without asking Redis whether its session
 * still exists; undefined otherwise. Only for keying (the general rate limit), never to authorise.
 */
export function bearerUserIdOf(req: Request): string | undefined {
  const token = bearerTokenOf(req);
  if (!token) {
    return undefined;
  }
  try {
    return verifyAccessToken(token).userId;
  } catch {
    return undefined;
  }
}

/** Requires a valid access token of a live session; sets `req.auth`. */
export const requireAuth: RequestHandler = async (req, _res, next) => {
  const token = bearerTokenOf(req);
  if (!token) {
    throw new AppError('UNAUTHENTICATED', 'Missing bearer token', {
      userMessage: 'Please sign in',
    });
  }

  const claims = verifyAccessToken(token);
  if (!(await isSessionAllowed(claims.sessionId))) {
    throw new AppError('UNAUTHENTICATED', 'Session ended', {
      userMessage: 'Your session has ended, please sign in',
    });
  }

  req.auth = claims;
  req.log = req.log.child({ userId: claims.userId });
  next();
};

/** The signed-in user's id; only for handlers behind `requireAuth`. */
export function userIdOf(req: { auth?: { userId: string } }): string {
  if (!req.auth) {
    throw new AppError('UNAUTHENTICATED', 'Not signed in');
  }

  return req.auth.userId;
}
