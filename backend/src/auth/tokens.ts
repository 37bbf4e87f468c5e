import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

import { config } from '../lib/config';
import { AppError } from '../lib/errors';

const ALGORITHM = 'HS256';
const ISSUER = 'habit-gym-api';
const AUDIENCE = 'habit-gym-web';

// Handed a string, jsonwebtoken first tries to parse it as a PEM public key (which throws) and then
// builds a secret key from it, on every call: a fifth of the CPU of a cached read. Built once.
let signingKey: { secret: string; key: KeyObject } | undefined;

function signingKeyOf(secret: string): KeyObject {
  if (signingKey?.secret !== secret) {
    signingKey = { secret, key: createSecretKey(Buffer.from(secret)) };
  }

  return signingKey.key;
}

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export function signAccessToken({ userId, sessionId }: AccessClaims): string {
  return jwt.sign({ sid: sessionId }, signingKeyOf(config.jwtSecret), {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: userId,
    expiresIn: config.accessTokenTtlSeconds,
  });
}

function unauthenticated(message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, { userMessage: 'Please sign in again' });
}

/** Verifies signature, algorithm, issuer, audience and expiry; throws 401 on any failure. */
export function verifyAccessToken(token: string): AccessClaims {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, signingKeyOf(config.jwtSecret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  } catch {
    throw unauthenticated('Invalid or expired access token');
  }
  if (
    typeof payload === 'string' ||
    typeof payload.sub !== 'string' ||
    typeof payload.sid !== 'string'
  ) {
    throw unauthenticated('Access token is missing claims');
  }
  if (typeof payload.exp !== 'number') {
    throw unauthenticated('Access token has no expiry');
  }

  return { userId: payload.sub, sessionId: payload.sid };
}
