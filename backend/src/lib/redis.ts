import { Redis } from 'ioredis';

import { config } from './config';
import { withTimeout } from './database';
import { logger } from './logger';

const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * The shared Redis client. Commands fail fast while Redis is away (no offline queue, a short
 * timeout) so that a request never waits on Redis for long; the client reconnects by itself.
 */
export function createRedis(url = config.redisUrl, keyPrefix = config.redisKeyPrefix): Redis {
  const client = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  client.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));
  client.on('ready', () => logger.info('redis ready'));

  return client;
}

export const redis = createRedis();

export async function connectRedis(): Promise<void> {
  if (redis.status === 'wait' || redis.status === 'end') {
    await redis.connect();
  }
}

export async function disconnectRedis(): Promise<void> {
  if (redis.status !== 'end') {
    await redis.quit().catch(() => redis.disconnect());
  }
}

export function isRedisReady(): boolean {
  return redis.status === 'ready';
}

export async function pingRedis(timeoutMs = 500): Promise<void> {
  if (!isRedisReady()) {
    throw new Error(`redis ${redis.status}`);
  }

  await withTimeout(redis.ping(), timeoutMs, 'redis ping timed out');
}

const REDIS_DOWN =
  /Stream isn't writeable|Connection is closed|Command timed out|Reached the max retries|ECONNREFUSED/;

/** Whether an error means Redis could not be reached (as opposed to a bad command). */
export function isRedisUnavailable(error: unknown): boolean {
  return error instanceof Error && REDIS_DOWN.test(error.message);
}
