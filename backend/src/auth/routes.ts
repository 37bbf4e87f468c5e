import { Router, type CookieOptions, type Request, type Response } from 'express';

import { config } from '../lib/config';
import { AppError } from '../lib/errors';
import { loginLimits, registerLimit } from '../lib/rate-limit';
import { inputOf, validate } from '../lib/validate';
import { presentUser } from '../users/presenter';
import { getUser } from '../users/service';
import { requireAuth, userIdOf } from './middleware';
import {
  login,
  refresh,
  register,
  type Credentials,
  type Registration,
  type SignedIn,
} from './service';
import { endAllSessions, endSession, listSessions } from './sessions';
import { loginRules, registerRules, sessionIdRule } from './validation';

export const REFRESH_COOKIE = 'hg_refresh';

const cookieOptions = (): CookieOptions => ({
  httpOnly: true,
  secure: config.cookieSecure,
  sameSite: 'strict',
  path: '/api/auth',
});

function deviceOf(req: Request): string {
  return req.get('user-agent') ?? 'unknown device';
}

function sendSignedIn(res: Response, status: number, signedIn: SignedIn): void {
  if (signedIn.refreshToken) {
    res.cookie(REFRESH_COOKIE, signedIn.refreshToken, {
      ...cookieOptions(),
      maxAge: config.refreshTokenTtlSeconds * 1000,
    });
  }
  res.status(status).json({ accessToken: signedIn.accessToken, user: presentUser(signedIn.user) });
}

function refreshTokenOf(req: Request): string {
  const token: unknown = req.cookies?.[REFRESH_COOKIE];
  if (typeof token !== 'string' || token === '') {
    throw new AppError('UNAUTHENTICATED', 'No refresh cookie', { userMessage: 'Please sign in' });
  }

  return token;
}

export const authRouter = Router();

// 202 with the same body whether the email was new or registered already (see `register`).
authRouter.post('/register', validate(registerRules), registerLimit, async (req, res) => {
  const isCreated = await register(inputOf<Registration>(req));
  if (!isCreated) {
    req.log.info('registration for an email that has an account');
  }
  res.status(202).json({ status: 'accepted', next: 'login' });
});

// The failed-login limits sit in front of the password check, so a refused guess costs no bcrypt.
authRouter.post('/login', validate(loginRules), ...loginLimits, async (req, res) => {
  const signedIn = await login(inputOf<Credentials>(req), deviceOf(req));
  sendSignedIn(res, 200, signedIn);
});

authRouter.post('/refresh', validate([]), async (req, res) => {
  try {
    sendSignedIn(res, 200, await refresh(refreshTokenOf(req)));
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      res.clearCookie(REFRESH_COOKIE, cookieOptions());
    }
    throw error;
  }
});

authRouter.post('/logout', requireAuth, validate([]), async (req, res) => {
  await endSession(userIdOf(req), req.auth?.sessionId ?? '');
  res.clearCookie(REFRESH_COOKIE, cookieOptions());
  res.status(204).end();
});

authRouter.post('/logout-all', requireAuth, validate([]), async (req, res) => {
  await endAllSessions(userIdOf(req));
  res.clearCookie(REFRESH_COOKIE, cookieOptions());
  res.status(204).end();
});

authRouter.get('/me', requireAuth, validate([]), async (req, res) => {
  const user = await getUser(userIdOf(req));
  res.json({ user: presentUser(user) });
});

authRouter.get('/sessions', requireAuth, validate([]), async (req, res) => {
  const sessions = await listSessions(userIdOf(req));
  const current = req.auth?.sessionId;
  res.json({
    items: sessions.map((session) => ({ ...session, isCurrent: session.id === current })),
  });
});

authRouter.delete('/sessions/:id', requireAuth, validate([sessionIdRule]), async (req, res) => {
  const sessionId = String(req.params.id);
  if (!(await endSession(userIdOf(req), sessionId))) {
    throw new AppError('NOT_FOUND', 'Session not found', { userMessage: 'Session not found' });
  }
  res.status(204).end();
});
