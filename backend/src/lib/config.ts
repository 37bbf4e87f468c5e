import { readFileSync } from 'node:fs';
import path from 'node:path';

const DEV_JWT_SECRET = 'dev-only-secret-change-me-dev-only-secret';
const MIN_SECRET_LENGTH = 32;

export type NodeEnv = 'development' | 'production' | 'test';

/** At most `max` counted requests per key in a fixed window of `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export interface RateLimits {
  /** Every API request except health checks, per signed-in user, else per client address. */
  general: RateLimit;
  /** Failed logins per client address. */
  loginPerIp: RateLimit;
  /** Failed logins per account (email), from any address. */
  loginPerAccount: RateLimit;
  /** Registration attempts per client address. */
  register: RateLimit;
}

export interface Config {
  env: NodeEnv;
  version: string;
  port: number;
  host: string;
  mongoUri: string;
  redisUrl: string;
  redisKeyPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  bcryptCost: number;
  corsOrigins: string[];
  trustProxyHops: number;
  logDir: string;
  logLevel: string;
  logToFiles: boolean;
  /** Tells the log files of PM2 cluster workers apart (PM2 sets NODE_APP_INSTANCE). */
  instance: number;
  bodyLimit: string;
  memoryLimitMb: number;
  cookieSecure: boolean;
  /** Mounts the benchmark's reference routes; only `npm run bench` sets it. */
  benchAnchors: boolean;
  metricsAllowFrom: MetricsAllowFrom;
  rateLimits: RateLimits;
}

/** Who may read /api/metrics: loopback only, or also private networks (containers, a VPC). */
export type MetricsAllowFrom = 'loopback' | 'private';

const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];
// What the `bytes` package (behind express.json's `limit`) parses: `512kb`, `1mb`, `100000`.
const BYTE_SIZE = { pattern: /^\d+(b|kb|mb)?$/i, expected: 'a size such as 512kb or 1mb' };
const HOST = { pattern: /^[A-Za-z0-9.:-]+$/, expected: 'an IP address or a host name' };

class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readString(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    return fallback;
  }

  return value;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }

  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }

  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (raw !== 'true' && raw !== 'false') {
    throw new ConfigError(`${name} must be "true" or "false", got "${raw}"`);
  }

  return raw === 'true';
}

function readChoice<T extends string>(env: Env, name: string, fallback: T, choices: T[]): T {
  const value = readString(env, name, fallback);
  if (!(choices as string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${choices.join(', ')}, got "${value}"`);
  }

  return value as T;
}

interface Shape {
  pattern: RegExp;
  expected: string;
}

function readMatching(env: Env, name: string, fallback: string, shape: Shape): string {
  const value = readString(env, name, fallback);
  if (!shape.pattern.test(value)) {
    throw new ConfigError(`${name} must be ${shape.expected}, got "${value}"`);
  }

  return value;
}

/** In production a missing value would silently point at a local default: refuse it. */
function requireInProduction(env: Env, name: string, nodeEnv: NodeEnv): void {
  if (nodeEnv === 'production' && !env[name]) {
    throw new ConfigError(`${name} must be set in production`);
  }
}

function readUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
  const value = readString(env, name, fallback);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}`);
  }

  return value;
}

function readEnvName(env: Env): NodeEnv {
  const value = readString(env, 'NODE_ENV', 'development');
  if (value !== 'development' && value !== 'production' && value !== 'test') {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${value}"`);
  }

  return value;
}

function readJwtSecret(env: Env, nodeEnv: NodeEnv): string {
  const secret = readString(env, 'JWT_SECRET', DEV_JWT_SECRET);
  if (nodeEnv !== 'production') {
    return secret;
  }
  if (secret === DEV_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET must be set in production (the default is for development)');
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }

  return secret;
}

function readOrigins(env: Env): string[] {
  const raw = readString(env, 'CORS_ORIGINS', 'http://localhost:8080,http://127.0.0.1:8080');
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    readUrl({ CORS_ORIGINS: origin }, 'CORS_ORIGINS', origin, ['http:', 'https:']);
  }

  return origins;
}

function readVersion(): string {
  const packageJson = path.join(__dirname, '..', '..', 'package.json');
  const parsed = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string };

  return parsed.version ?? '0.0.0';
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

