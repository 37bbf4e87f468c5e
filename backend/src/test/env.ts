// Runs before each test file: its own database and Redis key prefix, so files can run in parallel.
import { randomBytes } from 'node:crypto';

const fileId = `${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
const dbPort = process.env.TEST_DB_PORT ?? '27117';
const redisPort = process.env.TEST_REDIS_PORT ?? '6479';

process.env.NODE_ENV = 'test';

/**
 * TEST_MONGODB_URI_BASE points the tests at another server, such as CI's MongoDB replica set:
 * `mongodb://127.0.0.1:27017/?replicaSet=rs0`. Its options are kept; the database name is ours.
 */
function databaseUri(base: string | undefined, name: string): string {
  if (base === undefined || base === '') {
    return `mongodb://127.0.0.1:${dbPort}/${name}?directConnection=true`;
  }
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(base);
  if (!match) {
    throw new Error(`TEST_MONGODB_URI_BASE is not a mongodb:// URI: ${base}`);
  }

  return `${match[1]}/${name}${match[2] ?? ''}`;
}

process.env.MONGODB_URI = databaseUri(process.env.TEST_MONGODB_URI_BASE, `test_${fileId}`);
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? `redis://127.0.0.1:${redisPort}`;
process.env.REDIS_KEY_PREFIX = `test:${fileId}:`;
process.env.LOG_TO_FILES = 'false';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
process.env.COOKIE_SECURE = 'false';
// A jest worker's own memory (transpiled test files, coverage) is not the API's.
process.env.MEMORY_LIMIT_MB = '4096';
// The lowest cost allowed outside production: tests check logins, not hashing strength, and
// bcrypt at cost 12 spends about 300 ms per login on these machines.
process.env.BCRYPT_COST ??= '4';
// Rate limits small enough to reach in a test, large enough for the other tests of a file (which
// mostly share one client address). Tests read the values back from `config.rateLimits`; the
// whole-stack tests get theirs from scripts/test.sh, which sets them for the API too.
process.env.RATE_LIMIT_GENERAL_MAX ??= '120';
process.env.RATE_LIMIT_LOGIN_IP_MAX ??= '6';
process.env.RATE_LIMIT_LOGIN_ACCOUNT_MAX ??= '4';
process.env.RATE_LIMIT_REGISTER_MAX ??= '30';
