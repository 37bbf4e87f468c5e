import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

import { withTimeout } from './database';
import { logger } from './logger';
import { cacheHits, cacheMisses } from './metrics';
import { isRedisReady, redis } from './redis';
import { routeOf } from './request-context';

/**
 * A per-user cache of whole JSON responses, shared by every API instance through Redis.
 *
 * Nothing is ever deleted to invalidate: an entry's key holds the user's generation number, and
 * every successful write by that user moves the generation on (before the write's response is
 * sent), so no later read anywhere can find an older entry. The key also holds a global epoch,
 * moved on when a process could not record a generation bump or has just reconnected to Redis:
 * after Redis was away (or restored from disk) no entry written before the outage is used again.
 * Entries expire after CACHE_ENTRY_TTL_SECONDS, which also bounds how long a stale entry can
 * survive the one case neither number covers (see `markEpochStale`).
 *
 * Generation keys have no expiry: one that expired and started again from 0 could reach a number
 * whose old entries are still alive. So Redis must not evict keys without an expiry (use the
 * `noeviction` or a `volatile-*` maxmemory policy), see the README.
 */
export const CACHE_ENTRY_TTL_SECONDS = 300;
/** A lookup slower than this is abandoned and the request answered from the database. */
const LOOKUP_TIMEOUT_MS = 200;
const EPOCH_RETRY_MS = 1_000;

const EPOCH_KEY = 'cache:epoch';
const generationKey = (userId: string) => `cache:user:${userId}:generation`;
const entryKey = (userId: string, version: string, url: string) =>
  `cache:user:${userId}:v${version}:${url}`;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CacheOutcome = 'HIT' | 'MISS' | 'BYPASS';

interface Entry {
  etag: string;
  body: string;
}

const counters: Record<CacheOutcome, number> = { HIT: 0, MISS: 0, BYPASS: 0 };

/** Cacheable responses this process has answered, per outcome, since it started (for metrics). */
export function cacheCounters(): { hits: number; misses: number; bypasses: number } {
  return { hits: counters.HIT, misses: counters.MISS, bypasses: counters.BYPASS };
}

/** A strong ETag: the SHA-256 of the exact body bytes. Used by Express for every response. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

// The epoch is stale from the moment a mark is made until an INCR issued after it succeeds.
let staleMarks = 0;
let renewedMarks = 0;
let renewal: Promise<void> | undefined;
let retryTimer: NodeJS.Timeout | undefined;
let hasBeenReady = false;

function isEpochStale(): boolean {
  return renewedMarks < staleMarks;
}

/**
 * Drops every cached response (by moving the epoch on) as soon as Redis answers. Until then this
 * process bypasses the cache. Other processes keep using entries until the INCR lands, so a write
 * whose generation bump failed may be read stale from another instance for a short while, at
 * most CACHE_ENTRY_TTL_SECONDS if Redis stayed unreachable from this process only.
 */
function markEpochStale(): void {
  staleMarks += 1;
  retryTimer ??= setTimeout(() => {
    retryTimer = undefined;
    renewEpoch().catch(() => markEpochStale());
  }, EPOCH_RETRY_MS).unref();
}

function renewEpoch(): Promise<void> {
  if (!isEpochStale()) {
    return Promise.resolve();
  }

  const target = staleMarks;
  renewal ??= redis
    .incr(EPOCH_KEY)
    .then(() => {
      renewedMarks = Math.max(renewedMarks, target);
    })
    .finally(() => {
      renewal = undefined;
    });

  return renewal;
}

// Redis may come back with its data (persistence, or a network cut): entries cached before the
// outage may miss writes made during it.
redis.on('ready', () => {
  if (hasBeenReady) {
    markEpochStale();
  }
  hasBeenReady = true;
});

interface Lookup {
  key: string;
  entry: Entry | null;
}

async function readEntry(userId: string, url: string): Promise<Lookup | null> {
  await renewEpoch();
  if (isEpochStale()) {
    // Marked again while the renewal was in flight; a later request renews.
    return null;
  }

  const [epoch, generation] = await redis.mget(EPOCH_KEY, generationKey(userId));
  const key = entryKey(userId, `${epoch ?? 0}.${generation ?? 0}`, url);
  const raw = await redis.get(key);
  if (raw === null) {
    return { key, entry: null };
  }

  const split = raw.indexOf('\n');

  return { key, entry: { etag: raw.slice(0, split), body: raw.slice(split + 1) } };
}

/** The entry for this user and URL; null when the cache cannot answer quickly (bypass). */
async function findEntry(userId: string, url: string): Promise<Lookup | null> {
  if (!isRedisReady()) {
    return null;
  }
  try {
    return await withTimeout(readEntry(userId, url), LOOKUP_TIMEOUT_MS, 'cache lookup timed out');
  } catch (error) {
    logger.warn('cache lookup failed', { error: error instanceof Error ? error.message : error });

    return null;
  }
}

