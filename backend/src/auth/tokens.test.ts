import jwt from 'jsonwebtoken';

import { config } from '../lib/config';
import { AppError } from '../lib/errors';
import { signAccessToken, verifyAccessToken } from './tokens';

const CLAIMS = { userId: '64b7f0c2a1b2c3d4e5f60718', sessionId: 'session-1' };
const OPTIONS = { issuer: 'habit-gym-api', audience: 'habit-gym-web', subject: CLAIMS.userId };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('access tokens (the signing key built once from JWT_SECRET)', () => {
  const secret = config.jwtSecret;

  afterEach(() => {
    config.jwtSecret = secret;
  });

  it('verifies a token signed with the secret as a string, as tokens issued before were', () => {
    const token = jwt.sign({ sid: CLAIMS.sessionId }, secret, { ...OPTIONS, expiresIn: 60 });

    expect(verifyAccessToken(token)).toEqual(CLAIMS);
  });

  it('signs tokens that the secret as a string verifies, as other instances do', () => {
    const payload = jwt.verify(signAccessToken(CLAIMS), secret, { algorithms: ['HS256'] });

    expect(payload).toMatchObject({
      sub: CLAIMS.userId,
      sid: CLAIMS.sessionId,
      iss: OPTIONS.issuer,
      aud: OPTIONS.audience,
    });
  });

  it('answers 401 for a token signed with another secret', () => {
    const token = jwt.sign({ sid: CLAIMS.sessionId }, `${secret}-other`, {
      ...OPTIONS,
      expiresIn: 60,
    });

    expect(codeOf(() => verifyAccessToken(token))).toBe('UNAUTHENTICATED');
  });

  it('follows a changed secret: tokens of the old one are refused, the new one’s verify', () => {
    const before = signAccessToken(CLAIMS);
    config.jwtSecret = `${secret}-rotated`;

    expect(codeOf(() => verifyAccessToken(before))).toBe('UNAUTHENTICATED');
    expect(verifyAccessToken(signAccessToken(CLAIMS))).toEqual(CLAIMS);
  });
});
