import type { Response } from 'supertest';

import { config } from './config';
import { UserModel } from '../users/model';
import { api, buildUser, expectError, TEST_PASSWORD, useTestServices } from '../test/setup';

useTestServices();

// Without NGINX in front, X-Forwarded-For plays the part NGINX plays: with `trust proxy` at one
// hop the API takes the client address from its last entry. Each test uses its own address so
// that counts do not carry over. (That NGINX overwrites a forged header is a whole-stack test.)
let addressCount = 0;
function newClientAddress(): string {
  addressCount += 1;

  return `203.0.113.${addressCount}`;
}

const { loginPerIp, loginPerAccount, register, general } = config.rateLimits;

function login(address: string, email: string, password = 'a wrong password, again') {
  return api().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
}

function expectRateLimited(res: Response, policy: string, windowSeconds: number): void {
  expectError(res, 429, 'RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.body.error.retryAfterSeconds).toBe(retryAfter);
  expect(res.body.error.message).toMatch(/try again in \d+ (seconds|minutes)/);
  expect(res.headers.ratelimit).toContain(`"${policy}"; r=0; t=`);
}

describe('POST /api/auth/login failed-login limits', () => {
  it('allows exactly the per-address number of failed logins, then answers 429', async () => {
    const address = newClientAddress();
    const statuses: number[] = [];
    // A different unknown email each time, so only the per-address limit applies.
    for (let attempt = 0; attempt < loginPerIp.max; attempt += 1) {
      statuses.push((await login(address, `nobody${attempt}@example.test`)).status);
    }

    const refused = await login(address, 'someone.else@example.test');

    expect(statuses).toEqual(Array(loginPerIp.max).fill(401));
    expectRateLimited(refused, 'login-ip', loginPerIp.windowSeconds);
    expect(refused.headers['ratelimit-policy']).toContain(
      `"login-ip"; q=${loginPerIp.max}; w=${loginPerIp.windowSeconds}`,
    );
  });

  it('refuses even the right password once the limit is reached: no password check runs', async () => {
    const { user } = await buildUser();
    const address = newClientAddress();
    for (let attempt = 0; attempt < loginPerIp.max; attempt += 1) {
      await login(address, `nobody${attempt}@example.test`).expect(401);
    }

    const res = await login(address, user.email, TEST_PASSWORD);

    expectRateLimited(res, 'login-ip', loginPerIp.windowSeconds);
  });

  it('does not count successful logins', async () => {
    const { user } = await buildUser();
    const address = newClientAddress();

    for (let attempt = 0; attempt < loginPerIp.max + 2; attempt += 1) {
      expect((await login(address, user.email, TEST_PASSWORD)).status).toBe(200);
    }
    const failed = await login(address, 'nobody@example.test');

    expect(failed.status).toBe(401);
  });

  it('counts per account across addresses, and leaves other accounts alone', async () => {
    const { user } = await buildUser();
    const other = await buildUser();
    for (let attempt = 0; attempt < loginPerAccount.max; attempt += 1) {
      await login(newClientAddress(), user.email).expect(401);
    }

    const refused = await login(newClientAddress(), user.email, TEST_PASSWORD);
    const sameLetters = await login(newClientAddress(), user.email.toUpperCase(), TEST_PASSWORD);
    const otherAccount = await login(newClientAddress(), other.user.email, TEST_PASSWORD);

    expectRateLimited(refused, 'login-account', loginPerAccount.windowSeconds);
    expectRateLimited(sameLetters, 'login-account', loginPerAccount.windowSeconds);
    expect(otherAccount.status).toBe(200);
  });

  it('takes the address from the proxy’s hop only: entries a client adds do not reset it', async () => {
    const address = newClientAddress();
    for (let attempt = 0; attempt < loginPerIp.max; attempt += 1) {
      await api()
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.100.${attempt}, ${address}`)
        .send({ email: `nobody${attempt}@example.test`, password: 'a wrong password' })
        .expect(401);
    }

    const refused = await api()
      .post('/api/auth/login')
      .set('X-Forwarded-For', `198.51.100.200, ${address}`)
      .send({ email: 'nobody.else@example.test', password: 'a wrong password' });

    expectRateLimited(refused, 'login-ip', loginPerIp.windowSeconds);
  });

  it('does not count requests refused by validation', async () => {
    const address = newClientAddress();
    for (let attempt = 0; attempt < loginPerIp.max + 2; attempt += 1) {
      await api()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: 'not-an-email' })
        .expect(400);
    }

    expect((await login(address, 'nobody@example.test')).status).toBe(401);
  });
});

describe('POST /api/auth/register limit', () => {
  it('allows the configured number of registrations per address, then 429 writing nothing', async () => {
    const address = newClientAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < register.max; attempt += 1) {
      const res = await api()
        .post('/api/auth/register')
        .set('X-Forwarded-For', address)
        .send({ email: `signup${attempt}.${address}@example.test`, password: TEST_PASSWORD });
      statuses.push(res.status);
    }

    const refused = await api()
      .post('/api/auth/register')
      .set('X-Forwarded-For', address)
      .send({ email: `one.more.${address}@example.test`, password: TEST_PASSWORD });

    expect(statuses).toEqual(Array(register.max).fill(202));
    expectRateLimited(refused, 'register', register.windowSeconds);
    expect(await UserModel.countDocuments({ email: `one.more.${address}@example.test` })).toBe(0);
  });
});

describe('general limit', () => {
  it('limits a signed-in user by account, whatever the address, and no one else', async () => {
    const heavy = await buildUser();
    const other = await buildUser();
    for (let request = 0; request < general.max; request += 1) {
      await api()
        .get('/api/auth/me')
        .set(heavy.auth)
        .set('X-Forwarded-For', newClientAddress())
        .expect(200);
    }

    const refused = await api().get('/api/auth/me').set(heavy.auth);
    const otherUser = await api().get('/api/auth/me').set(other.auth);

    expectRateLimited(refused, 'general', general.windowSeconds);
    expect(refused.headers['ratelimit-policy']).toContain(
      `"general"; q=${general.max}; w=${general.windowSeconds}`,
    );
    expect(otherUser.status).toBe(200);
    expect(otherUser.headers.ratelimit).toMatch(/^"general"; r=\d+; t=\d+/);
  });

  it('limits anonymous requests by address, and never limits health checks', async () => {
    const address = newClientAddress();
    for (let request = 0; request < general.max; request += 1) {
      await api().get('/api/habits').set('X-Forwarded-For', address).expect(401);
    }

    const refused = await api().get('/api/habits').set('X-Forwarded-For', address);
    const health = await api().get('/api/health/live').set('X-Forwarded-For', address);

    expectRateLimited(refused, 'general', general.windowSeconds);
    expect(health.status).toBe(200);
    expect(health.headers.ratelimit).toBeUndefined();
  });
});
