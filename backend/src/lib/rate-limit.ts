import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import {
  ipKeyGenerator,
  rateLimit,
  type ClientRateLimitInfo,
  type Options,
  type RateLimitInfo,
} from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';

import { config, type RateLimit } from './config';
import { AppError } from './errors';
import { logger } from './logger';
import { rateLimitRejections } from './metrics';
import { isRedisUnavailable, redis } from './redis';

/**
 * Rate limits counted in Redis, so that they hold across every API instance: a fixed window per
 * key (rate-limit-redis), standard `RateLimit` and `RateLimit-Policy` headers (IETF draft 8, one
 * named policy per limit), and a 429 in our error shape with `Retry-After`.
 *
 * When Redis cannot count, each limit does what it was built for (see the README):
 * - the general limit lets requests through (fail open): reads and writes must keep working;
 * - the login and registration limits answer 503 (fail closed): both need Redis for the session
 *   anyway, and an uncounted login would let a password guesser try without bound during an
 *   outage (a 401 against a 503 would even tell it when it guessed right).
 */

/**
 * rate-limit-redis loads its Lua scripts once, when the limiter is created; if Redis is not there
 * at that moment the stored promise stays rejected and every later count fails, even after Redis
 * is back. This store loads them on first use and again after a failed load. (A Redis restart that
 * loses the scripts is handled by rate-limit-redis itself, on NOSCRIPT.)
 */
class RedisRateLimitStore extends RedisStore {
  private scriptsLoaded: Promise<void> | undefined;

  override init(options: Options): Promise<void> {
    this.windowMs = options.windowMs;

    return Promise.resolve();
  }

  override async increment(key: string): Promise<ClientRateLimitInfo> {
    await this.loadScripts();

    return super.increment(key);
  }

  override async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    await this.loadScripts();

    return super.get(key);
  }

  private loadScripts(): Promise<void> {
    this.scriptsLoaded ??= (async () => {
      this.incrementScriptSha = this.loadIncrementScript();
      this.getScriptSha = this.loadGetScript();
      await Promise.all([this.incrementScriptSha, this.getScriptSha]);
    })().catch((error: unknown) => {
      this.scriptsLoaded = undefined;
      throw error;
    });

    return this.scriptsLoaded;
  }
}

/** The Redis key a limit counts a client under (the client adds REDIS_KEY_PREFIX in front). */
export function rateLimitKey(limitName: string, key: string): string {
  return `ratelimit:${limitName}:${key}`;
}

