import type { Redis } from 'ioredis';

import { config } from './config';
import { accountKey, rateLimitKey } from './rate-limit';
import { createRedis } from './redis';
import {
  instanceUrl,
  registerThroughStack,
  send,
  stack,
  STACK_REDIS_KEY_PREFIX,
  type StackResponse,
} from '../test/stack';

// The whole stack: NGINX in front of two PM2 API instances sharing one Redis. scripts/test.sh
// gives the API and this process the same RATE_LIMIT_* values, so config.rateLimits is the
// API's. Every request comes from 127.0.0.1; the counts for it are cleared before and after each
// test, so later stack tests can still sign in.
const { loginPerIp, loginPerAccount } = config.rateLimits;
const LOOPBACK_KEY = 'ip:127.0.0.1';

let stackRedis: Redis;
const usedAccounts: string[] = [];

async function clearLoginCounts(): Promise<void> {
  const keys = [
    rateLimitKey('login-ip', LOOPBACK_KEY),
    ...usedAccounts.map((email) => rateLimitKey('login-account', accountKey(email))),
  ];
  await stackRedis.del(...keys);
}

beforeAll(async () => {
  stackRedis = createRedis(process.env.REDIS_URL, STACK_REDIS_KEY_PREFIX);
  await stackRedis.connect();
});

beforeEach(clearLoginCounts);
afterEach(clearLoginCounts);

afterAll(async () => {
  await stackRedis.quit();
});

/** NGINX, then each instance straight, in turn: the count must not care who answers. */
function entryPoint(attempt: number): string {
  const entries = [stack.baseUrl(), instanceUrl(0), instanceUrl(1)];

  return entries[attempt % entries.length] as string;
}

/**
 * A failed login. Through NGINX it carries a forged X-Forwarded-For, which NGINX must replace.
 * Straight to an instance it carries none: the instances listen on loopback, where only NGINX
 * reaches them, and trust exactly that one hop (a forged header sent there would be believed).
 */
function failedLogin(baseUrl: string, email: string, forgedFor: string): Promise<StackResponse> {
  const isNginx = baseUrl === stack.baseUrl();

  return send(baseUrl, 'POST', '/api/auth/login', {
    body: { email, password: 'not the right password at all' },
    headers: isNginx ? { 'X-Forwarded-For': forgedFor } : {},
  });
}

function expectRateLimited(res: StackResponse, policy: string): void {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('RATE_LIMITED');
  expect(Number(res.headers.get('retry-after'))).toBe(res.body.error.retryAfterSeconds);
  expect(res.headers.get('ratelimit')).toContain(`"${policy}"; r=0;`);
}

describe('POST /api/auth/login through NGINX and both instances', () => {
  it('counts failed logins per address across instances: exactly N, then 429 whoever answers', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < loginPerIp.max; attempt += 1) {
      // A new unknown email each time, so only the per-address limit can apply.
      const email = `nobody${attempt}.${Date.now()}@example.test`;
      statuses.push((await failedLogin(entryPoint(attempt), email, '192.0.2.1')).status);
    }

    const refused = [];
    for (const baseUrl of [stack.baseUrl(), instanceUrl(0), instanceUrl(1)]) {
      refused.push(await failedLogin(baseUrl, `late.${Date.now()}@example.test`, '192.0.2.1'));
    }

    expect(statuses).toEqual(Array(loginPerIp.max).fill(401));
    for (const res of refused) {
      expectRateLimited(res, 'login-ip');
    }
  });

  it('ignores a forged X-Forwarded-For: a new one on every attempt does not reset the count', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= loginPerIp.max; attempt += 1) {
      const email = `forger${attempt}.${Date.now()}@example.test`;
      const forged = `198.51.100.${attempt + 1}, 203.0.113.${attempt + 1}`;
      statuses.push((await failedLogin(stack.baseUrl(), email, forged)).status);
    }

    expect(statuses).toEqual([...Array(loginPerIp.max).fill(401), 429]);
  });

  it('counts failed logins per account: exactly N, then 429 even with the right password', async () => {
    // Otherwise the per-address limit would refuse first.
    expect(loginPerAccount.max).toBeLessThan(loginPerIp.max);
    const { email } = await registerThroughStack();
    usedAccounts.push(email);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < loginPerAccount.max; attempt += 1) {
      statuses.push((await failedLogin(entryPoint(attempt), email, '192.0.2.2')).status);
    }

    const refused = await send(stack.baseUrl(), 'POST', '/api/auth/login', {
      body: { email, password: 'a long enough stack password' },
    });

    expect(statuses).toEqual(Array(loginPerAccount.max).fill(401));
    expectRateLimited(refused, 'login-account');
  });
});
