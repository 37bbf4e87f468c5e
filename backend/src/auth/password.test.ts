import bcrypt from 'bcryptjs';

import { config, loadConfig } from '../lib/config';
import { UserModel } from '../users/model';
import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { hashPassword, verifyPassword } from './password';

useTestServices();

let emailCount = 0;
const newEmail = () => `password${(emailCount += 1)}.${Date.now()}@example.test`;

async function register(password: string, email = newEmail()) {
  const res = await api().post('/api/auth/register').send({ email, password });

  return { res, email };
}

let addressCount = 0;
/** A client address of its own per login, so that this file's failures never add up to a 429. */
const newAddress = () => `198.51.100.${(addressCount += 1) % 250}`;

const login = (email: string, password: string, address = newAddress()) =>
  api().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

describe('bcrypt cost', () => {
  it('is 12 by default and at least 12 in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-that-is-long-enough-0123',
      MONGODB_URI: 'mongodb://db1,db2,db3/habitgym?replicaSet=rs0',
      REDIS_URL: 'redis://cache:6379',
    };

    expect(loadConfig(production).bcryptCost).toBe(12);
    expect(() => loadConfig({ ...production, BCRYPT_COST: '11' })).toThrow(/BCRYPT_COST/);
  });

  it('is the cost of the stored hashes', async () => {
    expect(bcrypt.getRounds(await hashPassword('velvet lantern orbit quietly'))).toBe(
      config.bcryptCost,
    );
  });
});

describe('the 72-byte limit of bcrypt', () => {
  // 80 bytes that differ only in the last 8: bcrypt alone reads the first 72 and would take both.
  const prefix = 'the night train to lisbon leaves at nine and we shall all be on it, all of ';
  const first = `${prefix}us`;
  const second = `${prefix}them`;

  it('would make two long passwords the same without the SHA-256 pre-hash', () => {
    expect(Buffer.byteLength(prefix)).toBeGreaterThanOrEqual(72);
    expect(bcrypt.compareSync(second, bcrypt.hashSync(first, 4))).toBe(true);
  });

  it('does not let two passwords that differ after byte 72 both log in', async () => {
    const { res, email } = await register(first);
    expect(res.status).toBe(202);

    expect((await login(email, first)).status).toBe(200);
    expectError(await login(email, second), 401, 'INVALID_CREDENTIALS');
    expect(await verifyPassword(second, await hashPassword(first))).toBe(false);
  });
});

describe('what a password may be', () => {
  it.each([
    ['15 emoji', '🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵'],
    ['lower-case words only', 'velvet lantern orbit'],
    ['64 characters', 'velvet lantern orbit quietly maple harbour drift kettle sparrow x'],
    [
      '128 characters',
      `${'velvet lantern orbit quietly maple harbour drift '.repeat(2)}kettle sparrow copper fen!`.slice(
        0,
        128,
      ),
    ],
    ['Cyrillic', 'пароль из четырёх разных слов'],
  ])('accepts %s', async (_label, password) => {
    const { res, email } = await register(password);

    expect(res.status).toBe(202);
    expect((await login(email, password)).status).toBe(200);
  });

  it.each([
    ['14 emoji', '🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸', /at least 15/],
    ['129 characters', 'velvet lantern orbit quietly '.repeat(5).slice(0, 129), /at most 128/],
    ['a common one', 'iloveyouiloveyou', /common/],
    ['one character repeated', 'zzzzzzzzzzzzzzzzzzzz', /Repeated/],
  ])(
    'refuses %s, naming the password and why, and creates nothing',
    async (_label, password, why) => {
      const { res, email } = await register(password);

      expectError(res, 400, 'VALIDATION_FAILED', 'password');
      expect(res.body.error.details[0].message).toMatch(why);
      expect(await UserModel.countDocuments({ email })).toBe(0);
    },
  );

  it('signs in with any Unicode spelling that NFKC makes the same', async () => {
    const { email } = await register('ＶＥＬＶＥＴ lantern café orbit');

    expect((await login(email, 'VELVET lantern café orbit')).status).toBe(200);
    expect((await login(email, 'VELVET lantern cafe\u0301 orbit')).status).toBe(200);
    expectError(await login(email, 'velvet lantern café orbit'), 401, 'INVALID_CREDENTIALS');
  });
});

describe('what registration and login reveal', () => {
  let hashes: jest.SpyInstance;
  let compares: jest.SpyInstance;

  beforeEach(() => {
    hashes = jest.spyOn(bcrypt, 'hash');
    compares = jest.spyOn(bcrypt, 'compare');
  });

  afterEach(() => jest.restoreAllMocks());

  const work = () => ({ hashes: hashes.mock.calls.length, compares: compares.mock.calls.length });

  it('registration does the same bcrypt work and answers the same for a new and a taken email', async () => {
    const taken = newEmail();
    await register('velvet lantern orbit quietly', taken);
    jest.clearAllMocks();

    const fresh = await register('another long passphrase here');
    const freshWork = work();
    jest.clearAllMocks();
    const again = await register('another long passphrase here', taken);

    expect(work()).toEqual(freshWork);
    expect(freshWork).toEqual({ hashes: 1, compares: 0 });
    expect({ status: again.res.status, body: again.res.body }).toEqual({
      status: fresh.res.status,
      body: fresh.res.body,
    });
  });

  it('login is rate limited before any password is checked', async () => {
    const { user } = await buildUser();
    const address = newAddress();
    for (let attempt = 0; attempt < config.rateLimits.loginPerAccount.max; attempt += 1) {
      await login(user.email, 'a wrong password here', address);
    }
    jest.clearAllMocks();

    const limited = await login(user.email, 'a wrong password here', address);

    expectError(limited, 429, 'RATE_LIMITED');
    expect(work()).toEqual({ hashes: 0, compares: 0 });
  });

  it('login does the same bcrypt work and answers the same for an unknown email and a wrong password', async () => {
    const { user } = await buildUser();
    // The dummy hash for unknown emails is made once, on first use; make it before counting.
    await login('warm.up@example.test', 'a wrong password here');
    jest.clearAllMocks();

    const unknown = await login('nobody.here@example.test', 'a wrong password here');
    const unknownWork = work();
    jest.clearAllMocks();
    const wrong = await login(user.email, 'a wrong password here');

    expect(work()).toEqual(unknownWork);
    expect(unknownWork).toEqual({ hashes: 0, compares: 1 });
    expect({
      status: wrong.status,
      body: { ...wrong.body, error: { ...wrong.body.error, requestId: '' } },
    }).toEqual({
      status: unknown.status,
      body: { ...unknown.body, error: { ...unknown.body.error, requestId: '' } },
    });
  });
});