function createStore(name: string): RedisRateLimitStore {
  return new RedisRateLimitStore({
    prefix: rateLimitKey(name, ''),
    sendCommand: (command, ...args) => redis.call(command, ...args) as Promise<RedisReply>,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// While Redis is away every request of a fail-open limit passes uncounted; one line says so.
const UNCOUNTED_WARNING_INTERVAL_MS = 10_000;

function limiterLogger(name: string): Options['logger'] {
  let lastWarningAt = 0;
  let uncounted = 0;

  return {
    error: (error) => {
      if (isRedisUnavailable(error)) {
        uncounted += 1;
        if (Date.now() - lastWarningAt >= UNCOUNTED_WARNING_INTERVAL_MS) {
          logger.warn('rate limit not counted: redis unavailable', { limit: name, uncounted });
          lastWarningAt = Date.now();
          uncounted = 0;
        }
        return;
      }
      logger.error('rate limiter error', { limit: name, error: messageOf(error) });
    },
    warn: (error) => logger.warn('rate limiter warning', { limit: name, error: messageOf(error) }),
  };
}

function retryAfterSecondsOf(req: Request): number {
  const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
  const resetAt = info?.resetTime?.getTime() ?? Date.now();

  return Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
}

/** The client address as a limit key; an IPv6 client counts by its /56 network. */
export function clientKey(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

interface LimitSpec {
  /** Names the policy in the RateLimit headers and the limit's Redis keys. */
  name: string;
  limit: RateLimit;
  keyOf: (req: Request) => string;
  /** 'failures': a response below 400 is taken back off the count once it has been sent. */
  counts: 'all' | 'failures';
  whenRedisDown: 'allow' | 'refuse';
  userMessage: (retryAfterSeconds: number) => string;
}

function createLimit(spec: LimitSpec): RequestHandler {
  return rateLimit({
    windowMs: spec.limit.windowSeconds * 1000,
    limit: spec.limit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: spec.name,
    keyGenerator: spec.keyOf,
    skipSuccessfulRequests: spec.counts === 'failures',
    passOnStoreError: spec.whenRedisDown === 'allow',
    store: createStore(spec.name),
    logger: limiterLogger(spec.name),
    handler: (req, _res, next) => {
      rateLimitRejections.inc({ limiter: spec.name });
      const retryAfterSeconds = retryAfterSecondsOf(req);
      next(
        new AppError('RATE_LIMITED', `Rate limit "${spec.name}" exceeded`, {
          userMessage: spec.userMessage(retryAfterSeconds),
          retryAfterSeconds,
        }),
      );
    },
  });
}

function inTime(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Every API request except health checks: per signed-in user (`userIdOf` must verify the access
 * token, or anyone could pick a fresh key), otherwise per client address.
 */
export function generalLimit(userIdOf: (req: Request) => string | undefined): RequestHandler {
  return createLimit({
    name: 'general',
    limit: config.rateLimits.general,
    keyOf: (req) => {
      const userId = userIdOf(req);

      return userId ? `user:${userId}` : clientKey(req);
    },
    counts: 'all',
    whenRedisDown: 'allow',
    userMessage: (seconds) => `Too many requests, please try again in ${inTime(seconds)}`,
  });
}

/** The limit key of an account: a hash of its normalised email, so no address is stored. */
export function accountKey(email: string): string {
  return `account:${createHash('sha256').update(email).digest('base64url')}`;
}

function accountKeyOf(req: Request): string {
  // Runs after validation, which trimmed and lower-cased the email.
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;

  return typeof email === 'string' ? accountKey(email) : clientKey(req);
}

const tooManyLogins = (seconds: number) =>
  `Too many failed sign-in attempts, please try again in ${inTime(seconds)}`;

/**
 * Failed logins per client address, then per account. Mount after validation and before the
 * password check: a refused attempt never reaches bcrypt. A successful login is not counted.
 */
export const loginLimits: RequestHandler[] = [
  createLimit({
    name: 'login-ip',
    limit: config.rateLimits.loginPerIp,
    keyOf: clientKey,
    counts: 'failures',
    whenRedisDown: 'refuse',
    userMessage: tooManyLogins,
  }),
  createLimit({
    name: 'login-account',
    limit: config.rateLimits.loginPerAccount,
    keyOf: accountKeyOf,
    counts: 'failures',
    whenRedisDown: 'refuse',
    userMessage: tooManyLogins,
  }),
];

/**
 * Wrong passwords given to confirm an action of a signed-in user (deleting the account), per
 * user, as many as failed logins per account: a stolen access token must not become a way to
 * guess the password. Mount after validation and before the password check.
 */
export function passwordCheckLimit(userIdOf: (req: Request) => string): RequestHandler {
  return createLimit({
    name: 'password-check',
    limit: config.rateLimits.loginPerAccount,
    keyOf: (req) => `user:${userIdOf(req)}`,
    counts: 'failures',
    whenRedisDown: 'refuse',
    userMessage: (seconds) => `Too many wrong passwords, please try again in ${inTime(seconds)}`,
  });
}

/** Registration attempts per client address (also slows probing for registered emails). */
export const registerLimit: RequestHandler = createLimit({
  name: 'register',
  limit: config.rateLimits.register,
  keyOf: clientKey,
  counts: 'all',
  whenRedisDown: 'refuse',
  userMessage: (seconds) => `Too many sign-ups from this network, try again in ${inTime(seconds)}`,
});
