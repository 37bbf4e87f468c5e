// Runs before each test file: its own database and Redis key prefix, so files can run in parallel.
import { randomBytes } from 'node:crypto';

const fileId = `${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
const dbPort = process.env.TEST_DB_PORT ?? '27117';
const redisPort = process.env.TEST_REDIS_PORT ?? '6479';

process.env.NODE_ENV = 'test';
process.env.MONGODB_URI =
  process.env.TEST_MONGODB_URI_BASE !== undefined
    ? `${process.env.TEST_MONGODB_URI_BASE.replace(/\/?$/, '')}/test_${fileId}`
    : `mongodb://127.0.0.1:${dbPort}/test_${fileId}?directConnection=true`;
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? `redis://127.0.0.1:${redisPort}`;
process.env.REDIS_KEY_PREFIX = `test:${fileId}:`;
process.env.LOG_TO_FILES = 'false';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
process.env.COOKIE_SECURE = 'false';
// A jest worker's own memory (transpiled test files, coverage) is not the API's.
process.env.MEMORY_LIMIT_MB = '4096';