function saveEntry(key: string, entry: Entry): void {
  redis
    .set(key, `${entry.etag}\n${entry.body}`, 'EX', CACHE_ENTRY_TTL_SECONDS)
    .catch((error: Error) => logger.warn('cache store failed', { error: error.message }));
}

function markResponse(res: Response, outcome: CacheOutcome): void {
  counters[outcome] += 1;
  if (outcome !== 'BYPASS') {
    (outcome === 'HIT' ? cacheHits : cacheMisses).inc({ cache: routeOf(res.req) });
  }
  res.setHeader('X-Cache', outcome);
  // Browsers may keep it but must revalidate (If-None-Match); shared caches must not keep it.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.vary('Authorization');
}

function sendEntry(res: Response, entry: Entry): void {
  // Express answers 304 itself when If-None-Match matches this ETag.
  res.setHeader('ETag', entry.etag);
  res.type('json');
  res.send(entry.body);
}

/** Stores the handler's JSON body when it answers 200; errors and other statuses pass through. */
function storeWhenOk(res: Response, key: string): void {
  const json = res.json.bind(res);
  res.json = (data: unknown) => {
    const body = JSON.stringify(data);
    if (res.statusCode !== 200 || body === undefined) {
      return json(data);
    }

    const etag = strongEtag(body);
    saveEntry(key, { etag, body });
    res.setHeader('ETag', etag);
    res.type('json');

    return res.send(body);
  };
}

/** A client may ask for an answer from the database (`Cache-Control: no-cache`, a hard reload). */
function wantsFreshAnswer(req: Request): boolean {
  return /(^|[\s,])no-cache($|[\s,])/i.test(req.get('cache-control') ?? '');
}

interface CacheOptions {
  /**
   * Extra key material for a response that depends on more than the user and the URL (for
   * example on the current date when the URL names none).
   */
  varyBy?: (req: Request) => string;
}

/**
 * Serves a GET from the signed-in user's cache, or runs the handler and caches its 200 answer.
 * Mount after `requireAuth`. Never fails a request: without Redis the handler simply runs (BYPASS),
 * as it does for a request sent with `Cache-Control: no-cache`.
 */
export function cacheResponse({ varyBy }: CacheOptions = {}): RequestHandler {
  return async (req, res, next) => {
    const userId = req.auth?.userId;
    const url = varyBy ? `${req.originalUrl}#${varyBy(req)}` : req.originalUrl;
    const found = userId && !wantsFreshAnswer(req) ? await findEntry(userId, url) : null;
    if (!found) {
      markResponse(res, 'BYPASS');
      next();
      return;
    }

    if (found.entry) {
      markResponse(res, 'HIT');
      sendEntry(res, found.entry);
      return;
    }

    markResponse(res, 'MISS');
    storeWhenOk(res, found.key);
    next();
  };
}

/**
 * Moves the user's generation on, so no instance serves an entry cached before this point.
 * Never throws: when Redis fails, the whole cache is dropped once it answers again.
 */
export async function invalidateUserCache(userId: string): Promise<void> {
  try {
    await redis.incr(generationKey(userId));
  } catch (error) {
    logger.warn('cache invalidation failed; dropping the whole cache once Redis answers', {
      userId,
      error: error instanceof Error ? error.message : error,
    });
    markEpochStale();
  }
}

/**
 * Deletes every cached response of the user and its generation (account deletion). Throws when
 * Redis fails, so the deletion can be retried.
 */
export async function deleteUserCache(userId: string): Promise<void> {
  // SCAN patterns and the keys it returns carry the client's key prefix; DEL adds it again.
  const prefix = redis.options.keyPrefix ?? '';
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${prefix}cache:user:${userId}:*`,
      'COUNT',
      500,
    );
    cursor = next;
    if (keys.length > 0) {
      await redis.del(...keys.map((key) => key.slice(prefix.length)));
    }
  } while (cursor !== '0');
}

/**
 * For every request that may write (not GET/HEAD/OPTIONS): once the handler answers 2xx for a
 * signed-in user, holds the response back until that user's cache is invalidated. So a read sent
 * after the write's response, to any instance, never sees data from before the write.
 */
export const invalidateCacheOnWrite: RequestHandler = (req, res, next) => {
  if (READ_METHODS.has(req.method)) {
    next();
    return;
  }

  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const userId = req.auth?.userId;
    if (!userId || res.statusCode < 200 || res.statusCode >= 300) {
      return end(...args);
    }

    invalidateUserCache(userId)
      .then(() => end(...args))
      .catch((error: unknown) => req.log.error('response after invalidation failed', { error }));

    return res;
  }) as Response['end'];
  next();
};