function readRateLimit(
  env: Env,
  name: string,
  fallback: { max: number; windowSeconds: number },
): RateLimit {
  return {
    max: readInt(env, `RATE_LIMIT_${name}_MAX`, fallback.max, 1, 1_000_000),
    windowSeconds: readInt(
      env,
      `RATE_LIMIT_${name}_WINDOW_SECONDS`,
      fallback.windowSeconds,
      1,
      DAY,
    ),
  };
}

function readRateLimits(env: Env): RateLimits {
  return {
    general: readRateLimit(env, 'GENERAL', { max: 300, windowSeconds: MINUTE }),
    loginPerIp: readRateLimit(env, 'LOGIN_IP', { max: 20, windowSeconds: 15 * MINUTE }),
    loginPerAccount: readRateLimit(env, 'LOGIN_ACCOUNT', { max: 5, windowSeconds: 15 * MINUTE }),
    register: readRateLimit(env, 'REGISTER', { max: 10, windowSeconds: HOUR }),
  };
}

/**
 * Under PM2 (NODE_APP_INSTANCE is set) each cluster worker listens on API_PORT plus its instance
 * number, so that NGINX sees every worker as an upstream of its own. PM2's `increment_var` does
 * that only at start: `pm2 startOrReload --update-env`, which every deploy runs, puts all workers
 * back on one port. Outside PM2 (a container, a test) PORT is the port.
 */
function readPort(env: Env): number {
  if (env.NODE_APP_INSTANCE === undefined || env.NODE_APP_INSTANCE === '') {
    return readInt(env, 'PORT', 4000, 1, 65535);
  }
  const port =
    readInt(env, 'API_PORT', 4000, 1, 65535) + readInt(env, 'NODE_APP_INSTANCE', 0, 0, 1000);
  if (port > 65535) {
    throw new ConfigError(`API_PORT plus NODE_APP_INSTANCE must be at most 65535, got ${port}`);
  }

  return port;
}

/** Builds the configuration from environment variables; throws naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = readEnvName(env);
  requireInProduction(env, 'MONGODB_URI', nodeEnv);
  requireInProduction(env, 'REDIS_URL', nodeEnv);

  return {
    env: nodeEnv,
    version: readVersion(),
    port: readPort(env),
    host: readMatching(env, 'HOST', '127.0.0.1', HOST),
    mongoUri: readUrl(
      env,
      'MONGODB_URI',
      'mongodb://127.0.0.1:27017/habitgym?directConnection=true',
      ['mongodb:', 'mongodb+srv:'],
    ),
    redisUrl: readUrl(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisKeyPrefix: readString(env, 'REDIS_KEY_PREFIX', 'hg:'),
    jwtSecret: readJwtSecret(env, nodeEnv),
    accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 900),
    refreshTokenTtlSeconds: readInt(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 60, 90 * 86400),
    bcryptCost: readInt(env, 'BCRYPT_COST', 12, nodeEnv === 'production' ? 12 : 4, 15),
    corsOrigins: readOrigins(env),
    trustProxyHops: readInt(env, 'TRUST_PROXY_HOPS', 1, 0, 5),
    logDir: readString(env, 'LOG_DIR', path.resolve(process.cwd(), 'logs')),
    logLevel: readChoice(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info', LOG_LEVELS),
    logToFiles: readBoolean(env, 'LOG_TO_FILES', nodeEnv !== 'test'),
    instance: readInt(env, 'NODE_APP_INSTANCE', 0, 0, 1000),
    bodyLimit: readMatching(env, 'BODY_LIMIT', '512kb', BYTE_SIZE),
    memoryLimitMb: readInt(env, 'MEMORY_LIMIT_MB', 512, 32, 65536),
    cookieSecure: readBoolean(env, 'COOKIE_SECURE', true),
    benchAnchors: readBoolean(env, 'BENCH_ANCHORS', false),
    metricsAllowFrom: readChoice<MetricsAllowFrom>(env, 'METRICS_ALLOW_FROM', 'loopback', [
      'loopback',
      'private',
    ]),
    rateLimits: readRateLimits(env),
  };
}

export { ConfigError };

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw error;
    }
    // The logger is configured from this config, so this one message goes straight to stderr.
    process.stderr.write(`Invalid configuration: ${error.message}\n`);
    process.exit(1);
  }
}

export const config = loadConfigOrExit();
