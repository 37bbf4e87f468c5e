import { createHash, randomBytes } from 'node:crypto';

import { config } from '../lib/config';
import { AppError } from '../lib/errors';
import { redis } from '../lib/redis';

/**
 * Sessions live in Redis so that every API instance sees the same ones. A session is one family of
 * refresh tokens: each refresh replaces the token, and presenting a replaced token again (a sign
 * that it was stolen) deletes the whole session. Only SHA-256 hashes of tokens are stored.
 *
 * Two tabs may refresh with the same cookie at once; the one that loses the race presents the
 * token that was just replaced. Within ROTATION_GRACE_MS of a rotation that is accepted as a
 * "grace" refresh: it gets a new access token but no new cookie (the browser already holds the
 * new one). After that window a replaced token counts as reuse.
 */
const ROTATION_GRACE_MS = 10_000;
const MAX_SESSIONS_LISTED = 50;

const sessionKey = (sessionId: string) => `session:${sessionId}`;
const userSessionsKey = (userId: string) => `user:${userId}:sessions`;

const ROTATE_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'tokenHash')
if not current then return 'missing' end
if current == ARGV[1] then
  redis.call('HSET', KEYS[1], 'tokenHash', ARGV[2], 'previousHash', ARGV[1], 'rotatedAt', ARGV[3], 'lastUsedAt', ARGV[3])
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  return 'rotated'
end
local previous = redis.call('HGET', KEYS[1], 'previousHash')
local rotatedAt = tonumber(redis.call('HGET', KEYS[1], 'rotatedAt') or '0')
if previous == ARGV[1] and tonumber(ARGV[3]) - rotatedAt <= tonumber(ARGV[5]) then
  return 'grace'
end
redis.call('DEL', KEYS[1])
return 'reused'
`;

type RotateOutcome = 'missing' | 'rotated' | 'grace' | 'reused';

export interface SessionInfo {
  id: string;
  device: string;
  createdAt: string;
  lastUsedAt: string;
}

export interface RefreshResult {
  userId: string;
  sessionId: string;
  /** The replacement refresh token, or null for a grace refresh. */
  refreshToken: string | null;
}

function newSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) {
    return null;
  }

  return { sessionId: match[1] as string, secret: match[2] as string };
}

function invalidRefresh(message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, {
    userMessage: 'Your session has ended, please sign in',
  });
}

/** Starts a session and returns its first refresh token. Throws if Redis is unavailable. */
export async function createSession(
  userId: string,
  device: string,
): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = newSecret(16);
  const secret = newSecret(32);
  const now = String(Date.now());

  await redis
    .multi()
    .hset(sessionKey(sessionId), {
      userId,
      tokenHash: hashSecret(secret),
      device: device.slice(0, 200),
      createdAt: now,
      lastUsedAt: now,
    })
    .expire(sessionKey(sessionId), config.refreshTokenTtlSeconds)
    .sadd(userSessionsKey(userId), sessionId)
    .expire(userSessionsKey(userId), config.refreshTokenTtlSeconds)
    .exec();

  return { sessionId, refreshToken: `${sessionId}.${secret}` };
}

/** Replaces a refresh token; reuse of a replaced token ends the session. Throws 401. */
export async function rotateSession(refreshToken: string): Promise<RefreshResult> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) {
    throw invalidRefresh('Malformed refresh token');
  }

  const userId = await redis.hget(sessionKey(parsed.sessionId), 'userId');
  if (!userId) {
    throw invalidRefresh('Unknown or expired session');
  }

  const nextSecret = newSecret(32);
  // The user's session list lives as long as the longest session in it: a refresh slides both,
  // or a session in use for longer than the TTL would drop out of the list (and of logout-all).
  const outcome = (await redis.eval(
    ROTATE_SCRIPT,
    2,
    sessionKey(parsed.sessionId),
    userSessionsKey(userId),
    hashSecret(parsed.secret),
    hashSecret(nextSecret),
    String(Date.now()),
    String(config.refreshTokenTtlSeconds),
    String(ROTATION_GRACE_MS),
  )) as RotateOutcome;

  if (outcome === 'missing') {
    throw invalidRefresh('Unknown or expired session');
  }
  if (outcome === 'reused') {
    await redis.srem(userSessionsKey(userId), parsed.sessionId);
    throw invalidRefresh('Refresh token reused; session revoked');
  }

  const rotated = outcome === 'rotated' ? `${parsed.sessionId}.${nextSecret}` : null;

  return { userId, sessionId: parsed.sessionId, refreshToken: rotated };
}

/** Whether the session still exists; access tokens of ended sessions are refused. */
export async function isSessionActive(sessionId: string): Promise<boolean> {
  return (await redis.exists(sessionKey(sessionId))) === 1;
}

export async function endSession(userId: string, sessionId: string): Promise<boolean> {
  const owner = await redis.hget(sessionKey(sessionId), 'userId');
  if (owner !== userId) {
    return false;
  }
  await redis.multi().del(sessionKey(sessionId)).srem(userSessionsKey(userId), sessionId).exec();

  return true;
}

/** Ends every session of the user (log out everywhere). */
export async function endAllSessions(userId: string): Promise<void> {
  const sessionIds = await redis.smembers(userSessionsKey(userId));
  if (sessionIds.length === 0) {
    return;
  }

  // Removes exactly the sessions read above: deleting the whole set would also drop a session
  // started meanwhile from the list, leaving it alive but out of reach of the next logout-all.
  const transaction = redis.multi().srem(userSessionsKey(userId), ...sessionIds);
  for (const sessionId of sessionIds) {
    transaction.del(sessionKey(sessionId));
  }
  await transaction.exec();
}

export async function listSessions(userId: string): Promise<SessionInfo[]> {
  const sessionIds = (await redis.smembers(userSessionsKey(userId))).slice(0, MAX_SESSIONS_LISTED);
  const pipeline = redis.pipeline();
  for (const sessionId of sessionIds) {
    pipeline.hgetall(sessionKey(sessionId));
  }
  const results = (await pipeline.exec()) ?? [];

  const sessions: SessionInfo[] = [];
  const expired: string[] = [];
  results.forEach(([, value], index) => {
    const sessionId = sessionIds[index] as string;
    const fields = value as Record<string, string> | null;
    if (!fields || fields.userId !== userId) {
      expired.push(sessionId);
      return;
    }
    sessions.push({
      id: sessionId,
      device: fields.device ?? '',
      createdAt: new Date(Number(fields.createdAt)).toISOString(),
      lastUsedAt: new Date(Number(fields.lastUsedAt)).toISOString(),
    });
  });
  if (expired.length > 0) {
    await redis.srem(userSessionsKey(userId), ...expired);
  }

  return sessions.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
}
